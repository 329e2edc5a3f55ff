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
    /// Loads a fixed number of damaged snapshots: each must fail with a VarSave exception (or load)
    /// without exhausting memory, and none may hang. The run is a count of loads, each a pure function
    /// of the seed and its iteration, so it checks the same inputs on a fast and a loaded machine; the
    /// only clock is the hang guard. VARSAVE_FUZZ_LOADS sets the count, VARSAVE_FUZZ_SECONDS turns it
    /// into a run by time (long fuzzing), VARSAVE_FUZZ_SEED the base seed and VARSAVE_FUZZ_ITERATION
    /// replays one iteration alone; see docs/fuzzing.md. Loads per second are printed, never asserted.
    /// </summary>
    public class FuzzTests
    {
        private const int DefaultSeed = 20261121;
        /// <summary>A few seconds on a loaded 2-core machine (about 1,200 loads a second there).</summary>
        public const int DefaultLoads = 6_000;
        private const long MaxBytesPerLoad = 512L << 20;
        private const long MaxWorkingSetGrowth = 2L << 30;

        private readonly ITestOutputHelper _output;

        public FuzzTests(ITestOutputHelper output) => _output = output;

        /// <summary>One in this many loads is in place (LoadOptions.InPlace), from the pristine statics.</summary>
        private const int InPlaceOneIn = 8;

        /// <summary>Iteration <paramref name="iteration"/> of the run with base seed <paramref name="seed"/>: a pure function of both.</summary>
        internal static (byte[] Bytes, string Description, bool Resealed, string[] Kinds, bool InPlace) Case(SnapshotMutator mutator, int seed, long iteration)
        {
            var random = new Random(unchecked((int)(seed * 1_000_003L + iteration * 7_919L) ^ (int)(iteration >> 32)));
            var (bytes, description, resealed, kinds) = mutator.Next(random);
            bool inPlace = random.Next(InPlaceOneIn) == 0;
            return (bytes, inPlace ? description + " loaded in place" : description, resealed, kinds, inPlace);
        }

        [Fact]
        public async Task Damaged_snapshots_fail_only_with_VarSave_exceptions_within_memory_and_never_hang()
        {
            int seed = EnvInt("VARSAVE_FUZZ_SEED", DefaultSeed);
            long? only = Environment.GetEnvironmentVariable("VARSAVE_FUZZ_ITERATION") is { Length: > 0 } text ? long.Parse(text) : null;
            int seconds = EnvInt("VARSAVE_FUZZ_SECONDS", 0);
            // By count unless a time is asked for (then by time, or by VARSAVE_FUZZ_LOADS if both are given).
            long maxLoads = only != null ? 1
                : long.TryParse(Environment.GetEnvironmentVariable("VARSAVE_FUZZ_LOADS"), out long loads) && loads > 0 ? loads
                : seconds > 0 ? long.MaxValue : DefaultLoads;
            var budget = seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;

            Assert.Null(Woven.GetStatic("Roots", "Current"));
            var pristine = ProgramState.SaveEverything().ToArray();
            var seeds = FuzzSeeds.Build();
            var mutator = new SnapshotMutator(seeds, FuzzSeeds.RegisteredKeys());
            foreach (var (name, bytes) in seeds) _output.WriteLine($"seed {name}: {bytes.Length} bytes");
            _output.WriteLine($"envelope: {mutator.Envelope}");
            foreach (var warning in mutator.Warnings) _output.WriteLine("WARNING: " + warning);

            var guard = new HangGuard();
            var run = new FuzzRun(mutator, pristine, seed, only ?? 0, maxLoads, budget, guard);
            var total = Stopwatch.StartNew();
            long peakBefore = CurrentPeakWorkingSet();
            long allocatedBefore = GC.GetTotalAllocatedBytes();
            bool finished = await guard.Run(run.Loop);
            if (finished) Restore(pristine);
            long allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            long peakGrowth = CurrentPeakWorkingSet() - peakBefore;

            _output.WriteLine(run.Summary(total.Elapsed, allocated, peakGrowth));
            foreach (var failure in run.Failures) _output.WriteLine(failure);
            if (!finished)
            {
                var hung = run.SaveCurrent();
                Assert.Fail($"A load hung: seed {seed} iteration {run.CurrentIteration} ran over {HangGuard.HangAfter.TotalSeconds:F0} s " +
                            $"({run.CurrentDescription}); bytes saved to {hung}. Replay: VARSAVE_FUZZ_SEED={seed} VARSAVE_FUZZ_ITERATION={run.CurrentIteration}");
            }

            Assert.True(run.Failures.Count == 0, $"{run.Failures.Count} distinct failure(s), each a load that threw something other than a VarSaveException or allocated too much:\n" + string.Join("\n", run.Failures));
            Assert.True(run.MostAllocated < MaxBytesPerLoad,
                $"One load allocated {run.MostAllocated >> 20} MB: seed {seed} iteration {run.MostAllocatedIteration} ({run.MostAllocatedDescription}).");
            Assert.True(peakGrowth < MaxWorkingSetGrowth, $"The peak working set grew by {peakGrowth >> 20} MB.");
            if (only == null && seconds == 0) Assert.Equal(maxLoads, run.Loads);
        }

        /// <summary>Puts the woven statics back as they were before the run: successful loads of damaged bytes changed them.</summary>
        private static void Restore(byte[] pristine)
        {
            ProgramState.LoadEverything(Snapshot.FromBytes(pristine));
            Woven.SetStatic("Roots", "Current", null);
        }

        internal static long CurrentPeakWorkingSet()
        {
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            return process.PeakWorkingSet64;
        }

        private static int EnvInt(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), out int value) && value > 0 ? value : fallback;

        /// <summary>The loop, run on its own thread so the test thread can watch it.</summary>
        private sealed class FuzzRun
        {
            private readonly SnapshotMutator _mutator;
            private readonly byte[] _pristine;
            private readonly int _seed;
            private readonly long _first;
            private readonly long _maxLoads;
            private readonly TimeSpan _budget;
            private readonly HangGuard _guard;
            private readonly Dictionary<string, int> _exceptions = new();
            private readonly Dictionary<string, int> _kinds = new();
            private readonly Dictionary<string, long> _firstIteration = new();
            private readonly List<string> _netExamples = new();
            private byte[] _current = Array.Empty<byte>();

            public FuzzRun(SnapshotMutator mutator, byte[] pristine, int seed, long first, long maxLoads, TimeSpan budget, HangGuard guard)
            {
                _mutator = mutator;
                _pristine = pristine;
                _seed = seed;
                _first = first;
                _maxLoads = maxLoads;
                _budget = budget;
                _guard = guard;
            }

            public long Loads;
            public long Successes;
            public long Resealed;
            public long InPlaceLoads;
            public volatile string CurrentDescription = "";
            public long CurrentIteration;
            public TimeSpan SlowestLoad;
            public long SlowestIteration;
            public string SlowestDescription = "";
            public long MostAllocated;
            public long MostAllocatedIteration;
            public string MostAllocatedDescription = "";
            public TimeSpan Elapsed;

            public void Loop()
            {
                var clock = Stopwatch.StartNew();
                var one = new Stopwatch();
                for (long iteration = _first; Loads < _maxLoads && clock.Elapsed < _budget; iteration++)
                {
                    var (bytes, description, resealed, kinds, inPlace) = Case(_mutator, _seed, iteration);
                    // An in-place load fills the objects the statics hold: start from the same ones every time, so a replay sees them too.
                    if (inPlace) ProgramState.LoadEverything(Snapshot.FromBytes(_pristine));
                    Interlocked.Exchange(ref CurrentIteration, iteration);
                    _current = bytes;
                    CurrentDescription = description;
                    foreach (var kind in kinds) _kinds[kind] = _kinds.GetValueOrDefault(kind) + 1;
                    if (resealed) Resealed++;
                    if (inPlace) InPlaceLoads++;

                    long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    _guard.Begin();
                    one.Restart();
                    string outcome;
                    Exception? error = null;
                    try
                    {
                        if (inPlace) ProgramState.LoadEverything(Snapshot.FromBytes(bytes), new LoadOptions { InPlace = true });
                        else ProgramState.LoadEverything(Snapshot.FromBytes(bytes));
                        Successes++;
                        outcome = "loaded";
                    }
                    catch (Exception e)
                    {
                        outcome = Outcome(e);
                        error = e;
                        if (!(e is VarSaveException))
                            Fail(Signature(e), iteration, description, bytes, $"{e.GetType().FullName}: {e.Message}\n{e.StackTrace}");
                    }
                    one.Stop();
                    _guard.End();
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                    Loads++;
                    _exceptions[outcome] = _exceptions.GetValueOrDefault(outcome) + 1;
                    if (_firstIteration.TryAdd(outcome, iteration) && error != null && outcome.Contains("net caught", StringComparison.Ordinal))
                        _netExamples.Add($"{outcome}, first at iteration {iteration} ({description}): {error.Message}");

                    if (one.Elapsed > SlowestLoad) (SlowestLoad, SlowestIteration, SlowestDescription) = (one.Elapsed, iteration, description);
                    if (allocated > MostAllocated) (MostAllocated, MostAllocatedIteration, MostAllocatedDescription) = (allocated, iteration, description);
                    if (allocated >= MaxBytesPerLoad)
                        Fail("allocating load", iteration, description, bytes, $"took {one.Elapsed.TotalMilliseconds:F0} ms and allocated {allocated >> 20} MB");
                }
                Elapsed = clock.Elapsed;
            }

            /// <summary>Records a failure; each distinct bug (exception type and throwing runtime method) is kept once, with how often it recurred.</summary>
            private void Fail(string signature, long iteration, string description, byte[] bytes, string what)
            {
                if (_failureCounts.TryGetValue(signature, out int seen))
                {
                    _failureCounts[signature] = seen + 1;
                    return;
                }
                _failureCounts[signature] = 1;
                string path = Save(iteration, bytes);
                _failureText[signature] = $"seed {_seed} iteration {iteration} ({description}) -> {what}\n  bytes: {path}\n  replay: VARSAVE_FUZZ_SEED={_seed} VARSAVE_FUZZ_ITERATION={iteration}";
            }

            private readonly Dictionary<string, int> _failureCounts = new();
            private readonly Dictionary<string, string> _failureText = new();

            /// <summary>One line per distinct failure: its signature, how many loads hit it, and the first of them.</summary>
            public List<string> Failures => _failureCounts.Select(p => $"[{p.Key}] x{p.Value}, first: {_failureText[p.Key]}").ToList();

            /// <summary>
            /// The exception's type; for a SnapshotFormatException made by the loader's catch-all net from
            /// another exception ("The snapshot is corrupt: ArgumentException: ..."), that type too: those are
            /// VarSave exceptions, but each is an input no specific check caught.
            /// </summary>
            private static string Outcome(Exception e)
            {
                // "corrupt: X: ..." from the last net, "corrupt at object 7 (T): X while ..." from the per-record one.
                var net = System.Text.RegularExpressions.Regex.Match(e.Message, @"^The snapshot is corrupt(?: at object [^:]*)?: (\w+)[: ]");
                return net.Success ? $"{e.GetType().Name} (net caught {net.Groups[1].Value})" : e.GetType().Name + (e is VarSaveException ? "" : " (NOT a VarSaveException)");
            }

            /// <summary>The exception type and the innermost VarSave runtime method on its stack.</summary>
            private static string Signature(Exception e)
            {
                var frame = new StackTrace(e).GetFrames().Select(f => f.GetMethod())
                    .FirstOrDefault(m => m?.DeclaringType?.Namespace is { } ns && ns.StartsWith("VarSave", StringComparison.Ordinal) && !ns.StartsWith("VarSave.Tests", StringComparison.Ordinal));
                return $"{e.GetType().FullName} in {frame?.DeclaringType?.Name}.{frame?.Name}";
            }

            public string SaveCurrent() => Save(Interlocked.Read(ref CurrentIteration), _current);

            private string Save(long iteration, byte[] bytes)
            {
                var directory = Path.Combine(Path.GetTempPath(), "varsave-fuzz");
                Directory.CreateDirectory(directory);
                var path = Path.Combine(directory, $"seed{_seed}-iteration{iteration}.varsave");
                File.WriteAllBytes(path, bytes);
                return path;
            }

            public string Summary(TimeSpan total, long allocated, long peakGrowth) =>
                $"seed {_seed}: {Loads} loads in {Elapsed.TotalSeconds:F1} s ({Loads / Math.Max(Elapsed.TotalSeconds, 0.001):F0}/s, test {total.TotalSeconds:F1} s), " +
                $"{Resealed} with the checksum re-sealed, {InPlaceLoads} in place, {Successes} loaded\n" +
                "outcomes: " + string.Join(", ", _exceptions.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value} (first: iteration {_firstIteration[p.Key]})")) + "\n" +
                "mutations: " + string.Join(", ", _kinds.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")) + "\n" +
                $"slowest load {SlowestLoad.TotalMilliseconds:F1} ms (iteration {SlowestIteration}); most allocated by one load {MostAllocated / 1024} KB (iteration {MostAllocatedIteration}); " +
                $"allocated in all {allocated >> 20} MB; peak working set grew {peakGrowth >> 20} MB; failures {Failures.Count}" +
                string.Concat(_netExamples.Select(e => "\n" + e));
        }
    }
}
