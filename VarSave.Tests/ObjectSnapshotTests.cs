using System;
using System.IO;
using System.Text;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// <see cref="ObjectSnapshot"/>: one object graph saved by one process and loaded by another,
    /// with its cycles, shared references, closures and events; and the same refusals of hostile
    /// bytes as whole-program snapshots.
    /// </summary>
    public class ObjectSnapshotTests
    {
        private const string Program = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using VarSave;

            if (args[0] == "save")
            {
                var team = Team.Build();
                Team.Loads = 99; // a static: an object snapshot must not carry it
                ObjectSnapshot.SerializeToFile(args[1], team);
                using (var stream = File.Create(args[1] + ".stream")) ObjectSnapshot.Serialize(stream, team);
                Console.WriteLine("saved " + team.Counter!());
            }
            else
            {
                Team.Loads = 7;
                var fromFile = ObjectSnapshot.DeserializeFromFile<Team>(args[1]);
                Team fromStream;
                using (var stream = File.OpenRead(args[1] + ".stream")) fromStream = ObjectSnapshot.Deserialize<Team>(stream);
                var copy = ObjectSnapshot.DeepClone(fromFile);
                Console.WriteLine("statics untouched: " + Team.Loads);
                Console.WriteLine("file: " + fromFile.Describe());
                Console.WriteLine("stream: " + fromStream.Describe());
                Console.WriteLine("copy: " + copy.Describe());
                Console.WriteLine("copy is separate: " + (!ReferenceEquals(copy, fromFile) && !ReferenceEquals(copy.A, fromFile.A)));
            }

            class Node
            {
                public string Name = "";
                public Node? Next;
                public List<Node> Friends = new List<Node>();
            }

            class Team
            {
                public static int Loads;
                public Node A = new Node(), B = new Node();
                public Func<int>? Counter;
                public Func<int, int>? AddBonus;
                public Action? Increment;
                public Func<int>? Read;
                public event Action? Ding;
                public List<string> Heard = new List<string>();

                public static Team Build()
                {
                    var team = new Team();
                    team.A.Name = "a";
                    team.B.Name = "b";
                    team.A.Next = team.B;
                    team.B.Next = team.A;                          // a cycle
                    var shared = new Node { Name = "shared" };
                    team.A.Friends.Add(shared);
                    team.B.Friends.Add(shared);                    // a shared reference
                    shared.Friends.Add(shared);                    // a self-cycle through a list
                    int count = 0;
                    team.Counter = () => ++count;                  // a closure over a local
                    team.Counter();
                    team.Counter();
                    int bonus = 40;
                    team.AddBonus = x => x + bonus;
                    int common = 10;
                    team.Increment = () => common++;               // two lambdas over one variable
                    team.Read = () => common;
                    team.Ding += () => team.Heard.Add("first");    // an event with two subscribers, over this
                    team.Ding += team.Second;
                    return team;
                }

                private void Second() => Heard.Add("second");

                public string Describe()
                {
                    Ding?.Invoke();
                    Increment!();
                    return $"cycle {ReferenceEquals(A.Next!.Next, A)}, shared {ReferenceEquals(A.Friends[0], B.Friends[0])}, " +
                           $"self {ReferenceEquals(A.Friends[0].Friends[0], A.Friends[0])}, counter {Counter!()}, bonus {AddBonus!(2)}, " +
                           $"common {Read!()}, heard {string.Join("+", Heard)}";
                }
            }
            """;

        [Fact]
        public void A_graph_with_cycles_shared_references_closures_and_events_is_loaded_by_another_process()
        {
            var directory = Processes.NewTemporaryDirectory();
            var saver = CompiledProgram.Build(Path.Combine(directory, "save"), Program);
            var loader = CompiledProgram.Build(Path.Combine(directory, "load"), Program);
            var file = Path.Combine(directory, "team.varsave");

            Assert.Equal("saved 3\n", saver.Run(directory, "save", file));
            var loaded = loader.Run(directory, "load", file);

            const string Expected = "cycle True, shared True, self True, counter 3, bonus 42, common 11, heard first+second";
            Assert.Equal(
                "statics untouched: 7\n" +
                $"file: {Expected}\n" +
                $"stream: {Expected}\n" +
                // Copied before the file's graph ran: its closures and lists are its own, untouched by that run.
                $"copy: {Expected}\n" +
                "copy is separate: True\n",
                loaded);
            Directory.Delete(directory, true);
        }

        [Fact]
        public void A_deep_clone_keeps_cycles_and_shared_references_and_shares_nothing_with_the_original()
        {
            var holder = Woven.New("Holder");
            var list = new System.Collections.Generic.List<object> { "x" };
            list.Add(list);
            holder.Anything = new object[] { list, list };
            holder.Scores["a"] = 1;

            var copy = ObjectSnapshot.DeepClone((object)holder);

            var items = (object[])((dynamic)copy).Anything;
            var copied = (System.Collections.Generic.List<object>)items[0];
            Assert.Same(copied, items[1]);
            Assert.Same(copied, copied[1]);
            Assert.NotSame(list, copied);
            Assert.Equal(1, ((dynamic)copy).Scores["a"]);
        }

        [Fact]
        public void An_unsaveable_part_of_the_object_is_named_by_its_path_from_the_object()
        {
            var holder = Woven.New("Holder");
            holder.Anything = new object[] { 1, new System.Threading.CancellationTokenSource() };
            var error = Assert.Throws<UnsaveableObjectException>(() => ObjectSnapshot.Serialize((object)holder));
            Assert.Equal("object.Anything[1]", error.ObjectPath);
        }

        [Fact]
        public void An_object_snapshot_naming_an_unregistered_type_is_refused()
        {
            var saved = ObjectSnapshot.Serialize((object)Woven.New("Holder"));
            var hostile = SnapshotSurgery.ReplaceName(saved, "AssemblyToProcess.Holder", "System.Diagnostics.Process");

            var error = Assert.Throws<SnapshotMismatchException>(() => ObjectSnapshot.Deserialize<object>(hostile));

            Assert.Contains("System.Diagnostics.Process", error.Message);
            Assert.Contains("defines no woven type", error.Message);
        }

        [Fact]
        public void Damaged_truncated_and_over_limit_object_snapshots_are_refused_with_format_errors()
        {
            var holder = Woven.New("Holder");
            holder.Anything = new System.Collections.Generic.List<int> { 1, 2, 3 };
            var saved = ObjectSnapshot.Serialize((object)holder);

            var flipped = (byte[])saved.Clone();
            flipped[saved.Length / 2] ^= 0x40;
            Assert.Contains("checksum", Assert.Throws<SnapshotFormatException>(() => ObjectSnapshot.Deserialize<object>(flipped)).Message);
            Assert.Contains("truncated", Assert.Throws<SnapshotFormatException>(() => ObjectSnapshot.Deserialize<object>(saved[..8])).Message);
            var limits = new LoadOptions { Limits = new LoadLimits { MaxObjects = 1 } };
            Assert.Contains("MaxObjects", Assert.Throws<SnapshotFormatException>(() => ObjectSnapshot.Deserialize<object>(saved, limits)).Message);
        }

        [Fact]
        public void A_whole_program_snapshot_or_a_root_of_another_type_is_refused()
        {
            var program = Woven.Save(null).ToArray();
            Assert.Contains("whole-program snapshot", Assert.Throws<SnapshotFormatException>(() => ObjectSnapshot.Deserialize<object>(program)).Message);

            var saved = ObjectSnapshot.Serialize((object)Woven.New("Holder"));
            var error = Assert.Throws<SnapshotMismatchException>(() => ObjectSnapshot.Deserialize<string>(saved));
            Assert.Contains("AssemblyToProcess.Holder", error.Message);
        }

        [Fact]
        public void Object_snapshots_are_signed_and_checked_with_the_programs_key()
        {
            try
            {
                ProgramState.SigningKey = Encoding.UTF8.GetBytes("the game's own key, 32 bytes or more");
                var signed = ObjectSnapshot.Serialize(new System.Collections.Generic.List<string> { "gold" });
                Assert.Equal("gold", ObjectSnapshot.Deserialize<System.Collections.Generic.List<string>>(signed)[0]);
                ProgramState.SigningKey = Encoding.UTF8.GetBytes("somebody else's key, 32 bytes or more");
                Assert.Contains("signature", Assert.Throws<SnapshotFormatException>(() => ObjectSnapshot.Deserialize<object>(signed)).Message);
            }
            finally
            {
                ProgramState.SigningKey = null;
            }
        }
    }
}
