using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// A local captured by a closure is, after a load in another process, the very variable the restored
    /// lambdas, local functions and event handlers read and write (issue 11, point 1), in Debug and Release.
    /// </summary>
    public class CapturedLocalsTests
    {
        // The top-level program. {0} is "await Task.Yield();" for the async variant (every local then
        // lives in the state machine; a struct in Release) or nothing.
        private const string TopLevel = """
            using System;
            using System.Threading.Tasks;
            using static VarSave.ProgramState;

            {0}
            var path = args[1];
            int x = 0;
            Func<int, int> addX = n => n + x;
            int count = 0;
            Func<int> counter = () => ++count;
            var bell = new Bell();
            int rings = 0;
            bell.Rang += () => rings++;
            int Twice() => x * 2;
            if (args[0] == "save")
            {
                x = 40;
                counter(); counter(); counter();
                bell.Ring(); bell.Ring();
                SaveToFile(path);
                Console.WriteLine($"saved count={count} rings={rings}");
            }
            else
            {
                var snapshot = LoadFromFile(path);
                Console.WriteLine($"loaded x={x} count={count} rings={rings}");
                x = 100;
                Console.WriteLine($"addX(1)={addX(1)} Twice()={Twice()}");
                Console.WriteLine($"counter()={counter()} count={count}");
                count = 10;
                Console.WriteLine($"counter()={counter()} count={count}");
                bell.Ring();
                Console.WriteLine($"rings={rings}");
                foreach (var shared in snapshot.LoadReport.SharedClosures) Console.WriteLine("shared: " + shared);
                foreach (var unshared in snapshot.LoadReport.UnsharedClosures) Console.WriteLine("unshared: " + unshared);
            }

            class Bell
            {
                public event Action? Rang;
                public void Ring() => Rang?.Invoke();
            }
            """;

        [Theory]
        [InlineData(false, false)]
        [InlineData(true, false)]
        [InlineData(false, true)]
        [InlineData(true, true)]
        public void In_a_top_level_program_the_local_and_the_restored_closures_are_one_variable(bool release, bool async)
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "top.varsave");
            var program = CompiledProgram.Build(Path.Combine(directory, "program"), string.Format(TopLevel.Replace("{", "{{").Replace("}", "}}").Replace("{{0}}", "{0}"), async ? "await Task.Yield();" : ""), release);

            Assert.Equal("saved count=3 rings=2\n", program.Run(directory, "save", file));
            var loaded = program.Run(directory, "load", file);

            const string expected =
                "loaded x=40 count=3 rings=2\n" +
                "addX(1)=101 Twice()=200\n" +       // x = 100 after the load is what the restored lambda reads
                "counter()=4 count=4\n" +            // the counter's local and its closure agree
                "counter()=11 count=11\n" +
                "rings=3\n" +                         // the event handler increments the method's own local
                "shared: the closure of the top-level statements (Program.cs line ";
            Assert.True(loaded.StartsWith(expected), loaded);
            Assert.DoesNotContain("unshared", loaded);
            Directory.Delete(directory, true);
        }

        private const string NestedScopes = """
            using System;
            using System.Collections.Generic;
            using static VarSave.ProgramState;

            Console.WriteLine(Scopes.Run(args[0], args[1]));

            static class Scopes
            {
                public static string Run(string mode, string path)
                {
                    int outer = 1;
                    Func<int> readOuter = () => outer;
                    var later = new List<Func<int>>();
                    for (int i = 0; i < 2; i++)
                    {
                        int inner = 10 * (i + 1);
                        Func<int> sum = () => outer + inner;      // the inner closure holds the outer one
                        later.Add(sum);
                        if (i == 0) continue;
                        if (mode == "save")
                        {
                            outer = 2;
                            inner = 30;
                            SaveToFile(path);
                            return "saved";
                        }
                        LoadFromFile(path);
                        outer += 100;
                        inner += 1000;
                        return $"{sum()} {readOuter()} {later[0]()} {outer} {inner}";
                    }
                    return "not reached";
                }
            }
            """;

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Nested_closures_are_adopted_together_and_keep_their_link(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "nested.varsave");
            var program = CompiledProgram.Build(Path.Combine(directory, "program"), NestedScopes, release);

            Assert.Equal("saved\n", program.Run(directory, "save", file));
            // outer 2 -> 102 and inner 30 -> 1030 are the variables the restored lambdas read: sum() = 1132,
            // and the first iteration's lambda (inner 10) sees the same outer: 112.
            Assert.Equal("1132 102 112 102 1030\n", program.Run(directory, "load", file));
            Directory.Delete(directory, true);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_loading_program_whose_closure_captures_one_more_variable_shares_it_and_keeps_the_new_variables_value(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "top.varsave");
            var source = TopLevel.Replace("{0}", "");
            var saver = CompiledProgram.Build(Path.Combine(directory, "v1"), source, release);
            // The loading version's top-level closure also captures y: the saved closure lacks it.
            var loader = CompiledProgram.Build(Path.Combine(directory, "v2"),
                source.Replace("int x = 0;", "int x = 0; int y = 5;").Replace("n => n + x;", "n => n + x + y - 5;"), release);

            saver.Run(directory, "save", file);
            var loaded = loader.Run(directory, "load", file);

            // The method's closure is refilled in place: x, count, rings take the saved values, y keeps its 5.
            Assert.Contains("loaded x=40 count=3 rings=2\naddX(1)=101 ", loaded);
            Assert.Contains("shared: the closure of the top-level statements", loaded);
            Assert.DoesNotContain("unshared", loaded);
            Directory.Delete(directory, true);
        }

        private const string TwoMethods = """
            using System;
            using static VarSave.ProgramState;

            Console.WriteLine(args[0] == "save" ? Slots.Save(args[1]) : Slots.Load(args[1]));

            static class Slots
            {
                public static string Save(string path)
                {
                    int x = 40;
                    Func<int, int> addX = n => n + x;
                    SaveToFile(path);
                    return $"saved {addX(0)}";
                }

                public static string Load(string path)
                {
                    int x = 0;
                    Func<int, int> addX = n => n + x;
                    var snapshot = LoadFromFile(path);
                    x = 100;
                    return $"x={x} addX(1)={addX(1)}\n" + string.Join("\n", snapshot.LoadReport.UnsharedClosures);
                }
            }
            """;

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Loading_in_another_method_than_the_one_that_saved_copies_the_captured_variables_and_says_so(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "slots.varsave");
            var program = CompiledProgram.Build(Path.Combine(directory, "program"), TwoMethods, release);

            Assert.Equal("saved 40\n", program.Run(directory, "save", file));
            var loaded = program.Run(directory, "load", file);

            // addX is Save's lambda over Save's x: Load's x took a copy. Not silent: the report names the closure and the reason.
            Assert.StartsWith("x=100 addX(1)=41\nthe closure of Slots.Load (Program.cs line ", loaded);
            Assert.Contains("): not shared with the snapshot's lambdas (the snapshot has no closure of this method in scope); ", loaded);
            // Debug saves Save's x by name and Load's x takes a copy; Release keeps Save's closure on the stack only.
            Assert.EndsWith(release
                ? "its variables keep their values, and a restored lambda reads and writes its own\n"
                : "x took copies of the saved values, so a restored lambda that captured them reads and writes its own\n", loaded);
            Directory.Delete(directory, true);
        }
    }
}
