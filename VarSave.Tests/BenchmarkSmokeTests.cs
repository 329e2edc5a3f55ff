using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// The benchmark suite (benchmarks/, outside the solution) keeps building and running against
    /// the current runtime and weaver: the quick command at a small N, where every engine's load is
    /// checked against the workload's definition (the program exits non-zero otherwise). No timing
    /// is asserted; the figures are in docs/performance.md.
    /// </summary>
    public class BenchmarkSmokeTests
    {
        [Fact]
        public void The_quick_benchmark_runs_every_engine_and_checks_every_load()
        {
            string output = Processes.Dotnet(Processes.RepositoryRoot,
                "run", "-c", "Release", "--project", "benchmarks/VarSave.Benchmarks", "--",
                "quick", "--n", "2000", "--runs", "1", "--warmups", "1", "--no-pickle");

            foreach (var engine in new[] { "VarSave", "System.Text.Json", "Newtonsoft.Json", "hand-written (reference)" })
                Assert.Contains($"| {engine} | 2,000 |", output);
            Assert.Contains("load >= 3x faster than System.Text.Json", output);
        }
    }
}
