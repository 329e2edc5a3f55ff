using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace VarSave.Benchmarks
{
    /// <summary>One engine at one N: median times, encoded size and bytes allocated per operation (null where not measured).</summary>
    internal sealed record Row(string Engine, int N, double SaveMs, double LoadMs, long Bytes, long? SaveAlloc, long? LoadAlloc,
        double? SaveCpuMs = null, double? LoadCpuMs = null);

    /// <summary>The one final table, and the targets checked against it.</summary>
    internal static class Results
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public static string Render(IReadOnlyList<Row> rows, string title)
        {
            var text = new StringBuilder();
            text.AppendLine();
            text.AppendLine("## " + title);
            text.AppendLine();
            bool cpu = rows.Any(r => r.SaveCpuMs != null);
            text.AppendLine("| engine | N | save ms | load ms | bytes | bytes/player | save alloc | load alloc |" + (cpu ? " save CPU ms | load CPU ms |" : ""));
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|" + (cpu ? "---:|---:|" : ""));
            foreach (var row in rows.OrderBy(r => r.N).ThenBy(r => Order(r.Engine)))
            {
                text.Append(string.Format(Inv, "| {0} | {1:N0} | {2} | {3} | {4:N0} | {5:0.0} | {6} | {7} |",
                    row.Engine, row.N, Ms(row.SaveMs), Ms(row.LoadMs), row.Bytes, (double)row.Bytes / row.N, Alloc(row.SaveAlloc), Alloc(row.LoadAlloc)));
                if (cpu) text.Append(string.Format(Inv, " {0} | {1} |", Ms(row.SaveCpuMs), Ms(row.LoadCpuMs)));
                text.AppendLine();
            }
            text.AppendLine();
            text.AppendLine("Times are medians of wall-clock time" + (cpu ? "; CPU ms is the process's CPU time over the same calls (all threads)." : "."));
            text.AppendLine();
            text.Append(Targets(rows));
            return text.ToString();
        }

        /// <summary>The targets, each met or missed with the measured figure.</summary>
        public static string Targets(IReadOnlyList<Row> rows)
        {
            var text = new StringBuilder();
            text.AppendLine("Targets (issue 7):");
            foreach (int n in rows.Select(r => r.N).Distinct().OrderBy(n => n))
            {
                var varSave = Find(rows, "VarSave", n);
                if (varSave == null) continue;
                var pickle = Find(rows, "pickle", n);
                var stj = Find(rows, "System.Text.Json", n);
                text.AppendLine(string.Format(Inv, "  N = {0:N0}", n));
                if (pickle != null)
                {
                    text.AppendLine(Ratio("save >= 10x faster than pickle.dumps", pickle.SaveMs / varSave.SaveMs, 10) + CpuRatio(pickle.SaveCpuMs, varSave.SaveCpuMs));
                    text.AppendLine(Ratio("load >= 10x faster than pickle.loads", pickle.LoadMs / varSave.LoadMs, 10) + CpuRatio(pickle.LoadCpuMs, varSave.LoadCpuMs));
                    text.AppendLine(string.Format(Inv, "    {0,-40} {1}: {2:N0} vs {3:N0} bytes ({4:0.00}x)",
                        "size <= pickle protocol 5", varSave.Bytes <= pickle.Bytes ? "met   " : "MISSED", varSave.Bytes, pickle.Bytes, (double)varSave.Bytes / pickle.Bytes));
                }
                if (stj != null)
                {
                    text.AppendLine(Ratio("save >= 3x faster than System.Text.Json", stj.SaveMs / varSave.SaveMs, 3) + CpuRatio(stj.SaveCpuMs, varSave.SaveCpuMs));
                    text.AppendLine(Ratio("load >= 3x faster than System.Text.Json", stj.LoadMs / varSave.LoadMs, 3) + CpuRatio(stj.LoadCpuMs, varSave.LoadCpuMs));
                }
            }
            var sizes = rows.Where(r => r.Engine == "VarSave").OrderBy(r => r.N).ToList();
            if (sizes.Count >= 2)
            {
                var small = sizes[0];
                var large = sizes[^1];
                string range = string.Format(Inv, "N = {0:N0} -> {1:N0}", small.N, large.N);
                double save = large.SaveMs / large.N / (small.SaveMs / small.N);
                double load = large.LoadMs / large.N / (small.LoadMs / small.N);
                text.AppendLine(string.Format(Inv, "  per-player cost within 2x, {0}", range));
                text.AppendLine(Growth("save", save, small.SaveMs / small.N, large.SaveMs / large.N));
                text.AppendLine(Growth("load", load, small.LoadMs / small.N, large.LoadMs / large.N));
            }
            return text.ToString();
        }

        public static void Save(string text, string fileName)
        {
            string dir = Path.Combine(ArtifactsPath, "results");
            Directory.CreateDirectory(dir);
            string path = Path.Combine(dir, fileName);
            File.WriteAllText(path, text);
            Console.WriteLine("(written to " + path + ")");
        }

        /// <summary>benchmarks/VarSave.Benchmarks/BenchmarkDotNet.Artifacts (git-ignored), wherever the command runs from.</summary>
        public static string ArtifactsPath
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "VarSave.Benchmarks.csproj")))
                        return Path.Combine(dir.FullName, "BenchmarkDotNet.Artifacts");
                return Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
            }
        }

        private static Row? Find(IReadOnlyList<Row> rows, string engine, int n) =>
            rows.FirstOrDefault(r => r.N == n && r.Engine.StartsWith(engine, StringComparison.Ordinal));

        private static string Ratio(string what, double ratio, double needed) =>
            string.Format(Inv, "    {0,-40} {1}: {2:0.00}x", what, ratio >= needed ? "met   " : "MISSED", ratio);

        private static string CpuRatio(double? peer, double? varSave) =>
            peer == null || varSave == null ? "" : string.Format(Inv, " (by CPU time {0:0.00}x)", peer / varSave);

        private static string Growth(string what, double growth, double smallMs, double largeMs) =>
            string.Format(Inv, "    {0,-40} {1}: {2:0.00}x ({3:0.000} -> {4:0.000} us per player)",
                what, growth <= 2 ? "met   " : "MISSED", growth, smallMs * 1000, largeMs * 1000);

        private static int Order(string engine) =>
            engine.StartsWith("VarSave", StringComparison.Ordinal) ? 0
            : engine.StartsWith("pickle", StringComparison.Ordinal) ? 1
            : engine.StartsWith("System.Text.Json", StringComparison.Ordinal) ? 2
            : engine.StartsWith("Newtonsoft", StringComparison.Ordinal) ? 3 : 4;

        private static string Ms(double? ms) => ms == null ? "n/a" : Ms(ms.Value);

        private static string Ms(double ms) => double.IsNaN(ms) ? "not run" : Format(ms);

        private static string Format(double ms) => ms >= 100 ? ms.ToString("N0", Inv) : ms >= 10 ? ms.ToString("0.0", Inv) : ms.ToString("0.00", Inv);

        private static string Alloc(long? bytes) => bytes == null ? "n/a" : string.Format(Inv, "{0:N1} MB", bytes.Value / 1e6);
    }
}
