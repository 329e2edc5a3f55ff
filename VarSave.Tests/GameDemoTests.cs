using System;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// The demo game (samples/Game), as demo.sh runs it: a world saved after some ticks and
    /// resumed in a new process must be the saved world, and must end exactly like one
    /// uninterrupted run — characters, event handlers, scheduled lambdas, the half-finished
    /// iterator and the random generator included.
    /// </summary>
    public class GameDemoTests
    {
        private static readonly string Game = Processes.Sample("Game");

        [Fact]
        public void A_game_saved_after_50_ticks_and_resumed_for_50_in_a_new_process_ends_like_100_uninterrupted_ticks()
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "game.varsave");

            var first = Processes.Dotnet(directory, Game, "run", "--ticks", "50", "--save", file);
            var second = Processes.Dotnet(directory, Game, "resume", "--load", file, "--ticks", "50");
            var straight = Processes.Dotnet(directory, Game, "run", "--ticks", "100");

            var saved = Digest(first, "digest at tick 50: ");
            Assert.Equal(saved, Digest(second, "digest after loading (tick 50): "));
            Assert.Equal(Digest(straight, "digest at tick 100: "), Digest(second, "digest at tick 100: "));
            Assert.Equal(WorldAt100(straight), WorldAt100(second));

            // The locals of the save call came back at the load call.
            Assert.Contains($"savedAtTick = 50, savedDigest = {saved}", second);
            Assert.Contains("equal to the digest recorded at save time: yes", second);

            // After the load, the restored event handlers, scheduled lambdas and iterator ran.
            Assert.Contains("in this process (ticks 51-100):", second);
            Assert.True(LatestTick(second, "event handler", "[event]") > 50);
            Assert.True(LatestTick(second, "scheduled action", "[sched]") > 50);
            Assert.True(LatestTick(second, "iterator", "[oracle]") > 50);
            Assert.Contains("the research advanced 200 steps", second);
            Assert.Contains("research: 400 of 1000 primes found, the last 2741", second);
            Directory.Delete(directory, true);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(33)]
        [InlineData(79)]
        public void Any_split_point_and_a_second_save_in_the_resumed_process_give_the_same_end(int split)
        {
            var directory = Processes.NewTemporaryDirectory();
            var first = Path.Combine(directory, "first.varsave");
            var second = Path.Combine(directory, "second.varsave");
            int rest = 120 - split, middle = rest / 2;

            Processes.Dotnet(directory, Game, "run", "--seed", "7", "--ticks", split.ToString(), "--save", first);
            Processes.Dotnet(directory, Game, "resume", "--load", first, "--ticks", middle.ToString(), "--save", second);
            var last = Processes.Dotnet(directory, Game, "resume", "--load", second, "--ticks", (rest - middle).ToString());
            var straight = Processes.Dotnet(directory, Game, "run", "--seed", "7", "--ticks", "120");

            Assert.Contains("equal to the digest recorded at save time: yes", last);
            Assert.Equal(Digest(straight, "digest at tick 120: "), Digest(last, "digest at tick 120: "));
            Directory.Delete(directory, true);
        }

        [Fact]
        public void Play_saves_and_loads_in_the_same_process_and_the_loaded_world_replays_identically()
        {
            var directory = Processes.NewTemporaryDirectory();
            var output = Play(directory, "step 20", "save checkpoint.varsave", "step 15", "status", "load checkpoint.varsave", "step 15", "status", "quit");

            var statuses = Regex.Matches(output, @"^digest at tick (\d+): ([0-9a-f]{16})$", RegexOptions.Multiline);
            Assert.Equal(2, statuses.Count);
            Assert.Equal("35", statuses[0].Groups[1].Value);
            Assert.Equal(statuses[0].Value, statuses[1].Value);
            Assert.Contains("digest after loading (tick 20): ", output);
            Assert.True(File.Exists(Path.Combine(directory, "checkpoint.varsave")));
            Directory.Delete(directory, true);
        }

        private static string Digest(string output, string prefix)
        {
            var match = Regex.Match(output, "^" + Regex.Escape(prefix) + "([0-9a-f]{16})$", RegexOptions.Multiline);
            Assert.True(match.Success, $"no line \"{prefix}…\" in:\n{output}");
            return match.Groups[1].Value;
        }

        /// <summary>The printed world at tick 100, from its heading to the per-process counts.</summary>
        private static string WorldAt100(string output)
        {
            int start = output.IndexOf("--- the world at tick 100 ---", StringComparison.Ordinal);
            int end = output.IndexOf("  in this process", start, StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, output);
            return output[start..end];
        }

        /// <summary>The tick of the latest <paramref name="tag"/> line this process wrote, from its "latest:" summary line.</summary>
        private static int LatestTick(string output, string what, string tag)
        {
            var match = Regex.Match(output, $@"^    {Regex.Escape(what)} +[1-9]\d* lines, latest: t(\d{{3}}) {Regex.Escape(tag)} ", RegexOptions.Multiline);
            Assert.True(match.Success, $"no {what} line in:\n{output}");
            return int.Parse(match.Groups[1].Value);
        }

        /// <summary>Runs <c>Game play</c> with <paramref name="commands"/> on its standard input.</summary>
        private static string Play(string directory, params string[] commands)
        {
            var run = Processes.RunDotnet(directory, new[] { Game, "play" }, commands);
            Assert.True(run.ExitCode == 0, $"Game play exited with {run.ExitCode}:\n{run.Output}\n{run.Error}");
            return run.Output;
        }
    }
}
