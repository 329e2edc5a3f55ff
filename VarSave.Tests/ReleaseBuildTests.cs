using System.IO;
using System.Linq;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// Release builds: async state machines are structs, keyed by their method like classes (issue 11, point 8),
    /// and a module without a PDB gets a build warning instead of silently saving no local (point 7).
    /// </summary>
    public class ReleaseBuildTests
    {
        // {0}: nothing in the first version, an unrelated async method before Run in the second, which renumbers
        // the compiler's names (<Run>d__0 becomes <Run>d__1, <>c__DisplayClass0_0 becomes ..1_0).
        private const string AsyncProgram = """
            using System;
            using System.Threading.Tasks;
            using static VarSave.ProgramState;

            Console.WriteLine(await Worker.Run(args[0], args[1]));

            static class Worker
            {
                {0}
                public static async Task<string> Run(string mode, string path)
                {
                    await Task.Yield();
                    int done = 0;
                    Func<int> step = () => ++done;
                    step(); step();
                    await Task.Yield();
                    if (mode == "save")
                    {
                        SaveToFile(path);
                        return $"saved done={done} step={step()}";
                    }
                    var snapshot = LoadFromFile(path);
                    done += 10;
                    return $"done={done} step()={step()} done={done} {string.Join(",", snapshot.LoadReport.SharedClosures.Select(s => s.Split(" (")[0]))}";
                }
            }
            """;

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void An_async_methods_closure_and_lambda_keep_their_keys_when_unrelated_members_are_added(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "async.varsave");
            string Version(string extra) => ("using System.Linq;\n" + AsyncProgram).Replace("{0}", extra);
            var first = CompiledProgram.Build(Path.Combine(directory, "v1"), Version(""), release);
            var second = CompiledProgram.Build(Path.Combine(directory, "v2"), Version("public static async Task Unrelated() => await Task.Yield();"), release);

            Assert.Equal("saved done=2 step=3\n", first.Run(directory, "save", file));
            // done is 2 when saved; the method's closure is the restored one: done += 10 is what step() increments.
            Assert.Equal("done=12 step()=13 done=13 the closure of Worker.Run\n", second.Run(directory, "load", file));
            Directory.Delete(directory, true);
        }

        private const string NoPdbProgram = """
            using System;
            using static VarSave.ProgramState;

            Console.WriteLine(Run(args[0], args[1], args[0] == "save" ? 5 : 0));

            static string Run(string mode, string path, int level)
            {
                int plain = mode == "save" ? 42 : 0;
                int captured = mode == "save" ? 7 : 0;
                Func<int> read = () => captured;
                if (mode == "save")
                {
                    SaveToFile(path);
                    return $"saved {plain} {read()}";
                }
                LoadFromFile(path);
                return $"level={level} plain={plain} captured={captured} read={read()}";
            }
            """;

        [Fact]
        public void Without_a_pdb_the_build_warns_and_parameters_and_captured_variables_are_still_saved()
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "nopdb.varsave");
            var program = CompiledProgram.Build(Path.Combine(directory, "program"), NoPdbProgram, release: true, pdb: false);

            var warning = Assert.Single(program.Warnings, w => w.Contains("no PDB"));
            Assert.Equal(
                "VarSave: Program has no PDB, so the locals of local function Run in the top-level statements that call SaveToFile/SaveEverything have no names and are not saved or restored " +
                "(parameters, this, and variables captured by lambdas or kept across await/yield still are). " +
                "Build with <DebugType>portable</DebugType> or <DebugType>embedded</DebugType> (the PDB is read at build time only).", warning);

            Assert.Equal("saved 42 7\n", program.Run(directory, "save", file));
            // plain has no name without a PDB; the parameter and the captured variable (and the lambda over it) come back.
            Assert.Equal("level=5 plain=0 captured=7 read=7\n", program.Run(directory, "load", file));
            Directory.Delete(directory, true);
        }

        [Fact]
        public void With_a_pdb_there_is_no_such_warning()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(Path.Combine(directory, "program"), NoPdbProgram, release: true);
            Assert.DoesNotContain(program.Warnings, w => w.Contains("no PDB"));
            Directory.Delete(directory, true);
        }
    }
}
