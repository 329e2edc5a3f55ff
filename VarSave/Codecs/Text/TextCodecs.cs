using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using VarSave.Codecs.Values;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Text
{
    /// <summary>A <see cref="Version"/> as its four numbers (-1 for an absent build or revision).</summary>
    internal sealed class VersionCodec : ImmutableObjectCodec
    {
        public static readonly VersionCodec Instance = new VersionCodec();

        public override void Write(object value, StateWriter writer)
        {
            var version = (Version)value;
            foreach (int part in new[] { version.Major, version.Minor, version.Build, version.Revision }) writer.Output.WriteVarInt(part);
        }

        protected override object Read(StateReader reader, LoadedType type)
        {
            var parts = new long[4];
            for (int i = 0; i < 4; i++) parts[i] = reader.Input.ReadVarInt();
            if (parts[0] < 0 || parts[1] < 0 || Array.Exists(parts, p => p < -1 || p > int.MaxValue) || (parts[2] < 0 && parts[3] >= 0))
                throw reader.Input.Corrupt("a Version has a part out of range");
            int major = (int)parts[0], minor = (int)parts[1], build = (int)parts[2], revision = (int)parts[3];
            return build < 0 ? new Version(major, minor) : revision < 0 ? new Version(major, minor, build) : new Version(major, minor, build, revision);
        }
    }

    /// <summary>A <see cref="Uri"/> as the text it was made from and whether it is absolute; parsed again on load.</summary>
    internal sealed class UriCodec : ImmutableObjectCodec
    {
        public static readonly UriCodec Instance = new UriCodec();

        public override void Write(object value, StateWriter writer)
        {
            var uri = (Uri)value;
            writer.WriteMember("OriginalString", uri.OriginalString);
            writer.Output.WriteByte(uri.IsAbsoluteUri ? (byte)1 : (byte)0);
        }

        protected override object Read(StateReader reader, LoadedType type)
        {
            string text = reader.ReadItem<string>("Uri.OriginalString") ?? throw reader.Input.Corrupt("a Uri has no text");
            var kind = reader.Input.ReadByte() == 1 ? UriKind.Absolute : UriKind.Relative;
            if (!Uri.TryCreate(text, kind, out var uri)) throw reader.Input.Corrupt($"a Uri is not a valid {kind} URI");
            return uri;
        }
    }

    /// <summary>
    /// A <see cref="Regex"/> as its pattern, options and match timeout; constructed again on load (the
    /// pattern is parsed, never run). Construction costs more than linear time in the pattern (the
    /// non-backtracking engine builds its automaton then, quadratic or worse in the distinct characters),
    /// so one load's patterns share <see cref="LoadLimits.MaxRegexPatternChars"/>, a non-backtracking
    /// pattern of n characters counting n². The saved match timeout is kept: the pattern and timeout of a
    /// loaded Regex are data from the file (docs/security.md).
    /// </summary>
    internal sealed class RegexCodec : ImmutableObjectCodec
    {
        public static readonly RegexCodec Instance = new RegexCodec();

        /// <summary>The pattern characters this load's Regex objects have used of the limit.</summary>
        private sealed class Budget
        {
            public long Used;
        }

        public override void Write(object value, StateWriter writer)
        {
            var regex = (Regex)value;
            writer.WriteMember("Pattern", regex.ToString());
            writer.Output.WriteVarInt((long)regex.Options);
            writer.Output.WriteVarInt(regex.MatchTimeout.Ticks);
        }

        protected override object Read(StateReader reader, LoadedType type)
        {
            string pattern = reader.ReadItem<string>("Regex.Pattern") ?? throw reader.Input.Corrupt("a Regex has no pattern");
            long options = reader.Input.ReadVarInt(), ticks = reader.Input.ReadVarInt();
            if (options < 0 || options > int.MaxValue) throw reader.Input.Corrupt("a Regex's options are out of range");
            Charge(reader, pattern.Length, ((RegexOptions)options & NonBacktracking) != 0);
            try
            {
                return new Regex(pattern, (RegexOptions)options, TimeSpan.FromTicks(ticks));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException)
            {
                // NotSupportedException: the non-backtracking engine refuses an automaton over its own size limit.
                throw reader.Input.Corrupt($"a Regex cannot be built ({e.Message})");
            }
        }

        // RegexOptions.NonBacktracking (.NET 7) by value, so the netstandard build names it too.
        private const RegexOptions NonBacktracking = (RegexOptions)1024;

        private static void Charge(StateReader reader, long length, bool nonBacktracking)
        {
            int limit = reader.Input.Limits.MaxRegexPatternChars;
            var budget = PerLoad<Budget>.Of(reader);
            budget.Used += nonBacktracking ? length * length : length;
            if (budget.Used > limit)
                throw new SnapshotFormatException(
                    $"The snapshot exceeds a load limit: its Regex patterns ({length} characters in this one{(nonBacktracking ? ", non-backtracking, counted squared" : "")}) " +
                    $"come to {budget.Used}, over LoadLimits.{nameof(LoadLimits.MaxRegexPatternChars)} ({limit}); building them would cost far more than their bytes. " +
                    "Raise it in LoadOptions.Limits only for snapshots you trust.");
        }
    }

    /// <summary>
    /// A <see cref="CultureInfo"/> by name: a read-only one (<c>CultureInfo.InvariantCulture</c>,
    /// <c>GetCultureInfo</c>) loads as the loading process's cached instance, another as a new one.
    /// </summary>
    internal sealed class CultureInfoCodec : ImmutableObjectCodec
    {
        public static readonly CultureInfoCodec Instance = new CultureInfoCodec();

        public override void Write(object value, StateWriter writer)
        {
            var culture = (CultureInfo)value;
            writer.WriteMember("Name", culture.Name);
            writer.Output.WriteByte((byte)((culture.IsReadOnly ? 1 : 0) | (culture.UseUserOverride ? 2 : 0)));
        }

        protected override object Read(StateReader reader, LoadedType type)
        {
            string name = reader.ReadItem<string>("CultureInfo.Name") ?? throw reader.Input.Corrupt("a CultureInfo has no name");
            byte flags = reader.Input.ReadByte();
            return Cultures.Get(name, readOnly: (flags & 1) != 0, userOverride: (flags & 2) != 0);
        }
    }

    /// <summary>
    /// Looks cultures up by name; a culture the loading machine lacks fails naming it. Only the machine's
    /// own cultures (<c>CultureInfo.GetCultures(AllCultures)</c>) are looked up: the globalization library
    /// accepts any well-formed name ("xx-FAKE", "en-x-123") and the runtime caches every culture it is
    /// asked for by name for good, so a file naming new ones would grow the process with each load.
    /// </summary>
    internal static class Cultures
    {
        /// <summary>The longest culture name there is (LOCALE_NAME_MAX_LENGTH, with its terminator).</summary>
        private const int MaxNameLength = 85;

        private static readonly Lazy<HashSet<string>> Known = new Lazy<HashSet<string>>(() =>
            new HashSet<string>(CultureInfo.GetCultures(CultureTypes.AllCultures).Select(c => c.Name), StringComparer.OrdinalIgnoreCase));

        public static CultureInfo Get(string name, bool readOnly = true, bool userOverride = false)
        {
            try
            {
                if (name.Length == 0) return readOnly ? CultureInfo.InvariantCulture : new CultureInfo(name, userOverride);
                if (name.Length >= MaxNameLength || !Known.Value.Contains(name)) throw new CultureNotFoundException(nameof(name), name, "not a culture of this machine");
                return readOnly ? CultureInfo.GetCultureInfo(name) : new CultureInfo(name, userOverride);
            }
            catch (CultureNotFoundException)
            {
                throw new SnapshotMismatchException($"The snapshot uses the culture '{Shown(name)}', which this machine does not have (is globalization invariant mode on?).");
            }
        }

        private static string Shown(string name) => name.Length > MaxNameLength ? name.Substring(0, MaxNameLength) + "..." : name.Replace('\0', '?');
    }
}
