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
    /// refused at save time.
    /// </summary>
    internal static class Comparers
    {
        private const byte Default = 0, Ordinal = 1, OrdinalIgnoreCase = 2, Woven = 3;

        public static void Write(object comparer, object defaultComparer, StateWriter writer)
        {
            var output = writer.Output;
            if (ReferenceEquals(comparer, defaultComparer)) output.WriteByte(Default);
            else if (ReferenceEquals(comparer, StringComparer.Ordinal)) output.WriteByte(Ordinal);
            else if (ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase)) output.WriteByte(OrdinalIgnoreCase);
            else if (comparer is IStateful || CodecCatalog.For(comparer.GetType()) != null)
            {
                output.WriteByte(Woven);
                writer.WriteMember("Comparer", comparer);
            }
            else throw writer.Unsaveable(comparer.GetType(), "only default, ordinal, culture-aware string and woven comparers can be saved. Implement the comparer in a woven assembly.");
        }

        /// <summary>Steps over the comparer's code; true when a comparer object's reference follows as a value.</summary>
        public static bool SkipCode(StateReader reader)
        {
            byte code = reader.Input.ReadByte();
            if (code > Woven) throw reader.Input.Corrupt($"unknown comparer code {code}");
            return code == Woven;
        }

        /// <summary>Scans a comparer: its code, and the object it refers to (which must be complete before it hashes or orders anything).</summary>
        public static void Scan(StateReader reader, ReferenceScan scan)
        {
            if (!SkipCode(reader)) return;
            bool inKey = scan.InKey;
            scan.InKey = true;
            reader.ScanValue(scan);
            scan.InKey = inKey;
        }

        public static TComparer? Read<TComparer>(StateReader reader, LoadedType type) where TComparer : class
        {
            byte code = reader.Input.ReadByte();
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
    }
}
