using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// Control over the locals a load assigns (issue 11, point 9): all of them (the default), all but some named ones
    /// (<c>LoadOptions.KeepLocals</c>), or none (<c>LoadOptions.RestoreLocals = false</c>), in the README's game loop.
    /// </summary>
    public class KeepLocalsTests
    {
        private const string GameLoop = """
            using System;
            using System.Collections.Generic;
            using VarSave;
            using static VarSave.ProgramState;

            var path = args[0];
            int turn = 0;
            var log = new List<string>();
            while (true)
            {
                var key = Console.ReadLine();
                if (key == null || key == "q") break;
                if (key == "L") LoadFromFile(path, new LoadOptions { KeepLocals = { nameof(key) } });
                else if (key == "R") LoadFromFile(path);
                else if (key == "N") LoadFromFile(path, new LoadOptions { RestoreLocals = false });
                else if (key == "S") SaveToFile(path);
                else
                {
                    turn++;
                    World.Gold += 10;
                    log.Add(key);
                }
                Console.WriteLine($"{key}: turn {turn}, log {string.Join("", log)}, gold {World.Gold}");
            }

            static class World
            {
                public static int Gold;
            }
            """;

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_game_loop_keeps_the_key_just_typed_or_every_local_as_the_load_says(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "loop.varsave");
            var program = CompiledProgram.Build(Path.Combine(directory, "program"), GameLoop, release);

            var saved = Processes.RunDotnet(directory, new[] { program.Path, file }, new[] { "a", "b", "S", "q" });
            Assert.Equal("a: turn 1, log a, gold 10\nb: turn 2, log ab, gold 20\nS: turn 2, log ab, gold 20\n", saved.Output);

            var loaded = Processes.RunDotnet(directory, new[] { program.Path, file }, new[] { "c", "L", "d", "R", "e", "N", "q" });
            Assert.Equal(
                "c: turn 1, log c, gold 10\n" +
                "L: turn 2, log ab, gold 20\n" +     // the turn and the log rewind with the game; key stays what was typed
                "d: turn 3, log abd, gold 30\n" +
                "S: turn 2, log ab, gold 20\n" +     // a plain load assigns every local: key is back to the "S" of the save
                "e: turn 3, log abe, gold 30\n" +
                "N: turn 3, log abe, gold 20\n",     // no locals assigned: only the statics are the saved ones
                loaded.Output);
            Directory.Delete(directory, true);
        }
    }
}
