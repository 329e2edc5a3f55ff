using System;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>Damaged input gets a clear error, never a crash or a partial load.</summary>
    public class FormatTests
    {
        private static byte[] SampleBytes() => Woven.Save(new System.Collections.Generic.List<string> { "a", "b" }).ToArray();

        [Fact]
        public void Every_truncation_is_a_format_error()
        {
            var bytes = SampleBytes();
            for (int length = 0; length < bytes.Length; length++)
            {
                var cut = bytes.AsSpan(0, length).ToArray();
                Assert.Throws<SnapshotFormatException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(cut)));
            }
        }

        [Fact]
        public void Every_flipped_byte_is_a_format_error()
        {
            var bytes = SampleBytes();
            for (int i = 0; i < bytes.Length; i++)
            {
                var copy = (byte[])bytes.Clone();
                copy[i] ^= 0x5A;
                Assert.Throws<SnapshotFormatException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(copy)));
            }
        }

        [Fact]
        public void A_file_of_another_format_is_named_as_such()
        {
            var error = Assert.Throws<SnapshotFormatException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(new byte[64])));
            Assert.Contains("not a VarSave snapshot", error.Message);
        }

        [Fact]
        public void Snapshot_bytes_and_streams_round_trip()
        {
            var bytes = SampleBytes();
            using var stream = new System.IO.MemoryStream();
            Snapshot.FromBytes(bytes).WriteTo(stream);
            stream.Position = 0;
            Assert.Equal(bytes, Snapshot.ReadFrom(stream).ToArray());
        }
    }
}
