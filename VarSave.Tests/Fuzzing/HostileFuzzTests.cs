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
    /// Loads a fixed number of hostile snapshots written by <see cref="HostileGenerator"/>: each must load
    /// or fail with a VarSave exception within <see cref="MaxBytesPerLoad"/>, with no crash, no hang (the
    /// <see cref="HangGuard"/>), and no file left by a gadget's hook or finalizer. Every case is a pure
    /// function of the seed and its iteration, so a fast and a loaded machine check the same inputs.
    /// VARSAVE_HOSTILE_FUZZ_LOADS (default <see cref="DefaultLoads"/>) sets the count, VARSAVE_FUZZ_SEED the
    /// seed, VARSAVE_FUZZ_ITERATION replays one case.
    /// </summary>
    public class HostileFuzzTests
    {
        /// <summary>A few seconds on a loaded 2-core machine; every kind of attack comes up a few dozen times.</summary>
        public const int DefaultLoads = 300;
        private const int DefaultSeed = 20261201;
        private const long MaxBytesPerLoad = 256L << 20;
        private const long MaxWorkingSetGrowth = 1L << 30;

        private readonly ITestOutputHelper _output;

        public HostileFuzzTests(ITestOutputHelper output) => _output = output;

        /// <summary>Case <paramref name="iteration"/> of the run with seed <paramref name="seed"/>.</summary>
        internal static (byte[] Bytes, string What) Case(HostileGenerator generator, int seed, long iteration) =>
            generator.Next(new Random(unchecked(seed * 7919 + (int)iteration)));

        [Fact]
        public async Task Hostile_snapshots_fail_only_with_VarSave_exceptions_within_memory_never_hang_and_run_no_gadget()
        {
            int count = int.TryParse(Environment.GetEnvironmentVariable("VARSAVE_HOSTILE_FUZZ_LOADS"), out int n) && n > 0 ? n : DefaultLoads;
            int seed = int.TryParse(Environment.GetEnvironmentVariable("VARSAVE_FUZZ_SEED"), out int v) && v > 0 ? v : DefaultSeed;
            long first = long.TryParse(Environment.GetEnvironmentVariable("VARSAVE_FUZZ_ITERATION"), out long only) ? only : 0;
            if (first > 0) count = 1;
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
            var guard = new HangGuard();

            bool finished = await guard.Run(() =>
            {
                for (long iteration = first; iteration < first + count; iteration++)
                {
                    var (bytes, what) = Case(generator, seed, iteration);
                    Interlocked.Exchange(ref current, iteration);
                    currentWhat = what;
                    long allocated = GC.GetAllocatedBytesForCurrentThread();
                    guard.Begin();
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
                    guard.End();
                    allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                    loads++;
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                    if (one.Elapsed > slowest.Time) slowest = (one.Elapsed, iteration, what);
                    if (allocated > hungriest.Bytes) hungriest = (allocated, iteration, what);
                    if (allocated > MaxBytesPerLoad)
                        failures.Add($"iteration {iteration} ({what}): took {one.Elapsed.TotalMilliseconds:F0} ms, allocated {allocated >> 20} MB");
                }
            });
            Assert.True(finished, $"A load hung (over {HangGuard.HangAfter.TotalSeconds:F0} s): seed {seed} iteration {Interlocked.Read(ref current)} ({currentWhat}). Replay: VARSAVE_FUZZ_SEED={seed} VARSAVE_FUZZ_ITERATION={Interlocked.Read(ref current)}");
            ProgramState.LoadEverything(Snapshot.FromBytes(pristine));
            Woven.SetStatic("Roots", "Current", null);
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            long peakGrowth = FuzzTests.CurrentPeakWorkingSet() - peakBefore;

            _output.WriteLine($"seed {seed}: {loads} hostile loads; outcomes: " + string.Join(", ", outcomes.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
            _output.WriteLine($"slowest {slowest.Time.TotalMilliseconds:F0} ms (iteration {slowest.Iteration}: {slowest.What}); most allocated {hungriest.Bytes >> 10} KB (iteration {hungriest.Iteration}: {hungriest.What}); peak working set grew {peakGrowth >> 20} MB");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
            Assert.Empty(Directory.GetFiles(gadgets));
            Assert.True(peakGrowth < MaxWorkingSetGrowth, $"The peak working set grew by {peakGrowth >> 20} MB.");
            Assert.Equal(count, loads);
            Directory.Delete(gadgets, true);
        }
    }
}
