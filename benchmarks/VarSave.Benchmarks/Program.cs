// VarSave benchmarks (issue 7). See docs/performance.md.
//   dotnet run -c Release --project benchmarks/VarSave.Benchmarks -- quick [--n 100000] [--runs 5] [--warmups 2] [--no-pickle]
//   dotnet run -c Release --project benchmarks/VarSave.Benchmarks -- full [--n 10000 100000 1000000] [--iterations 10] [--warmups 2] [--no-pickle] [--all] [BenchmarkDotNet args]
//   dotnet run -c Release --project benchmarks/VarSave.Benchmarks -- profile [--n 100000] [--runs 5] [--loop save|load --seconds 10]
//   dotnet run -c Release --project benchmarks/VarSave.Benchmarks -- experiments [--n 100000] [--runs 5]
//   dotnet run -c Release --project benchmarks/VarSave.Benchmarks -- damaged [--n 100] [--runs 5] [--copies 20000] [--seed 1]
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VarSave.Benchmarks
{
    public static class Program
    {
        /// <summary>The sizes the full run measures; set from --n before BenchmarkDotNet reads them.</summary>
        public static IReadOnlyList<int> FullSizes { get; private set; } = new[] { 10_000, 100_000, 1_000_000 };

        public static int Main(string[] args)
        {
            string command = args.Length > 0 && !args[0].StartsWith("-", StringComparison.Ordinal) ? args[0] : "full";
            var rest = args.Length > 0 && !args[0].StartsWith("-", StringComparison.Ordinal) ? args.Skip(1).ToList() : args.ToList();
            var sizes = TakeInts(rest, "--n");
            int runs = TakeInts(rest, "--runs").FirstOrDefault(5);
            int warmups = TakeInts(rest, "--warmups").FirstOrDefault(2);
            int iterations = TakeInts(rest, "--iterations").FirstOrDefault(10);
            int seconds = TakeInts(rest, "--seconds").FirstOrDefault(10);
            int copies = TakeInts(rest, "--copies").FirstOrDefault(20_000);
            int seed = TakeInts(rest, "--seed").FirstOrDefault(1);
            string? loop = TakeString(rest, "--loop");
            bool pickle = !rest.Remove("--no-pickle");
            bool all = rest.Remove("--all");

            switch (command)
            {
                case "quick":
                    Quick.Run(sizes.FirstOrDefault(100_000), runs, warmups, pickle);
                    return 0;
                case "full":
                    if (sizes.Count > 0) FullSizes = sizes;
                    Full.Run(warmups, iterations, pickle, all, rest.ToArray());
                    return 0;
                case "experiments":
                    Experiments.Run(sizes.FirstOrDefault(100_000), runs);
                    return 0;
                case "damaged":
                    DamagedLoads.Run(sizes.FirstOrDefault(100), runs, copies, seed);
                    return 0;
                case "profile":
                    Profile.Run(sizes.FirstOrDefault(100_000), runs, loop, seconds);
                    return 0;
                default:
                    Console.Error.WriteLine($"Unknown command '{command}'. Use quick, full, profile, experiments or damaged (see docs/performance.md).");
                    return 2;
            }
        }

        private static List<int> TakeInts(List<string> args, string name)
        {
            var values = new List<int>();
            int at = args.IndexOf(name);
            if (at < 0) return values;
            int end = at + 1;
            while (end < args.Count && int.TryParse(args[end].Replace("_", "").Replace(",", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                values.Add(value);
                end++;
            }
            args.RemoveRange(at, end - at);
            return values;
        }

        private static string? TakeString(List<string> args, string name)
        {
            int at = args.IndexOf(name);
            if (at < 0 || at + 1 >= args.Count) return null;
            string value = args[at + 1];
            args.RemoveRange(at, 2);
            return value;
        }
    }
}
