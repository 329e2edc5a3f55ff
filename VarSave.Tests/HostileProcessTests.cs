using System;
using System.IO;
using VarSave.Tests.Fuzzing;
using Xunit;
using static VarSave.Tests.Fuzzing.SnapshotBuilder;

namespace VarSave.Tests
{
    /// <summary>
    /// The gadget attack of issue 13 on a real woven program: one process saves, another loads its
    /// snapshot (its hook runs: the control), then files written by hand naming the program's own
    /// class, whose [AfterLoad] hook and finalizer write a file. Neither may run from a record
    /// nothing refers to, nor from a load that fails.
    /// </summary>
    public class HostileProcessTests
    {
        private const string Source = @"
using System;
using System.IO;
using VarSave;
using static VarSave.ProgramState;

namespace Game
{
    public class Gadget
    {
        public string? Path;
        [AfterLoad] private void Touch() { if (Path != null) File.AppendAllText(Path, ""hook\n""); }
        ~Gadget() { if (Path != null) File.AppendAllText(Path + "".finalized"", ""finalizer\n""); }
    }

    public static class World
    {
        public static int Score;
        public static object? Thing;
    }

    public static class Program
    {
        public static void Main(string[] args)
        {
            if (args[0] == ""save"")
            {
                World.Score = 3;
                World.Thing = new Gadget { Path = args[2] };
                SaveToFile(args[1]);
                Console.WriteLine(""saved"");
                return;
            }
            try
            {
                LoadFromFile(args[1]);
                Console.WriteLine($""loaded score={World.Score}"");
            }
            catch (VarSaveException e)
            {
                Console.WriteLine(""refused: "" + e.GetType().Name + "": "" + e.Message);
            }
            World.Thing = null;
            for (int i = 0; i < 3; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
            Console.WriteLine($""done score={World.Score}"");
        }
    }
}";

        [Fact]
        public void A_program_loading_hand_made_files_runs_no_hook_or_finalizer_of_an_object_it_did_not_reach_or_of_a_failed_load()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(Path.Combine(directory, "game"), Source);
            string Owned(string name) => Path.Combine(directory, name);

            // The control: a snapshot the program saved itself loads in another process, and its gadget's hook runs.
            var saved = Owned("saved.varsave");
            Assert.Contains("saved", program.Run(directory, "save", saved, Owned("control")));
            Assert.Contains("loaded score=3", program.Run(directory, "load", saved));
            Assert.True(File.Exists(Owned("control")), "the control: the hook of a reached gadget did not run, so the test could not see one");

            // A gadget nothing refers to.
            var unreferenced = new SnapshotBuilder();
            var gadget = unreferenced.Woven("Game.Gadget", new[] { "Path" });
            unreferenced.Record(gadget, unreferenced.String(Owned("unreferenced")));
            unreferenced.Static(unreferenced.Woven("Game.World", Array.Empty<string>()), "Score", Int(5));
            File.WriteAllBytes(Owned("unreferenced.varsave"), unreferenced.Build());
            Assert.Contains("loaded score=5", program.Run(directory, "load", Owned("unreferenced.varsave")));

            // A reached gadget in a load that then fails: a static of type int given a string.
            var failing = new SnapshotBuilder();
            int world = failing.Woven("Game.World", Array.Empty<string>());
            int reached = failing.Record(failing.Woven("Game.Gadget", new[] { "Path" }), failing.String(Owned("failed")));
            failing.Static(world, "Thing", Ref(reached));
            failing.Static(world, "Score", failing.String("not a number"));
            File.WriteAllBytes(Owned("failing.varsave"), failing.Build());
            var output = program.Run(directory, "load", Owned("failing.varsave"));
            Assert.Contains("refused: SnapshotMismatchException", output);
            Assert.Contains("Game.World.Score", output);
            Assert.Contains("done score=0", output);

            foreach (var name in new[] { "unreferenced", "failed" })
            {
                Assert.False(File.Exists(Owned(name)), $"the [AfterLoad] hook of the {name} gadget ran");
                Assert.False(File.Exists(Owned(name + ".finalized")), $"the finalizer of the {name} gadget ran");
            }
            Directory.Delete(directory, true);
        }
    }
}
