using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace VarSave.Tests.Fuzzing
{
    /// <summary>
    /// Minimal, hand-made versions of what the fuzzer found (or what reading the codecs
    /// suggested and a crafted input confirmed): each is a snapshot with a valid checksum whose
    /// load must fail with a <see cref="VarSaveException"/>. Each input is also written to
    /// /tmp/varsave-findings/ so it can be replayed outside the tests.
    /// RUNTIME BUGS: while a test here fails, the runtime throws something else for that input.
    /// </summary>
    public class FuzzFindingsTests
    {
        /// <summary>A DateTime whose binary form holds ticks past DateTime.MaxValue: DateTime.FromBinary throws ArgumentException.</summary>
        [Fact]
        public void A_DateTime_out_of_range_is_a_format_error()
        {
            var when = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            var body = Body(Woven.Save(when));
            int at = IndexOf(body, BitConverter.GetBytes(when.ToBinary()));
            BitConverter.GetBytes(0x7FFF_FFFF_FFFF_FFFFL).CopyTo(body, at); // kind Local bits, ticks far beyond MaxValue
            ExpectVarSaveException("datetime-out-of-range", _envelope.Seal(body));
        }

        /// <summary>An enum type read as a woven struct: ReadStruct casts the boxed enum to IStateful (InvalidCastException).</summary>
        [Fact]
        public void An_enum_type_used_as_a_struct_value_is_refused()
        {
            var body = Body(Woven.Save(Enum.ToObject(Woven.Type("Game.Mood"), 0)));
            var layout = _envelope.Parse(_envelope.Seal(body));
            // Enum value "tag 20, type id, 0" becomes "tag 22 (struct), type id, 0 fields".
            var enums = layout.ValueTags.Where(p => body[p] == 20 && body[p + 2] == 0).ToList();
            Assert.NotEmpty(enums);
            foreach (int p in enums) body[p] = 22;
            ExpectVarSaveException("enum-as-struct", _envelope.Seal(body));
        }

        /// <summary>Keys of different types in a SortedDictionary&lt;object,_&gt;: the comparison throws ArgumentException.</summary>
        [Fact]
        public void Sorted_dictionary_keys_that_cannot_be_compared_are_refused()
        {
            var body = Body(Woven.Save(new SortedDictionary<object, int> { ["k1"] = 1, ["k2"] = 2 }));
            // The key "k2" before its value 2 (Int32, zig-zag 4) becomes an Int32 of the same encoded length.
            if (_envelope.StringTable)
            {
                // Tag 15 and a one-byte string-table index -> the Int32 5 (tag 3, zig-zag 10).
                int index = _envelope.Parse(_envelope.Seal(body)).TableStrings.IndexOf("k2");
                Assert.InRange(index, 0, 127);
                Replace(body, new byte[] { 15, (byte)index, 3, 4 }, new byte[] { 3, 10, 3, 4 });
            }
            else
            {
                // Tag 15, length 2, "k2" -> the Int32 10000 (tag 3, 3-byte varint).
                Replace(body, new byte[] { 15, 2, (byte)'k', (byte)'2', 3, 4 }, new byte[] { 3, 0xA0, 0x9C, 0x01, 3, 4 });
            }
            ExpectVarSaveException("sorted-keys-incomparable", _envelope.Seal(body));
        }

        /// <summary>A ValueTuple`8 whose TRest is not a tuple: its constructor throws, wrapped in TargetInvocationException.</summary>
        [Fact]
        public void A_value_tuple_whose_rest_is_not_a_tuple_is_refused()
        {
            var body = Body(Woven.Save((1, 2, 3, 4, 5, 6, 7, 8)));
            var layout = _envelope.Parse(_envelope.Seal(body));
            // Type entry: kind 2 (generic), code 25 (ValueTuple`8), 8 arguments, 8 one-byte ids; make TRest int.
            var entry = layout.TypeEntries.Single(e => e.Kind == 2 && body[e.Offset + 1] == 25 && body[e.Offset + 2] == 8);
            byte intId = body[entry.Offset + 3];
            byte restId = body[entry.Offset + 10];
            body[entry.Offset + 10] = intId;
            // The value's eighth field, a ValueTuple`1 (tag 22, id, 1 field, Int32 8), becomes the Int32 8.
            body = ReplaceFirst(body, new byte[] { 22, restId, 1, 3, 16 }, new byte[] { 3, 16 });
            ExpectVarSaveException("valuetuple8-rest-not-tuple", _envelope.Seal(body));
        }

        /// <summary>A Tuple`8 whose Rest is null used as a dictionary key: Tuple.GetHashCode throws NullReferenceException.</summary>
        [Fact]
        public void A_tuple_key_whose_rest_is_null_is_refused()
        {
            var key = Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8);
            var body = Body(Woven.Save(new Dictionary<object, int> { [key] = 1 }));
            var layout = _envelope.Parse(_envelope.Seal(body));
            // The Tuple`8 record: seven Int32 values (tag 3, zig-zag 2..14), then a reference (tag 21, id) to Tuple<int>.
            var sevenInts = new byte[] { 3, 2, 3, 4, 3, 6, 3, 8, 3, 10, 3, 12, 3, 14, 21 };
            int at = IndexOf(body, sevenInts);
            int record = layout.Records.FindIndex(r => r.Start <= at && at < r.End);
            Assert.True(record >= 0);
            // Reference -> null: two bytes become one, and the record's length shrinks by one.
            int refAt = at + sevenInts.Length - 1;
            body = SnapshotSurgery.Splice(body, refAt, 2, new byte[] { 0 });
            int lengthAt = layout.RecordLengths[record];
            BitConverter.GetBytes(BitConverter.ToUInt32(body, lengthAt) - 1).CopyTo(body, lengthAt);
            ExpectVarSaveException("tuple8-rest-null-as-key", _envelope.Seal(body));
        }

        /// <summary>
        /// Every collection's count is checked against the bytes left in the whole snapshot, not in
        /// its own record, and every object is created (with that capacity) before any is filled. So
        /// N empty lists each claiming about the file's size make a file of ~8N bytes allocate ~4N²×8
        /// bytes: here ~24 KB asks for ~290 MB; ten times as many records ask for ~29 GB.
        /// </summary>
        [Fact]
        public void Collection_counts_cannot_make_a_small_file_allocate_without_bound()
        {
            const int lists = 3000;
            var body = Body(Woven.Save(Enumerable.Range(0, lists).Select(_ => (object)new List<string>()).ToList()));
            var layout = _envelope.Parse(_envelope.Seal(body));
            // Each empty list's record is one byte (count 0): make it three (0x80 0x80 0x00 is still 0), length first.
            var empty = new HashSet<int>();
            for (int r = 0; r < layout.Records.Count; r++)
            {
                var (start, end) = layout.Records[r];
                if (end - start != 1 || body[start] != 0) continue;
                BitConverter.GetBytes(3u).CopyTo(body, layout.RecordLengths[r]);
                empty.Add(start);
            }
            Assert.True(empty.Count >= lists);
            var grown = new List<byte>(body.Length + 2 * empty.Count);
            for (int i = 0; i < body.Length; i++)
            {
                if (empty.Contains(i)) grown.AddRange(new byte[] { 0x80, 0x80, 0x00 });
                else grown.Add(body[i]);
            }
            body = grown.ToArray();
            layout = _envelope.Parse(_envelope.Seal(body));
            Assert.True(layout.Complete, layout.Error);
            foreach (var (start, end) in layout.Records)
            {
                if (end - start != 3 || body[start] != 0x80 || body[start + 1] != 0x80 || body[start + 2] != 0) continue;
                // The largest count ReadCount accepts here: the bytes left after this varint, up to the 3-byte limit.
                uint claim = (uint)Math.Min(body.Length - (start + 3), (1 << 21) - 1);
                body[start] = (byte)(claim | 0x80);
                body[start + 1] = (byte)((claim >> 7) | 0x80);
                body[start + 2] = (byte)(claim >> 14);
            }
            var hostile = _envelope.Seal(body);
            string path = Write("collection-count-amplification", hostile);

            long before = GC.GetAllocatedBytesForCurrentThread();
            try { ProgramState.LoadEverything(Snapshot.FromBytes(hostile)); }
            catch (VarSaveException) { }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Null(Woven.GetStatic("Roots", "Current"));

            Assert.True(allocated < 64L << 20,
                $"Loading {hostile.Length} bytes ({empty.Count} list records) allocated {allocated >> 20} MB ({path}). RUNTIME BUG: counts are bounded by the whole file, not the record, and all objects are created before any is filled.");
        }

        /// <summary>
        /// A multi-dimensional array whose dimensions multiply past 2^32 before a 0 (found by the fuzzer on the immutables
        /// seed): it holds nothing, but Array.CreateInstance throws OutOfMemoryException, which is not caught as a format error.
        /// </summary>
        [Fact]
        public void An_empty_array_with_dimensions_no_array_can_have_is_refused()
        {
            const int first = 65536, second = 65536, third = 0;
            Assert.Null(Woven.GetStatic("Roots", "Current"));   // the woven module is loaded, so its Roots static is a root
            var file = new SnapshotBuilder();
            int array = file.Record(file.ArrayOf(file.Builtin(typeof(object)), rank: 3), SnapshotBuilder.Count(first), SnapshotBuilder.Count(second), SnapshotBuilder.Count(third));
            file.Root(SnapshotBuilder.Ref(array));
            ExpectVarSaveException($"array-dimensions-{first}-{second}-{third}", file.Build());
        }

        private static void ExpectVarSaveException(string name, byte[] hostile)
        {
            string path = Write(name, hostile);
            Exception? error = null;
            try { ProgramState.LoadEverything(Snapshot.FromBytes(hostile)); }
            catch (Exception e) { error = e; }
            finally { Woven.SetStatic("Roots", "Current", null); }
            Assert.True(error is VarSaveException,
                error == null
                    ? $"The crafted snapshot {path} loaded without an error."
                    : $"RUNTIME BUG: loading {path} threw {error.GetType().FullName}, not a VarSaveException: {error.Message}\n{error.StackTrace}");
        }

        private SnapshotEnvelope _envelope = null!;

        /// <summary>The body of a snapshot the runtime just wrote; its envelope (header, checksum) is kept for re-sealing.</summary>
        private byte[] Body(Snapshot snapshot)
        {
            var bytes = snapshot.ToArray();
            _envelope = SnapshotEnvelope.Detect(bytes);
            return SnapshotEnvelope.Body(bytes);
        }

        private static string Write(string name, byte[] bytes)
        {
            var directory = Path.Combine(Path.GetTempPath(), "varsave-findings");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, name + ".varsave");
            File.WriteAllBytes(path, bytes);
            return path;
        }

        private int IndexOf(byte[] data, byte[] pattern)
        {
            int at = SnapshotSurgery.IndexOf(data, pattern);
            if (at < 0) throw new ArgumentException($"The pattern {BitConverter.ToString(pattern)} is not in the snapshot: has the format changed? ({_envelope})");
            return at;
        }

        private void Replace(byte[] data, byte[] from, byte[] to)
        {
            Assert.Equal(from.Length, to.Length);
            to.CopyTo(data, IndexOf(data, from));
        }

        private byte[] ReplaceFirst(byte[] data, byte[] from, byte[] to) => SnapshotSurgery.Splice(data, IndexOf(data, from), from.Length, to);
    }
}
