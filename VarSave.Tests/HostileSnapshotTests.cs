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

        [Fact]
        public void Delegates_made_each_others_targets_are_refused_as_corrupt()
        {
            // A -> B -> (a lambda): records of four bytes each: entry count 1, method entry, Ref, target id.
            var a = Woven.Call("ForeignDelegate", "Forwarding", Woven.Call("ForeignDelegate", "Forwarding", Woven.Call("ForeignDelegate", "Seven")));
            // An object snapshot: no statics, so tests running in parallel cannot shift the records' layout.
            var saved = ObjectSnapshot.Serialize(a);
            var hostile = SnapshotSurgery.Reseal(saved, body =>
            {
                // The records of A and B follow each other; B's target becomes A, so each is the other's target.
                for (int at = 0; at + 16 <= body.Length; at++)
                {
                    if (!IsDelegateRecord(body, at) || !IsDelegateRecord(body, at + 9)) continue;
                    int targetOfA = body[at + 8], targetOfB = body[at + 17];
                    if (targetOfB != targetOfA + 1) continue;
                    var edited = (byte[])body.Clone();
                    edited[at + 17] = (byte)(targetOfA - 1);
                    return edited;
                }
                throw new InvalidOperationException("The two delegate records were not found.");
            });

            var error = Assert.Throws<SnapshotFormatException>(() => ObjectSnapshot.Deserialize<object>(hostile));

            Assert.Contains("each other's targets", error.Message);
        }

        /// <summary>Whether a record starts at <paramref name="at"/>: type id, length 4, one entry, method id, a reference.</summary>
        private static bool IsDelegateRecord(byte[] body, int at) =>
            body[at + 1] == 4 && body[at + 2] == 0 && body[at + 3] == 0 && body[at + 4] == 0 && body[at + 5] == 1 && body[at + 7] == 21;
    }
}
