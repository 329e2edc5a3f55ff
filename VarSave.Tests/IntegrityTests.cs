using System.Text;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>Keyed signing (refuse snapshots this program did not write) and load limits (refuse before allocating).</summary>
    public class IntegrityTests
    {
        private static readonly byte[] OwnKey = Encoding.UTF8.GetBytes("the game's own key, 32 bytes long");
        private static readonly byte[] OtherKey = Encoding.UTF8.GetBytes("somebody else's key, also 32+ long");

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(31)]
        public void A_signing_key_shorter_than_32_bytes_is_refused_and_the_old_key_stays(int length)
        {
            try
            {
                ProgramState.SigningKey = OwnKey;
                var refused = Assert.Throws<System.ArgumentException>(() => ProgramState.SigningKey = new byte[length]);
                Assert.Contains($"SigningKey is {length} bytes", refused.Message);
                Assert.Contains("at least 32 bytes", refused.Message);
                Assert.Contains("RandomNumberGenerator.GetBytes(32)", refused.Message);
                Assert.Same(OwnKey, ProgramState.SigningKey);

                ProgramState.SigningKey = new byte[32];
                Assert.Equal(32, ProgramState.SigningKey!.Length);
            }
            finally
            {
                ProgramState.SigningKey = null;
            }
        }

        [Fact]
        public void A_signed_snapshot_loads_only_with_the_key_that_signed_it()
        {
            try
            {
                ProgramState.SigningKey = OwnKey;
                var signed = Woven.Save("signed state").ToArray();
                Assert.Equal("signed state", Woven.RoundTripSnapshot(Snapshot.FromBytes(signed)));

                ProgramState.SigningKey = OtherKey;
                var wrongKey = Assert.Throws<SnapshotFormatException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(signed)));
                Assert.Contains("signature does not match", wrongKey.Message);

                ProgramState.SigningKey = null;
                var unsigned = Woven.Save("unsigned state").ToArray();
                ProgramState.SigningKey = OwnKey;
                var refused = Assert.Throws<SnapshotFormatException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(unsigned)));
                Assert.Contains("not signed", refused.Message);
            }
            finally
            {
                ProgramState.SigningKey = null;
                Woven.SetStatic("Roots", "Current", null);
            }
        }

        [Fact]
        public void MaxObjects_bounds_the_object_count_on_its_own_even_above_MaxItems()
        {
            // Over 299 objects (a list of 299 lists, the list, the statics' own), and no collection over 299 items.
            var lists = new System.Collections.Generic.List<object>();
            for (int i = 0; i < 299; i++) lists.Add(new System.Collections.Generic.List<int> { i });
            var bytes = Woven.Save(lists).ToArray();

            var loaded = Woven.RoundTripSnapshot(Snapshot.FromBytes(bytes));
            Assert.Equal(299, ((System.Collections.Generic.List<object>)loaded!).Count);
            try
            {
                ProgramState.LoadEverything(Snapshot.FromBytes(bytes), new LoadOptions { Limits = new LoadLimits { MaxItems = 299, MaxObjects = 1_000 } });
                Assert.Equal(299, ((System.Collections.Generic.List<object>)Woven.GetStatic("Roots", "Current")!).Count);
            }
            finally
            {
                Woven.SetStatic("Roots", "Current", null);
            }

            var objects = Assert.Throws<SnapshotFormatException>(() =>
                ProgramState.LoadEverything(Snapshot.FromBytes(bytes), new LoadOptions { Limits = new LoadLimits { MaxItems = 1_000, MaxObjects = 299 } }));
            Assert.Contains("over LoadLimits.MaxObjects (299)", objects.Message);
        }

        [Fact]
        public void Load_limits_refuse_before_allocating()
        {
            var bytes = Woven.Save(new System.Collections.Generic.List<string> { "a", new string('x', 1000) }).ToArray();

            var objects = Assert.Throws<SnapshotFormatException>(() =>
                ProgramState.LoadEverything(Snapshot.FromBytes(bytes), new LoadOptions { Limits = new LoadLimits { MaxObjects = 0 } }));
            Assert.Contains("LoadLimits.MaxObjects", objects.Message);

            var strings = Assert.Throws<SnapshotFormatException>(() =>
                ProgramState.LoadEverything(Snapshot.FromBytes(bytes), new LoadOptions { Limits = new LoadLimits { MaxStringBytes = 100 } }));
            Assert.Contains("LoadLimits.MaxStringBytes", strings.Message);

            var size = Assert.Throws<SnapshotFormatException>(() =>
                ProgramState.LoadEverything(Snapshot.FromBytes(bytes), new LoadOptions { Limits = new LoadLimits { MaxSnapshotBytes = 64 } }));
            Assert.Contains("LoadLimits.MaxSnapshotBytes", size.Message);
        }
    }
}
