using System;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// A snapshot can name only what woven code registered. Renaming a saved type or delegate
    /// target to a dangerous BCL one (with a valid checksum) is refused, and nothing of it is built.
    /// </summary>
    public class HostileSnapshotTests
    {
        [Fact]
        public void A_snapshot_naming_an_unregistered_type_is_refused()
        {
            var saved = Woven.Save((object)Woven.New("Holder")).ToArray();
            var hostile = SnapshotSurgery.ReplaceName(saved, "AssemblyToProcess.Holder", "System.Diagnostics.Process");

            var error = Assert.Throws<SnapshotMismatchException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(hostile)));

            Assert.Contains("System.Diagnostics.Process", error.Message);
            Assert.Contains("defines no woven type", error.Message);
            Assert.Null(Woven.GetStatic("Roots", "Current"));
        }

        [Fact]
        public void A_snapshot_binding_a_delegate_to_an_unregistered_method_is_refused()
        {
            Woven.Call("Delegates", "Build");
            byte[] saved = Array.Empty<byte>();
            try { saved = ProgramState.SaveEverything().ToArray(); }
            finally { Woven.Call("Delegates", "Clear"); }
            var hostile = SnapshotSurgery.ReplaceName(saved, "AssemblyToProcess.Delegates::Double(System.Int32)", "System.Diagnostics.Process::Start(System.String)");

            var error = Assert.Throws<SnapshotMismatchException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(hostile)));

            Assert.Contains("delegate to System.Diagnostics.Process::Start(System.String)", error.Message);
            Assert.Null(Woven.GetStatic("Delegates", "Twice"));
            Woven.Call("Delegates", "Clear");
        }
    }
}
