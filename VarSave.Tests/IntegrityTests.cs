using System.Text;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>Keyed signing (refuse snapshots this program did not write) and load limits (refuse before allocating).</summary>
    public class IntegrityTests
    {
        [Fact]
        public void A_signed_snapshot_loads_only_with_the_key_that_signed_it()
        {
            try
            {
                ProgramState.SigningKey = Encoding.UTF8.GetBytes("the game's own key");
                var signed = Woven.Save("signed state").ToArray();
                Assert.Equal("signed state", Woven.RoundTripSnapshot(Snapshot.FromBytes(signed)));

                ProgramState.SigningKey = Encoding.UTF8.GetBytes("somebody else's key");
                var wrongKey = Assert.Throws<SnapshotFormatException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(signed)));
                Assert.Contains("signature does not match", wrongKey.Message);

                ProgramState.SigningKey = null;
                var unsigned = Woven.Save("unsigned state").ToArray();
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
