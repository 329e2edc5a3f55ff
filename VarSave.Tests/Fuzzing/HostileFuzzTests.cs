using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace VarSave.Tests.Fuzzing
{
    /// <summary>
    /// Loads hostile snapshots written by <see cref="HostileGenerator"/>: each must load or fail with a
    /// VarSave exception, within <see cref="SlowLoad"/> and <see cref="MaxBytesPerLoad"/>, with no
    /// crash, no hang (a watchdog), and no file left by a gadget's hook or finalizer.
    /// VARSAVE_HOSTILE_FUZZ_SECONDS (default 20) sets the budget, VARSAVE_FUZZ_SEED the seed.
    /// </summary>
    public class HostileFuzzTests
    {
        private const int DefaultSeconds = 20;
        private const int DefaultSeed = 20261201;
        private static readonly TimeSpan SlowLoad = TimeSpan.FromSeconds(5);
        private const long MaxBytesPerLoad = 256L << 20;
        private const long MaxWorkingSetGrowth = 1L << 30;

        private readonly ITestOutputHelper _output;

        public HostileFuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Hostile_snapshots_fail_only_with_VarSave_exceptions_quickly_within_memory_and_run_no_gadget()
        {
            int seconds = int.TryParse(Environment.GetEnvironmentVariable("VARSAVE_HOSTILE_FUZZ_SECONDS"), out int s) && s > 0 ? s : DefaultSeconds;
            int seed = int.TryParse(Environment.GetEnvironmentVariable("VARSAVE_FUZZ_SEED"), out int v) && v > 0 ? v : DefaultSeed;
            Assert.Null(Woven.GetStatic("Roots", "Current"));
            var pristine = ProgramState.SaveEverything().ToArray();
            var gadgets = Processes.NewTemporaryDirectory();
            var generator = new HostileGenerator(gadgets);
            var outcomes = new Dictionary<string, int>();
            var failures = new List<string>();
            var slowest = (Time: TimeSpan.Zero, Iteration: 0L, What: "");
            var hungriest = (Bytes: 0L, Iteration: 0L, What: "");
            long loads = 0, current = 0;
            string currentWhat = "";
            long peakBefore = FuzzTests.CurrentPeakWorkingSet();

            var loop = Task.Factory.StartNew(() =>
            {
                var clock = Stopwatch.StartNew();
                for (long iteration = 0; clock.Elapsed < TimeSpan.FromSeconds(seconds); iteration++)
                {
                    var (bytes, what) = generator.Next(new Random(unchecked(seed * 7919 + (int)iteration)));
                    Interlocked.Exchange(ref current, iteration);
                    currentWhat = what;
                    long allocated = GC.GetAllocatedBytesForCurrentThread();
                    var one = Stopwatch.StartNew();
                    string outcome = "loaded";
                    try
                    {
                        ProgramState.LoadEverything(Snapshot.FromBytes(bytes));
                    }
                    catch (Exception e)
                    {
                        outcome = e.GetType().Name;
                        if (!(e is VarSaveException)) failures.Add($"iteration {iteration} ({what}): {e.GetType().FullName}: {e.Message}\n{e.StackTrace}");
                    }
                    one.Stop();
                    allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                    loads++;
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                    if (one.Elapsed > slowest.Time) slowest = (one.Elapsed, iteration, what);
                    if (allocated > hungriest.Bytes) hungriest = (allocated, iteration, what);
                    if (one.Elapsed > SlowLoad || allocated > MaxBytesPerLoad)
                        failures.Add($"iteration {iteration} ({what}): took {one.Elapsed.TotalMilliseconds:F0} ms, allocated {allocated >> 20} MB");
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            bool finished = await Task.WhenAny(loop, Task.Delay(TimeSpan.FromSeconds(seconds + 60))) == loop;
            Assert.True(finished, $"A load hung: seed {seed} iteration {Interlocked.Read(ref current)} ({currentWhat})");
            await loop;
            ProgramState.LoadEverything(Snapshot.FromBytes(pristine));
            Woven.SetStatic("Roots", "Current", null);
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            long peakGrowth = FuzzTests.CurrentPeakWorkingSet() - peakBefore;

            _output.WriteLine($"seed {seed}: {loads} hostile loads in {seconds} s; outcomes: " + string.Join(", ", outcomes.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
            _output.WriteLine($"slowest {slowest.Time.TotalMilliseconds:F0} ms (iteration {slowest.Iteration}: {slowest.What}); most allocated {hungriest.Bytes >> 10} KB (iteration {hungriest.Iteration}: {hungriest.What}); peak working set grew {peakGrowth >> 20} MB");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
            Assert.Empty(Directory.GetFiles(gadgets));
            Assert.True(peakGrowth < MaxWorkingSetGrowth, $"The peak working set grew by {peakGrowth >> 20} MB.");
            Assert.True(loads >= 100, $"only {loads} loads");
            Directory.Delete(gadgets, true);
        }
    }
}
