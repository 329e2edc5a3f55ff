using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using VarSave.Benchmarks.Model;

namespace VarSave.Benchmarks
{
    /// <summary>
    /// The quick command: every engine at one N (100,000 by default), timed with a Stopwatch
    /// over a few runs after warm-up, each run after a full GC (median reported), then pickle.
    /// </summary>
    internal static class Quick
    {
        public static void Run(int n, int runs, int warmups, bool pickle)
        {
            var total = Stopwatch.StartNew();
            Console.WriteLine($"quick: N = {n:N0}, at least {warmups} warm-up rounds (1 s) and {runs} timed runs per operation, median");
            Console.WriteLine($"machine: {Machine.Describe()}; {Machine.Load()}");
            var prepared = Workload.For(n);
            var rows = new List<Row>();
            foreach (var engine in Engine.All)
            {
                var row = Measure(engine, prepared, runs, warmups);
                rows.Add(row);
                Console.WriteLine($"  {row.Engine,-18} save {row.SaveMs,9:0.0} ms  load {row.LoadMs,9:0.0} ms  {row.Bytes,12:N0} bytes  (CPU: save {row.SaveCpuMs:0.0} ms, load {row.LoadCpuMs:0.0} ms)");
            }
            if (pickle)
            {
                var pickleRows = Pickle.Run(new[] { n }, runs, TimeSpan.FromMinutes(5), out string? problem);
                rows.AddRange(pickleRows);
                if (problem != null) Console.WriteLine("  pickle: " + problem);
            }
            string table = Results.Render(rows, $"Quick run, N = {n:N0} (Stopwatch, median of {runs}; {DateTime.Now:yyyy-MM-dd HH:mm}; {Machine.Describe()}; {Machine.Load()} at the end)");
            Console.WriteLine(table);
            Results.Save(table, $"quick-{n}.md");
            Console.WriteLine($"quick run took {total.Elapsed.TotalSeconds:0.0} s");
        }

        internal static Row Measure(Engine engine, Prepared prepared, int runs, int warmups)
        {
            var world = prepared.World;
            byte[] bytes = prepared.Bytes[engine.Name];
            // Warm up for at least `warmups` rounds and one second, so the JIT has moved the hot
            // code to its optimized tier (tier-0 code is several times slower).
            var warm = Stopwatch.StartNew();
            for (int i = 0; i < warmups || warm.Elapsed.TotalSeconds < 1; i++)
            {
                GameState.World = world;
                engine.Save(world);
                engine.Load(bytes);
            }
            GameState.World = world;

            var saveTimes = new List<double>();
            var loadTimes = new List<double>();
            var saveCpu = new List<double>();
            var loadCpu = new List<double>();
            long saveAlloc = 0, loadAlloc = 0;
            for (int i = 0; i < runs; i++)
            {
                Collect();
                long before = GC.GetTotalAllocatedBytes(precise: true);
                double cpu = CpuClock.Now();
                long start = Stopwatch.GetTimestamp();
                var saved = engine.Save(world);
                saveTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                saveCpu.Add(CpuClock.Now() - cpu);
                saveAlloc = GC.GetTotalAllocatedBytes(precise: true) - before;
                GC.KeepAlive(saved);
            }
            for (int i = 0; i < runs; i++)
            {
                Collect();
                long before = GC.GetTotalAllocatedBytes(precise: true);
                double cpu = CpuClock.Now();
                long start = Stopwatch.GetTimestamp();
                var loaded = engine.Load(bytes);
                loadTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                loadCpu.Add(CpuClock.Now() - cpu);
                loadAlloc = GC.GetTotalAllocatedBytes(precise: true) - before;
                if (i == 0) World.Check(loaded, prepared.N);
                GameState.World = world;
            }
            return new Row(engine.Name, prepared.N, Median(saveTimes), Median(loadTimes), bytes.Length, saveAlloc, loadAlloc,
                NullIfNaN(Median(saveCpu)), NullIfNaN(Median(loadCpu)));
        }

        private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

        internal static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        internal static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            int mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }
}
