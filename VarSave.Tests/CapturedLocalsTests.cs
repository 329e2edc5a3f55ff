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
        public void When_the_loading_programs_closure_captures_other_variables_the_split_is_reported(bool release)
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

            Assert.Contains("loaded x=40 count=3 rings=2\n", loaded);
            Assert.Contains("addX(1)=36", loaded);   // the restored lambda keeps its own x (40, and y 0): a split, and it is reported
            Assert.Contains("unshared: the closure of the top-level statements (Program.cs line ", loaded);
            Assert.Contains("(the saved closure captured x, count, rings; this one captures x, y, count, rings); x, count, rings took copies of the saved values", loaded);
            Directory.Delete(directory, true);
        }
    }
}
