using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using Xunit;
using Xunit.Abstractions;

namespace VarSave.Tests
{
    /// <summary>
    /// SaveToFile writes a temporary file and renames it over the target, so neither a kill in
    /// the middle of a save nor a save that fails can leave a truncated or missing snapshot.
    /// </summary>
    public class CrashSafetyTests
    {
        private const int Kills = 200;

        private readonly ITestOutputHelper _output;

        public CrashSafetyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void A_program_killed_while_saving_in_a_loop_always_leaves_a_complete_consistent_snapshot()
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "loop.varsave");
            var random = new Random(6);
            var total = Stopwatch.StartNew();
            long lastGeneration = 0;
            int strayTemporaries = 0;

            for (int kill = 0; kill < Kills; kill++)
            {
                var tempsBefore = Temporaries(directory);
                using var child = StartSaveLoop(file, out var firstSave, out Func<long> lastReported);
                // Wait until the child has saved at least once in this run (the first run creates the file), then a random while.
                if (!firstSave.Wait(TimeSpan.FromSeconds(30)))
                {
                    child.Kill();
                    Assert.Fail($"Kill {kill}: the SaveLoop child did not save within 30 s (exited: {child.HasExited}).");
                }
                Thread.Sleep(random.Next(20, 301));
                if (child.HasExited) Assert.Fail($"Kill {kill}: the SaveLoop child exited by itself with code {child.ExitCode}.");
                child.Kill(); // SIGKILL on Linux and macOS: no handler, finally block or flush runs
                child.WaitForExit();
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
                    Assert.Equal(128 + 9, child.ExitCode); // .NET reports death by signal N as 128 + N; 9 is SIGKILL
                long reported = lastReported();

                Assert.True(File.Exists(file), $"Kill {kill}: the snapshot is missing after the kill.");
                var (generation, consistent, output) = Check(file);
                Assert.True(consistent, $"Kill {kill}: the snapshot is not self-consistent: {output}");
                // The child prints a generation only after its save returned: the file holds that one or a later one.
                Assert.True(generation >= reported, $"Kill {kill}: the file holds generation {generation}, but the child had already saved {reported}.");
                Assert.True(generation >= lastGeneration, $"Kill {kill}: the file went back from generation {lastGeneration} to {generation}.");
                lastGeneration = generation;

                var temps = Temporaries(directory);
                var newTemps = temps.Except(tempsBefore).ToList();
                Assert.True(newTemps.Count <= 1, $"Kill {kill}: one save can leave at most one temporary file, found {string.Join(", ", newTemps)}.");
                // Short names with the saving process's id: .vs-<hash of the target's name>-<pid>-<random>.tmp
                Assert.All(newTemps, t => Assert.Matches(@"^\.vs-[0-9a-f]{8}-[0-9]+-[0-9a-f]{8}\.tmp$", Path.GetFileName(t)));
                // Each run's saves remove what the killed runs before it left: only the last kill's leftover may remain.
                Assert.True(temps.Length <= 1, $"Kill {kill}: temporary files of earlier killed saves were not removed: {string.Join(", ", temps)}.");
                strayTemporaries += newTemps.Count;
            }
            Assert.True(strayTemporaries > 0, "No kill landed inside a save: the test no longer shows that leftovers are removed.");

            _output.WriteLine($"{Kills} kills in {total.Elapsed.TotalSeconds:F1} s ({total.Elapsed.TotalMilliseconds / Kills:F0} ms each); " +
                              $"final generation {lastGeneration}; temporary files left by killed saves: {strayTemporaries}, all removed by the next run's save; " +
                              $"size of the final snapshot {new FileInfo(file).Length} bytes");
            Directory.Delete(directory, true);
        }

        [Fact]
        public void A_failed_save_leaves_the_old_file_untouched_and_no_temporary_file()
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "state.varsave");
            Woven.WithRoot(new List<string> { "kept", "as", "it", "was" }, () => ProgramState.SaveToFile(file));
            var before = File.ReadAllBytes(file);
            var writeTime = File.GetLastWriteTimeUtc(file);

            Woven.WithRoot(new MemoryStream(), () =>
                Assert.Throws<UnsaveableObjectException>(() => ProgramState.SaveToFile(file)));

            Assert.Equal(before, File.ReadAllBytes(file));
            Assert.Equal(writeTime, File.GetLastWriteTimeUtc(file));
            Assert.Empty(Temporaries(directory));
            Assert.Equal(new[] { file }, Directory.GetFiles(directory));
            Assert.Null(Woven.GetStatic("Roots", "Current"));
            Directory.Delete(directory, true);
        }

        /// <summary>Starts "SaveLoop PATH"; <paramref name="firstSave"/> is set when the child reports its first save.</summary>
        private static Process StartSaveLoop(string file, out ManualResetEventSlim firstSave, out Func<long> lastReported)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(file)!,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Processes.Sample("SaveLoop"));
            start.ArgumentList.Add(file);
            var process = new Process { StartInfo = start };
            var saved = new ManualResetEventSlim();
            long last = 0;
            process.ErrorDataReceived += (_, e) =>
            {
                if (long.TryParse(e.Data, out long generation))
                {
                    Interlocked.Exchange(ref last, generation);
                    saved.Set();
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.Start();
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            firstSave = saved;
            lastReported = () => Interlocked.Read(ref last);
            return process;
        }

        /// <summary>Runs "SaveLoop check PATH" in a new process.</summary>
        private static (long Generation, bool Consistent, string Output) Check(string file)
        {
            string output;
            try
            {
                output = Processes.Dotnet(Path.GetDirectoryName(file)!, Processes.Sample("SaveLoop"), "check", file);
            }
            catch (Exception e)
            {
                Assert.Fail($"The snapshot {file} ({new FileInfo(file).Length} bytes) does not load or is not self-consistent: {e.Message}");
                throw;
            }
            var words = output.Trim().Split(' ');
            Assert.True(words.Length == 4 && words[0] == "generation" && words[2] == "consistent", $"Unexpected check output: {output}");
            return (long.Parse(words[1]), words[3] == "True", output.Trim());
        }

        // Temporary files start with a dot: hidden files must be listed too.
        private static string[] Temporaries(string directory) => Directory.GetFiles(directory, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 });
    }
}
