using System;
using VarSave.Format;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>
    /// A collection's comparer as one byte: the default, ordinal, ordinal-ignore-case, or a
    /// comparer object saved by reference (a woven one, or a BCL one with a codec: culture-aware
    /// string comparers, default comparers). Any other comparer cannot be recreated safely, so it is
    /// refused at save time. Dictionaries and hash sets with free slots set a flag on the code: their
    /// <see cref="Collections.EntryLayout"/> follows the comparer.
    /// </summary>
    internal static class Comparers
    {
        private const byte Default = 0, Ordinal = 1, OrdinalIgnoreCase = 2, Woven = 3, LayoutFollows = 0x80;

        public static void Write(object comparer, object defaultComparer, StateWriter writer, bool layoutFollows = false)
        {
            var output = writer.Output;
            byte flag = layoutFollows ? LayoutFollows : (byte)0;
            if (ReferenceEquals(comparer, defaultComparer)) output.WriteByte((byte)(Default | flag));
            else if (ReferenceEquals(comparer, StringComparer.Ordinal)) output.WriteByte((byte)(Ordinal | flag));
            else if (ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase)) output.WriteByte((byte)(OrdinalIgnoreCase | flag));
            else if (comparer is IStateful || CodecCatalog.For(comparer.GetType()) != null)
            {
                output.WriteByte((byte)(Woven | flag));
                writer.WriteMember("Comparer", comparer);
            }
            else throw writer.Unsaveable(comparer.GetType(), "only default, ordinal, culture-aware string and woven comparers can be saved. Implement the comparer in a woven assembly.");
        }

        /// <summary>Steps over the comparer's code; true when a comparer object's reference follows as a value.</summary>
        public static bool SkipCode(StateReader reader, bool layoutAllowed = false) => ReadCode(reader, layoutAllowed, out _) == Woven;

        /// <summary>Scans a comparer: its code, and the object it refers to (which must be complete before it hashes or orders anything).</summary>
        public static void Scan(StateReader reader, ReferenceScan scan, bool layoutAllowed = false)
        {
            if (!SkipCode(reader, layoutAllowed)) return;
            bool inKey = scan.InKey;
            scan.InKey = true;
            reader.ScanValue(scan);
            scan.InKey = inKey;
        }

        public static TComparer? Read<TComparer>(StateReader reader, LoadedType type) where TComparer : class =>
            Read<TComparer>(reader, type, layoutAllowed: false, out _);

        /// <summary>Reads the comparer; <paramref name="layoutFollows"/> says an entry layout follows it (only where <paramref name="layoutAllowed"/>).</summary>
        public static TComparer? Read<TComparer>(StateReader reader, LoadedType type, bool layoutAllowed, out bool layoutFollows) where TComparer : class
        {
            byte code = ReadCode(reader, layoutAllowed, out layoutFollows);
            object? comparer = code switch
            {
                Default => null,
                Ordinal => StringComparer.Ordinal,
                OrdinalIgnoreCase => StringComparer.OrdinalIgnoreCase,
                Woven => reader.ReadValue(),
                _ => throw reader.Input.Corrupt($"unknown comparer code {code}"),
            };
            return comparer == null ? null : StateReader.Convert<TComparer>(comparer, type.Name + ".Comparer");
        }

        private static byte ReadCode(StateReader reader, bool layoutAllowed, out bool layoutFollows)
        {
            byte code = reader.Input.ReadByte();
            layoutFollows = layoutAllowed && (code & LayoutFollows) != 0;
            if (layoutFollows) code &= unchecked((byte)~LayoutFollows);
            if (code > Woven) throw reader.Input.Corrupt($"unknown comparer code {code}");
            return code;
        }
    }
}
