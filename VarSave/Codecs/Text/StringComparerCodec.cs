using System;
using System.Globalization;
using System.Reflection;
using VarSave.Codecs.Values;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Text
{
    /// <summary>
    /// The BCL's string comparers as values: ordinal, ordinal ignoring case, and culture-aware ones
    /// (<c>StringComparer.InvariantCultureIgnoreCase</c>, <c>StringComparer.Create(culture, options)</c>)
    /// as their culture's name and compare options. The shared instances load as the loading process's
    /// shared instances; a culture-aware one is made again with <c>StringComparer.Create</c>.
    /// </summary>
    internal sealed class StringComparerCodec : ImmutableObjectCodec
    {
        private const byte Ordinal = 0, OrdinalIgnoreCase = 1, Culture = 2;
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

        public static readonly StringComparerCodec Instance = new StringComparerCodec();

        /// <summary>The comparer types of the BCL itself (their classes are internal): a program's own subclass is not one.</summary>
        public static bool Handles(Type type) => typeof(StringComparer).IsAssignableFrom(type) && type.Assembly == typeof(StringComparer).Assembly;

        public override void Write(object value, StateWriter writer)
        {
            var output = writer.Output;
            if (ReferenceEquals(value, StringComparer.Ordinal)) { output.WriteByte(Ordinal); return; }
            if (ReferenceEquals(value, StringComparer.OrdinalIgnoreCase)) { output.WriteByte(OrdinalIgnoreCase); return; }
            var compareInfo = value.GetType().GetField("_compareInfo", Private)?.GetValue(value) as CompareInfo;
            var options = value.GetType().GetField("_options", Private)?.GetValue(value);
            if (compareInfo == null || !(options is CompareOptions compareOptions))
                throw writer.Unsaveable(value.GetType(), "only ordinal and culture-aware BCL string comparers can be saved.");
            output.WriteByte(Culture);
            writer.WriteMember("Culture", compareInfo.Name);
            output.WriteVarInt((long)compareOptions);
        }

        protected override object Read(StateReader reader, LoadedType type)
        {
            byte kind = reader.Input.ReadByte();
            if (kind == Ordinal) return StringComparer.Ordinal;
            if (kind == OrdinalIgnoreCase) return StringComparer.OrdinalIgnoreCase;
            if (kind != Culture) throw reader.Input.Corrupt($"unknown string comparer kind {kind}");
            string name = reader.ReadItem<string>("StringComparer.Culture") ?? throw reader.Input.Corrupt("a string comparer has no culture");
            long options = reader.Input.ReadVarInt();
            if (name.Length == 0 && options == 0) return StringComparer.InvariantCulture;
            if (name.Length == 0 && options == (long)CompareOptions.IgnoreCase) return StringComparer.InvariantCultureIgnoreCase;
            if (options < 0 || options > int.MaxValue) throw reader.Input.Corrupt("a string comparer's options are out of range");
            try
            {
#if NET
                return StringComparer.Create(Cultures.Get(name), (CompareOptions)options);
#else
                return StringComparer.Create(Cultures.Get(name), ((CompareOptions)options & CompareOptions.IgnoreCase) != 0);
#endif
            }
            catch (ArgumentException e)
            {
                throw reader.Input.Corrupt($"a string comparer cannot be built ({e.Message})");
            }
        }
    }
}
