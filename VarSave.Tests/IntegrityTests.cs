using System;
using System.Text;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>Keyed signing (refuse snapshots this program did not write) and load limits (refuse before allocating).</summary>
    public class IntegrityTests
    {
        private static byte[] Save(object root)
        {
            byte[] bytes = Array.Empty<byte>();
            Woven.WithRoot(root, () => bytes = ProgramState.SaveEverything().ToArray());
            return bytes;
        }

        [Fact]
        public void A_signed_snapshot_loads_only_with_the_key_that_signed_it()
        {
            try
            {
                ProgramState.SigningKey = Encoding.UTF8.GetBytes("the game's own key");
                var signed = Save("signed state");
                Assert.Equal("signed state", Woven.RoundTripSnapshot(Snapshot.FromBytes(signed)));

                ProgramState.SigningKey = Encoding.UTF8.GetBytes("somebody else's key");
                var wrongKey = Assert.Throws<SnapshotFormatException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(signed)));
                Assert.Contains("signature does not match", wrongKey.Message);

                ProgramState.SigningKey = null;
                var unsigned = Save("unsigned state");
                ProgramState.SigningKey = Encoding.UTF8.GetBytes("the game's own key");
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
        public void Load_limits_refuse_before_allocating()
        {
            var bytes = Save(new System.Collections.Generic.List<string> { "a", new string('x', 1000) });

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
