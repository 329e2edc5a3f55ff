using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// Snapshots survive unrelated edits: compiler names of closures and lambdas embed the
    /// owner's member ordinal, so a snapshot keyed by them would break when a member is added.
    /// </summary>
    public class EvolutionTests
    {
        // A verbatim string takes this file's line endings: "\n" only, so the "\n" edits below match on any checkout.
        private static readonly string Version1 = (@"
using System;
using System.Collections.Generic;
using static VarSave.ProgramState;

public static class Game
{
    public static Func<int, int>? AddX;
    public static Func<int>? Counter;
    public static Action<string>? Handlers;
    public static Func<string>? Hello;
    public static Func<int, int>? Twice;
    public static List<string> Log = new();

    public static int OtherOne() => 1;
    public static int OtherTwo() => 2;

    public static void Setup()
    {
        int x = 40;
        AddX = n => n + x;
        int count = 0;
        Counter = () => ++count;
        Counter(); Counter(); Counter();
        Handlers += s => Log.Add(""a:"" + s);
        Handlers += s => Log.Add(""b:"" + s);
        Hello = () => ""hello"";
        Twice = Double;
    }

    private static int Double(int n) => n * 2;
}

public static class Program
{
    public static void Main(string[] args)
    {
        if (args[0] == ""save"") { Game.Setup(); SaveToFile(args[1]); Console.WriteLine(""saved""); return; }
        LoadFromFile(args[1]);
        Game.Handlers!(""x"");
        Console.WriteLine($""{Game.AddX!(2)} {Game.Counter!()} {string.Join("","", Game.Log)} {Game.Hello!()} {Game.Twice!(21)}"");
    }
}").Replace("\r\n", "\n");

        // Version 2: a field and a method with its own lambdas added before Setup, two methods reordered.
        private static readonly string Version2 = Version1
            .Replace("    public static int OtherOne() => 1;\n    public static int OtherTwo() => 2;",
                     "    public static int OtherTwo() => 2;\n    public static int OtherOne() => 1;")
            .Replace("    public static void Setup()",
                     "    public static int Added = 7;\n    public static int NewMethod() { int y = Added; Func<int> f = () => y + 1; Func<int> g = () => 99; return f() + g(); }\n\n    public static void Setup()");

        [Fact]
        public void Every_closure_resumes_in_a_rebuilt_program_with_added_and_reordered_members()
        {
            Assert.NotEqual(Version1, Version2);
            var directory = Processes.NewTemporaryDirectory();
            var first = CompiledProgram.Build(Path.Combine(directory, "v1"), Version1);
            var second = CompiledProgram.Build(Path.Combine(directory, "v2"), Version2);
            string file = Path.Combine(directory, "game.varsave");

            Assert.Equal("saved\n", first.Run(directory, "save", file));
            Assert.Equal("42 4 a:x,b:x hello 42\n", second.Run(directory, "load", file));
            Directory.Delete(directory, true);
        }

        [Fact]
        public void A_closure_whose_method_no_longer_captures_a_variable_fails_naming_the_method_and_variable()
        {
            var directory = Processes.NewTemporaryDirectory();
            var first = CompiledProgram.Build(Path.Combine(directory, "v1"), Version1);
            var changed = Version1.Replace("        AddX = n => n + x;\n", "        AddX = n => n + 40;\n");
            Assert.NotEqual(Version1, changed);
            var second = CompiledProgram.Build(Path.Combine(directory, "v5"), changed);
            string file = Path.Combine(directory, "game.varsave");
            first.Run(directory, "save", file);

            var error = Assert.ThrowsAny<System.Exception>(() => second.Run(directory, "load", file));
            Assert.Contains("Game::Setup()#closure0, whose method no longer captures x", error.Message);
            Directory.Delete(directory, true);
        }

        [Fact]
        public void A_closure_whose_method_lost_a_lambda_fails_naming_the_method()
        {
            var directory = Processes.NewTemporaryDirectory();
            var first = CompiledProgram.Build(Path.Combine(directory, "v1"), Version1);
            var changed = Version1.Replace("        Hello = () => \"hello\";\n", "").Replace("{Game.Hello!()}", "");
            Assert.DoesNotContain("Hello = ", changed);
            var second = CompiledProgram.Build(Path.Combine(directory, "v3"), changed);
            string file = Path.Combine(directory, "game.varsave");
            first.Run(directory, "save", file);

            var error = Assert.ThrowsAny<System.Exception>(() => second.Run(directory, "load", file));
            Assert.Contains("VarSave.SnapshotMismatchException", error.Message);
            Assert.Contains("Game::Setup()#lambda", error.Message);
            Directory.Delete(directory, true);
        }
    }
}
