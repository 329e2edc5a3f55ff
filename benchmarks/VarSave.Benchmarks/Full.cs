using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace VarSave.Benchmarks
{
    /// <summary>
    /// The full command: BenchmarkDotNet over every engine and N, then pickle for the same Ns,
    /// then one combined table. Benchmarks run in this process (in-process emit toolchain): the
    /// project is woven at build time, and a BenchmarkDotNet-generated project would rebuild and
    /// reweave it for every run.
    /// </summary>
    internal static class Full
    {
        /// <summary>From this N on, Newtonsoft.Json's save is left out unless --all is given: it takes over a minute per call (see docs/performance.md).</summary>
        public const int SlowNewtonsoftFrom = 1_000_000;

        public static void Run(int warmups, int iterations, bool pickle, bool all, string[] benchmarkArgs)
        {
            // One BenchmarkDotNet run per N, so large N can run fewer iterations and skip what would take hours.
            var summaries = new List<Summary>();
            foreach (int n in Program.FullSizes.ToList())
            {
                bool large = n >= 1_000_000;
                var job = Job.Default
                    .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true))
                    .WithLaunchCount(1)
                    .WithWarmupCount(large ? Math.Min(warmups, 1) : warmups)
                    .WithIterationCount(large ? Math.Min(iterations, 5) : iterations)
                    .WithId(large ? "InProcess-large" : "InProcess");
                var config = ManualConfig.Create(DefaultConfig.Instance)
                    .AddJob(job)
                    .AddColumn(StatisticColumn.Median, StatisticColumn.Min, new SizeColumn())
                    .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond))
                    .WithArtifactsPath(Results.ArtifactsPath);
                if (n >= SlowNewtonsoftFrom && !all)
                {
                    Console.WriteLine($"N = {n:N0}: Newtonsoft_Save is left out (over a minute per call here; --all keeps it).");
                    config = config.AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name != nameof(SaveLoadBenchmarks.Newtonsoft_Save)));
                }
                SaveLoadBenchmarks.Only = n;
                summaries.Add(BenchmarkRunner.Run<SaveLoadBenchmarks>(config, benchmarkArgs));
            }

            var rows = new List<Row>();
            foreach (var group in summaries.SelectMany(summary => summary.Reports)
                .Where(r => r.ResultStatistics != null)
                .GroupBy(r => (Engine: SaveLoadBenchmarks.EngineOf(r.BenchmarkCase.Descriptor.WorkloadMethod.Name), N: (int)r.BenchmarkCase.Parameters["N"]!)))
            {
                var save = group.FirstOrDefault(r => SaveLoadBenchmarks.IsSave(r.BenchmarkCase.Descriptor.WorkloadMethod.Name));
                var load = group.FirstOrDefault(r => !SaveLoadBenchmarks.IsSave(r.BenchmarkCase.Descriptor.WorkloadMethod.Name));
                Workload.Sizes.TryGetValue((group.Key.Engine, group.Key.N), out long size);
                rows.Add(new Row(group.Key.Engine, group.Key.N,
                    save == null ? double.NaN : save.ResultStatistics!.Median / 1e6,
                    load == null ? double.NaN : load.ResultStatistics!.Median / 1e6,
                    size,
                    save?.GcStats.GetBytesAllocatedPerOperation(save.BenchmarkCase),
                    load?.GcStats.GetBytesAllocatedPerOperation(load.BenchmarkCase)));
            }
            if (pickle)
            {
                var sizes = rows.Select(r => r.N).Distinct().OrderBy(n => n).ToList();
                if (sizes.Count == 0) sizes = Program.FullSizes.ToList();
                Console.WriteLine($"pickle: running benchmarks/pickle_bench.py for N = {string.Join(", ", sizes)} ...");
                rows.AddRange(Pickle.Run(sizes, runs: 5, TimeSpan.FromMinutes(30), out string? problem));
                if (problem != null) Console.WriteLine("pickle: " + problem);
            }
            string table = Results.Render(rows,
                $"BenchmarkDotNet medians ({iterations} iterations, {warmups} warm-ups, in-process; 5 and 1 from N = 1,000,000) and pickle (median of 5); {DateTime.Now:yyyy-MM-dd HH:mm}; {Machine.Describe()}; {Machine.Load()} at the end");
            Console.WriteLine(table);
            Results.Save(table, $"combined-{string.Join("-", rows.Select(r => r.N).Distinct().OrderBy(n => n))}.md");
        }
    }

    /// <summary>The encoded size of the engine's output for the benchmark's N, as measured at setup.</summary>
    internal sealed class SizeColumn : IColumn
    {
        public string Id => nameof(SizeColumn);
        public string ColumnName => "Size";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Bytes of the encoded snapshot or document (VarSave snapshot, UTF-8 JSON)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            string engine = SaveLoadBenchmarks.EngineOf(benchmarkCase.Descriptor.WorkloadMethod.Name);
            int n = (int)benchmarkCase.Parameters["N"]!;
            return Workload.Sizes.TryGetValue((engine, n), out long size)
                ? size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " B"
                : "?";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
