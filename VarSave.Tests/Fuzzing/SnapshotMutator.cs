using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VarSave.Tests.Fuzzing
{
    /// <summary>
    /// A library-free mutator for VarSave snapshots. It knows the file layout (docs/design.md)
    /// well enough to aim at the interesting places — counts and ids, string prefixes, record
    /// lengths, type keys — and also does blind byte-level damage. Every mutation is a pure
    /// function of the <see cref="Random"/> it is given, so one iteration can be replayed alone.
    /// Most mutations re-seal the CRC-32 trailer: without that, the checksum catches every one.
    /// </summary>
    internal sealed class SnapshotMutator
    {
        /// <summary>The share of mutations whose CRC-32 trailer is recomputed after the damage.</summary>
        public const double ResealShare = 0.85;

        private const int TrailerLength = 4;

        private readonly IReadOnlyList<(string Name, byte[] Bytes)> _seeds;
        private readonly string[] _typeNames;
        private readonly string[] _fieldNames;

        /// <summary>Names a hostile snapshot might try: process-bound BCL types and methods, plus odd strings.</summary>
        public static readonly string[] HostileNames =
        {
            "System.Diagnostics.Process", "System.IO.FileStream", "System.IO.File", "System.Object", "System.String",
            "System.Type", "System.RuntimeType", "System.AppDomain", "System.Reflection.Assembly", "System.Threading.Thread",
            "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2", "System.Action", "System.Func`2",
            "System.Diagnostics.Process::Start(System.String)", "System.Environment::Exit(System.Int32)",
            "System.IO.File::Delete(System.String)", "System.GC::Collect()", "System.Activator::CreateInstance(System.Type)",
            "VarSave.Tests.Trap", "VarSave.Tests.Fuzzing.SnapshotMutator", "VarSave.ProgramState", "VarSave.Snapshot",
            "AssemblyToProcess", "AssemblyToProcess.", "AssemblyToProcess.Game", "AssemblyToProcess.Game.Box", "AssemblyToProcess.Game.Box`2",
            "", " ", "\0", "a\0b", "::", "#closure0", "AssemblyToProcess.Delegates::Build()#closure99", "Ω≈ç√∫", new string('x', 300),
        };

        public SnapshotMutator(IReadOnlyList<(string Name, byte[] Bytes)> seeds, IEnumerable<string> registeredKeys)
        {
            _seeds = seeds;
            Envelope = SnapshotEnvelope.Detect(seeds[0].Bytes);
            Layouts = seeds.Select(s => Envelope.Parse(s.Bytes)).ToArray();
            // A layout this parser does not know (the format changed) leaves the aimed mutations approximate, not useless.
            foreach (var (layout, seed) in Layouts.Zip(seeds))
                if (!layout.Complete) Warnings.Add($"seed {seed.Name}: layout not fully understood ({layout.Error}); aimed mutations are approximate");
            var keysInSeeds = Layouts.SelectMany(l => l.Strings).Where(s => s.Role is StringRole.TypeKey or StringRole.MethodKey).Select(s => s.Text);
            _typeNames = registeredKeys.Concat(keysInSeeds).Concat(HostileNames).Distinct().ToArray();
            _fieldNames = Layouts.SelectMany(l => l.Strings).Where(s => s.Role is StringRole.FieldName or StringRole.StaticName)
                .Select(s => s.Text).Concat(new[] { "", "Value", "Next", "Name", "Target" }).Distinct().ToArray();
        }

        /// <summary>The parsed layout of each seed, for reporting.</summary>
        public SnapshotLayout[] Layouts { get; }

        /// <summary>The header length and checksum the runtime writes, found from the first seed.</summary>
        public SnapshotEnvelope Envelope { get; }

        /// <summary>What the mutator could not understand about the seeds (empty when their layout is the documented one).</summary>
        public List<string> Warnings { get; } = new();

        /// <summary>Every mutation kind, for counting.</summary>
        public static readonly string[] Kinds =
        {
            "bitflip", "byteset", "truncate", "splice", "splice-sections", "insert", "delete", "duplicate",
            "varint", "record-length", "type-key", "field-name", "type-kind", "value-tag", "payload",
        };

        /// <summary>Damages one seed (sometimes two, for splices) with one to four mutations.</summary>
        public (byte[] Bytes, string Description, bool Resealed, string[] Kinds) Next(Random random)
        {
            int seedIndex = random.Next(_seeds.Count);
            bool reseal = random.NextDouble() < ResealShare;
            var seed = _seeds[seedIndex].Bytes;
            // Resealed mutations work on the body (the trailer is recomputed); the others on the whole file.
            var data = reseal ? seed.AsSpan(0, seed.Length - TrailerLength).ToArray() : (byte[])seed.Clone();
            var layout = Layouts[seedIndex];
            int count = 1 + (random.NextDouble() < 0.3 ? random.Next(1, 4) : 0);
            var kinds = new string[count];
            var description = new StringBuilder($"seed {_seeds[seedIndex].Name}, {(reseal ? "CRC re-sealed" : "CRC not re-sealed")}:");
            for (int i = 0; i < count; i++)
            {
                // After the first structural change the offsets move: re-parse what can still be parsed.
                if (i > 0) layout = Envelope.Parse(reseal ? Envelope.Seal(data) : data);
                var (mutated, kind, what) = MutateOnce(data, layout, random);
                data = mutated;
                kinds[i] = kind;
                description.Append(' ').Append(what).Append(';');
            }
            return (reseal ? Envelope.Seal(data) : data, description.ToString(), reseal, kinds);
        }

        private (byte[] Data, string Kind, string What) MutateOnce(byte[] data, SnapshotLayout layout, Random random)
        {
            while (true)
            {
                string kind = Kinds[random.Next(Kinds.Length)];
                var result = Apply(kind, data, layout, random);
                if (result != null) return (result.Value.Data, kind, result.Value.What);
            }
        }

        private (byte[] Data, string What)? Apply(string kind, byte[] data, SnapshotLayout layout, Random random)
        {
            switch (kind)
            {
                case "bitflip":
                {
                    if (data.Length == 0) return null;
                    var copy = (byte[])data.Clone();
                    int flips = 1 + random.Next(8);
                    var at = new List<string>();
                    for (int i = 0; i < flips; i++)
                    {
                        int pos = random.Next(copy.Length), bit = random.Next(8);
                        copy[pos] ^= (byte)(1 << bit);
                        at.Add($"{pos}.{bit}");
                    }
                    return (copy, $"flip bits {string.Join(",", at)}");
                }
                case "byteset":
                {
                    if (data.Length == 0) return null;
                    var copy = (byte[])data.Clone();
                    int sets = 1 + random.Next(4);
                    var at = new List<string>();
                    for (int i = 0; i < sets; i++)
                    {
                        int pos = random.Next(copy.Length);
                        copy[pos] = InterestingByte(random);
                        at.Add($"{pos}={copy[pos]:X2}");
                    }
                    return (copy, $"set bytes {string.Join(",", at)}");
                }
                case "truncate":
                {
                    int length = random.Next(data.Length + 1);
                    return (data.AsSpan(0, length).ToArray(), $"truncate to {length}");
                }
                case "splice":
                {
                    // Another seed's bytes from a random point, after this one's up to a random point.
                    var other = Body(random);
                    int cut = random.Next(data.Length + 1), from = random.Next(other.Length + 1);
                    return (data.AsSpan(0, cut).ToArray().Concat(other.Skip(from)).ToArray(), $"splice [0,{cut}) + other[{from}..]");
                }
                case "splice-sections":
                {
                    // Whole sections across seeds: this type table with another's objects and roots, or the reverse.
                    int otherIndex = random.Next(_seeds.Count);
                    var other = _seeds[otherIndex].Bytes;
                    var otherLayout = Layouts[otherIndex];
                    if (layout.TypesEnd <= 0) return null;
                    int boundary = random.Next(2) == 0 ? layout.TypesEnd : layout.ObjectsEnd;
                    int otherBoundary = boundary == layout.TypesEnd ? otherLayout.TypesEnd : otherLayout.ObjectsEnd;
                    if (boundary <= 0 || boundary > data.Length || otherBoundary <= 0) return null;
                    var tail = other.AsSpan(otherBoundary, other.Length - TrailerLength - otherBoundary).ToArray();
                    return (data.AsSpan(0, boundary).ToArray().Concat(tail).ToArray(),
                        $"sections [0,{boundary}) + {_seeds[otherIndex].Name}[{otherBoundary}..]");
                }
                case "insert":
                {
                    int pos = random.Next(data.Length + 1);
                    int length = random.Next(3) == 0 ? random.Next(1, 4096) : random.Next(1, 17);
                    var inserted = new byte[length];
                    if (random.Next(2) == 0) random.NextBytes(inserted);
                    else Array.Fill(inserted, InterestingByte(random));
                    return (data.Take(pos).Concat(inserted).Concat(data.Skip(pos)).ToArray(), $"insert {length} bytes at {pos}");
                }
                case "delete":
                {
                    if (data.Length == 0) return null;
                    int pos = random.Next(data.Length);
                    int length = Math.Min(data.Length - pos, random.Next(3) == 0 ? random.Next(1, 2048) : random.Next(1, 9));
                    return (data.Take(pos).Concat(data.Skip(pos + length)).ToArray(), $"delete {length} bytes at {pos}");
                }
                case "duplicate":
                {
                    if (data.Length == 0) return null;
                    int from = random.Next(data.Length), length = Math.Min(data.Length - from, random.Next(1, 256));
                    int to = random.Next(data.Length + 1);
                    var chunk = data.AsSpan(from, length).ToArray();
                    return (data.Take(to).Concat(chunk).Concat(data.Skip(to)).ToArray(), $"copy {length} bytes from {from} to {to}");
                }
                case "varint":
                {
                    var fields = layout.Varints;
                    if (fields.Count == 0) return null;
                    var field = fields[random.Next(fields.Count)];
                    if (field.End > data.Length) return null;
                    var (encoded, value) = NewVarint(field, random);
                    return (Replace(data, field.Offset, field.Length, encoded), $"varint {field.Role} at {field.Offset} ({field.Value}) -> {value}");
                }
                case "record-length":
                {
                    var lengths = layout.RecordLengths;
                    if (lengths.Count == 0) return null;
                    int at = lengths[random.Next(lengths.Count)];
                    if (at + 4 > data.Length) return null;
                    uint old = BitConverter.ToUInt32(data, at);
                    uint value = random.Next(7) switch
                    {
                        0 => 0, 1 => uint.MaxValue, 2 => int.MaxValue, 3 => old + 1, 4 => old - 1,
                        5 => (uint)data.Length, _ => (uint)random.Next(),
                    };
                    var copy = (byte[])data.Clone();
                    BitConverter.GetBytes(value).CopyTo(copy, at);
                    return (copy, $"record length at {at} ({old}) -> {value}");
                }
                case "type-key":
                {
                    var keys = layout.Strings.Where(s => s.Role is StringRole.TypeKey or StringRole.MethodKey).ToList();
                    if (keys.Count == 0) return null;
                    var target = keys[random.Next(keys.Count)];
                    string replacement = _typeNames[random.Next(_typeNames.Length)];
                    return ReplaceString(data, target, replacement, random);
                }
                case "field-name":
                {
                    var names = layout.Strings.Where(s => s.Role is StringRole.FieldName or StringRole.StaticName or StringRole.LocalName or StringRole.TableEntry).ToList();
                    if (names.Count == 0) return null;
                    var target = names[random.Next(names.Count)];
                    return ReplaceString(data, target, _fieldNames[random.Next(_fieldNames.Length)], random);
                }
                case "type-kind":
                {
                    var kinds = layout.TypeEntries;
                    if (kinds.Count == 0) return null;
                    var entry = kinds[random.Next(kinds.Count)];
                    if (entry.Offset + 2 > data.Length) return null;
                    var copy = (byte[])data.Clone();
                    // Either the kind byte, or the code byte that follows it (built-in and generic codes).
                    int at = entry.Offset + random.Next(2);
                    copy[at] = (byte)(random.Next(3) == 0 ? random.Next(256) : random.Next(0, 48));
                    return (copy, $"type entry byte at {at} ({data[at]}) -> {copy[at]}");
                }
                case "value-tag":
                {
                    var tags = layout.ValueTags;
                    if (tags.Count == 0) return null;
                    int at = tags[random.Next(tags.Count)];
                    if (at >= data.Length) return null;
                    var copy = (byte[])data.Clone();
                    copy[at] = (byte)(random.Next(8) == 0 ? random.Next(256) : random.Next(0, 24));
                    return (copy, $"value tag at {at} ({data[at]}) -> {copy[at]}");
                }
                case "payload":
                {
                    // Damage inside one object record, where the codecs read.
                    var records = layout.Records;
                    if (records.Count == 0) return null;
                    var (start, end) = records[random.Next(records.Count)];
                    if (end <= start || end > data.Length) return null;
                    var copy = (byte[])data.Clone();
                    int edits = 1 + random.Next(3);
                    var at = new List<string>();
                    for (int i = 0; i < edits; i++)
                    {
                        int pos = random.Next(start, end);
                        copy[pos] = random.Next(2) == 0 ? InterestingByte(random) : (byte)(copy[pos] ^ (1 << random.Next(8)));
                        at.Add($"{pos}={copy[pos]:X2}");
                    }
                    return (copy, $"record [{start},{end}) bytes {string.Join(",", at)}");
                }
                default:
                    throw new InvalidOperationException(kind);
            }
        }

        private (byte[] Data, string What)? ReplaceString(byte[] data, StringField target, string replacement, Random random)
        {
            if (target.End > data.Length) return null;
            byte[] encoded;
            string shown = replacement.Length > 40 ? replacement.Substring(0, 40) + "…" : replacement;
            int variant = random.Next(10);
            if (variant == 0)
            {
                // Invalid UTF-8 with a correct prefix.
                encoded = Prefix(new byte[] { 0xC3, 0x28, 0xFF, 0xFE });
                shown = "<invalid UTF-8>";
            }
            else if (variant == 1)
            {
                // A correct name behind a prefix that lies about its length.
                var bytes = Encoding.UTF8.GetBytes(replacement);
                encoded = Varint((ulong)(bytes.Length + random.Next(-3, 4))).Concat(bytes).ToArray();
                shown += " (wrong length prefix)";
            }
            else encoded = Prefix(Encoding.UTF8.GetBytes(replacement));
            return (Replace(data, target.Offset, target.Length, encoded), $"{target.Role} '{target.Text}' at {target.Offset} -> '{shown}'");
        }

        private byte[] Body(Random random)
        {
            var other = _seeds[random.Next(_seeds.Count)].Bytes;
            return other.AsSpan(0, other.Length - TrailerLength).ToArray();
        }

        private static (byte[] Encoded, string Value) NewVarint(VarintField field, Random random)
        {
            switch (random.Next(12))
            {
                case 0: return (Varint(0), "0");
                case 1: return (Varint(field.Value + 1), (field.Value + 1).ToString());
                case 2: return (Varint(field.Value - 1), (field.Value - 1).ToString());
                case 3: return (Varint(int.MaxValue), "int.MaxValue");
                case 4: return (Varint(uint.MaxValue), "uint.MaxValue");
                case 5: return (Varint((ulong)int.MaxValue + 1), "2^31");
                case 6: return (Varint(long.MaxValue), "long.MaxValue");
                case 7: return (Varint(ulong.MaxValue), "ulong.MaxValue");
                case 8:
                {
                    var bytes = new byte[random.Next(10, 13)];
                    Array.Fill(bytes, (byte)0xFF);
                    bytes[^1] = (byte)random.Next(0, 128);
                    return (bytes, $"an overlong {bytes.Length}-byte varint");
                }
                case 9:
                {
                    // The same value, encoded with redundant continuation bytes.
                    var bytes = Varint(field.Value).ToList();
                    bytes[^1] |= 0x80;
                    bytes.Add(0);
                    return (bytes.ToArray(), $"{field.Value} padded to {bytes.Count} bytes");
                }
                case 10:
                {
                    ulong value = (ulong)random.NextInt64() << random.Next(0, 2);
                    return (Varint(value), value.ToString());
                }
                default:
                {
                    ulong value = (ulong)random.Next(0, 1 << random.Next(1, 20));
                    return (Varint(value), value.ToString());
                }
            }
        }

        private static byte InterestingByte(Random random) => random.Next(8) switch
        {
            0 => 0x00, 1 => 0xFF, 2 => 0x7F, 3 => 0x80, 4 => 0x01, 5 => 0x15 /* Ref */, 6 => 0x16 /* Struct */,
            _ => (byte)random.Next(256),
        };

        private static byte[] Replace(byte[] data, int offset, int length, byte[] with)
        {
            var result = new byte[data.Length - length + with.Length];
            Buffer.BlockCopy(data, 0, result, 0, offset);
            Buffer.BlockCopy(with, 0, result, offset, with.Length);
            Buffer.BlockCopy(data, offset + length, result, offset + with.Length, data.Length - offset - length);
            return result;
        }

        private static byte[] Prefix(byte[] bytes) => Varint((ulong)bytes.Length).Concat(bytes).ToArray();

        public static byte[] Varint(ulong value)
        {
            var bytes = new List<byte>(10);
            while (value >= 0x80)
            {
                bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }
            bytes.Add((byte)value);
            return bytes.ToArray();
        }
    }

    /// <summary>
    /// What surrounds a snapshot's body: the header length (magic, version, and since the signed
    /// format a flags byte) and the trailer checksum (CRC-32 or CRC-32C). Detected from a snapshot
    /// the runtime wrote, so the harness follows the format instead of hard-coding it.
    /// </summary>
    internal sealed class SnapshotEnvelope
    {
        private SnapshotEnvelope(int headerLength, bool stringTable, string checksumName, uint[] table)
        {
            HeaderLength = headerLength;
            StringTable = stringTable;
            ChecksumName = checksumName;
            _table = table;
        }

        private readonly uint[] _table;

        public int HeaderLength { get; }

        /// <summary>Whether strings are stored once in a table after the types, and values refer to them by index.</summary>
        public bool StringTable { get; }

        public string ChecksumName { get; }

        /// <summary>Whether <see cref="SnapshotLayout"/> parsed the sample to its end with these settings.</summary>
        public bool LayoutUnderstood { get; private set; }

        public override string ToString() =>
            $"{HeaderLength}-byte header, {(StringTable ? "a string table, " : "")}{ChecksumName} trailer" +
            (LayoutUnderstood ? "" : " (layout NOT understood: only blind mutations are exact)");

        /// <summary>
        /// The envelope of <paramref name="snapshot"/>, an unsigned snapshot the runtime just wrote. The
        /// checksum must be one of the known ones (or nothing could be re-sealed); the layout variant is
        /// the one that parses the sample to its end, or else the one that parses furthest.
        /// </summary>
        public static SnapshotEnvelope Detect(byte[] snapshot)
        {
            uint stored = BitConverter.ToUInt32(snapshot, snapshot.Length - 4);
            foreach (var (name, table) in new[] { ("CRC-32C", Crc32CTable), ("CRC-32", Crc32Table) })
            {
                if (Compute(table, snapshot, snapshot.Length - 4) != stored) continue;
                SnapshotEnvelope? best = null;
                int bestReached = -1;
                foreach (var (header, strings) in new[] { (11, true), (11, false), (10, false), (10, true) })
                {
                    var candidate = new SnapshotEnvelope(header, strings, name, table);
                    var layout = candidate.Parse(snapshot);
                    if (layout.Complete)
                    {
                        candidate.LayoutUnderstood = true;
                        return candidate;
                    }
                    if (layout.Reached > bestReached) (best, bestReached) = (candidate, layout.Reached);
                }
                return best!;
            }
            throw new InvalidOperationException("The snapshot's trailer is neither CRC-32C nor CRC-32 of what precedes it (is ProgramState.SigningKey set?): update SnapshotEnvelope.");
        }

        /// <summary>The body followed by its checksum, as the runtime writes it.</summary>
        public byte[] Seal(byte[] body)
        {
            var sealedBytes = new byte[body.Length + 4];
            Buffer.BlockCopy(body, 0, sealedBytes, 0, body.Length);
            BitConverter.GetBytes(Compute(_table, body, body.Length)).CopyTo(sealedBytes, body.Length);
            return sealedBytes;
        }

        /// <summary>The body of a sealed snapshot (everything before the checksum).</summary>
        public static byte[] Body(byte[] snapshot) => snapshot.AsSpan(0, snapshot.Length - 4).ToArray();

        public SnapshotLayout Parse(byte[] data) => SnapshotLayout.Parse(data, HeaderLength, StringTable);

        private static readonly uint[] Crc32Table = Table(0xEDB88320);
        private static readonly uint[] Crc32CTable = Table(0x82F63B78);

        private static uint[] Table(uint polynomial) => Enumerable.Range(0, 256).Select(n =>
        {
            uint c = (uint)n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? polynomial ^ (c >> 1) : c >> 1;
            return c;
        }).ToArray();

        private static uint Compute(uint[] table, byte[] data, int length)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = 0; i < length; i++) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }
    }

    internal enum StringRole { TypeKey, MethodKey, FieldName, StaticName, LocalName, Value, TableEntry }

    internal enum VarintRole
    {
        TypeCount, GenericArgCount, TypeId, FieldCount, ArrayRank, StringLength, ObjectCount, StaticCount, NameCount,
        LocalCount, Int, ObjectRef, StructFieldCount, StringCount, StringIndex,
    }

    internal readonly record struct StringField(int Offset, int Length, string Text, StringRole Role)
    {
        public int End => Offset + Length;
    }

    internal readonly record struct VarintField(int Offset, int Length, ulong Value, VarintRole Role)
    {
        public int End => Offset + Length;
    }

    internal readonly record struct TypeEntry(int Offset, byte Kind);

    /// <summary>
    /// Where things are in a snapshot: a tolerant parser of the format of docs/design.md. It
    /// parses as far as it can (a damaged snapshot gives a partial layout) and never throws.
    /// Object payloads are codec-specific and are kept as opaque ranges.
    /// </summary>
    internal sealed class SnapshotLayout
    {
        public List<VarintField> Varints { get; } = new();
        public List<StringField> Strings { get; } = new();
        public List<TypeEntry> TypeEntries { get; } = new();
        public List<int> RecordLengths { get; } = new();
        public List<(int Start, int End)> Records { get; } = new();
        public List<int> ValueTags { get; } = new();
        public int TypesEnd { get; private set; } = -1;
        public int ObjectsEnd { get; private set; } = -1;
        public bool Complete { get; private set; }
        public string? Error { get; private set; }
        /// <summary>How far the parse got (the whole body when <see cref="Complete"/>).</summary>
        public int Reached => _pos;
        /// <summary>The string table's entries, in order (empty when the format has no string table).</summary>
        public List<string> TableStrings { get; } = new();

        private byte[] _data = Array.Empty<byte>();
        private int _pos;
        private int _end;
        private bool _stringTable;

        public static SnapshotLayout Parse(byte[] data, int headerLength, bool stringTable)
        {
            var layout = new SnapshotLayout { _data = data, _pos = headerLength, _end = data.Length - 4, _stringTable = stringTable };
            try
            {
                layout.ParseAll();
                layout.Complete = layout._pos == layout._end;
                if (!layout.Complete) layout.Error = $"{layout._end - layout._pos} bytes after the roots";
            }
            catch (FormatException e)
            {
                layout.Error = e.Message;
            }
            return layout;
        }

        private void ParseAll()
        {
            if (_end < _pos) throw new FormatException("too short");
            int types = (int)Math.Min(Varint(VarintRole.TypeCount), int.MaxValue);
            for (int id = 0; id < types; id++)
            {
                byte kind = Byte();
                TypeEntries.Add(new TypeEntry(_pos - 1, kind));
                switch (kind)
                {
                    case 1: Byte(); break;
                    case 2: Byte(); Arguments(); break;
                    case 3:
                        String(StringRole.TypeKey);
                        Arguments();
                        ulong fields = Varint(VarintRole.FieldCount);
                        for (ulong i = 0; i < fields; i++) String(StringRole.FieldName);
                        break;
                    case 4: Varint(VarintRole.TypeId); Varint(VarintRole.ArrayRank); break;
                    case 5: String(StringRole.MethodKey); Varint(VarintRole.TypeId); break;
                    case 8: String(StringRole.TypeKey); break; // a surrogate: its key
                    default: throw new FormatException($"type kind {kind}");
                }
            }
            TypesEnd = _pos;

            if (_stringTable)
            {
                ulong strings = Varint(VarintRole.StringCount);
                for (ulong i = 0; i < strings; i++) TableStrings.Add(String(StringRole.TableEntry));
            }

            ulong objects = Varint(VarintRole.ObjectCount);
            for (ulong id = 0; id < objects; id++)
            {
                Varint(VarintRole.TypeId);
                RecordLengths.Add(_pos);
                uint length = UInt32();
                if (length > (uint)(_end - _pos)) throw new FormatException("record too long");
                Records.Add((_pos, _pos + (int)length));
                _pos += (int)length;
            }
            ObjectsEnd = _pos;

            ulong statics = Varint(VarintRole.StaticCount);
            for (ulong i = 0; i < statics; i++)
            {
                Varint(VarintRole.TypeId);
                ulong names = Varint(VarintRole.NameCount);
                for (ulong n = 0; n < names; n++) String(StringRole.StaticName);
                for (ulong n = 0; n < names; n++) Value(0);
            }
            ulong locals = Varint(VarintRole.LocalCount);
            for (ulong i = 0; i < locals; i++)
            {
                String(StringRole.LocalName);
                Value(0);
            }
        }

        private void Arguments()
        {
            ulong count = Varint(VarintRole.GenericArgCount);
            if (count > 32) throw new FormatException("arity");
            for (ulong i = 0; i < count; i++) Varint(VarintRole.TypeId);
        }

        private void Value(int depth)
        {
            if (depth > 64) throw new FormatException("depth");
            ValueTags.Add(_pos);
            byte tag = Byte();
            switch (tag)
            {
                case 0: case 1: case 2: break;
                case 3: case 4: case 9: case 10: Varint(VarintRole.Int); break;
                case 5: case 6: Skip(1); break;
                case 7: case 8: case 11: Skip(2); break;
                case 12: Skip(4); break;
                case 13: case 16: case 18: Skip(8); break;
                case 14: case 19: Skip(16); break;
                case 15:
                    if (_stringTable) Varint(VarintRole.StringIndex);
                    else String(StringRole.Value);
                    break;
                case 23: String(StringRole.Value); break; // an external object's key
                case 17: Skip(10); break;
                case 20: Varint(VarintRole.TypeId); Varint(VarintRole.Int); break;
                case 21: Varint(VarintRole.ObjectRef); break;
                case 22:
                    Varint(VarintRole.TypeId);
                    ulong count = Varint(VarintRole.StructFieldCount);
                    for (ulong i = 0; i < count; i++) Value(depth + 1);
                    break;
                default: throw new FormatException($"value tag {tag}");
            }
        }

        private byte Byte()
        {
            if (_pos >= _end) throw new FormatException("end");
            return _data[_pos++];
        }

        private void Skip(int count)
        {
            if (_end - _pos < count) throw new FormatException("end");
            _pos += count;
        }

        private uint UInt32()
        {
            Skip(4);
            return BitConverter.ToUInt32(_data, _pos - 4);
        }

        private ulong Varint(VarintRole role)
        {
            int start = _pos;
            ulong value = 0;
            for (int shift = 0; ; shift += 7)
            {
                if (shift > 63) throw new FormatException("varint");
                byte b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            Varints.Add(new VarintField(start, _pos - start, value, role));
            return value;
        }

        private string String(StringRole role)
        {
            int start = _pos;
            ulong length = Varint(VarintRole.StringLength);
            if (length > (ulong)(_end - _pos)) throw new FormatException("string");
            string text;
            try { text = new UTF8Encoding(false, true).GetString(_data, _pos, (int)length); }
            catch (ArgumentException) { throw new FormatException("utf-8"); }
            _pos += (int)length;
            Strings.Add(new StringField(start, _pos - start, text, role));
            return text;
        }
    }
}
