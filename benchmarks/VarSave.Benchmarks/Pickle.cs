using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace VarSave.Benchmarks
{
    /// <summary>Runs benchmarks/pickle_bench.py under python3, when there is one, and reads its JSON lines.</summary>
    internal static class Pickle
    {
        public static List<Row> Run(IReadOnlyList<int> sizes, int runs, TimeSpan timeout, out string? problem)
        {
            var rows = new List<Row>();
            problem = null;
            string? script = FindScript();
            if (script == null)
            {
                problem = "pickle_bench.py not found next to the program or under benchmarks/";
                return rows;
            }
            var start = new ProcessStartInfo("python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add("--runs");
            start.ArgumentList.Add(runs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add("--n");
            foreach (int n in sizes) start.ArgumentList.Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture));

            Process? process;
            try
            {
                process = Process.Start(start);
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is FileNotFoundException)
            {
                problem = "python3 is not on PATH: " + e.Message;
                return rows;
            }
            if (process == null)
            {
                problem = "python3 could not be started";
                return rows;
            }
            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                string? line;
                var deadline = DateTime.UtcNow + timeout;
                while ((line = process.StandardOutput.ReadLine()) != null)
                {
                    if (line.Trim().Length == 0 || line[0] != '{') continue;
                    using var doc = JsonDocument.Parse(line);
                    var root = doc.RootElement;
                    if (root.TryGetProperty("error", out var error))
                    {
                        problem = "pickle_bench.py failed: " + error.GetString();
                        continue;
                    }
                    rows.Add(new Row(
                        "pickle (CPython " + root.GetProperty("python").GetString() + ")",
                        root.GetProperty("n").GetInt32(),
                        root.GetProperty("save_ms").GetDouble(),
                        root.GetProperty("load_ms").GetDouble(),
                        root.GetProperty("bytes").GetInt64(),
                        null,
                        null,
                        root.TryGetProperty("save_cpu_ms", out var saveCpu) ? saveCpu.GetDouble() : null,
                        root.TryGetProperty("load_cpu_ms", out var loadCpu) ? loadCpu.GetDouble() : null));
                    if (DateTime.UtcNow > deadline) break;
                }
                if (!process.WaitForExit((int)Math.Max(1000, (deadline - DateTime.UtcNow).TotalMilliseconds)))
                {
                    process.Kill(entireProcessTree: true);
                    problem = $"pickle_bench.py did not finish within {timeout.TotalMinutes:0} minutes";
                }
                else if (process.ExitCode != 0 && problem == null)
                {
                    problem = $"pickle_bench.py exited with {process.ExitCode}: {stderr.Result.Trim().Split('\n').LastOrDefault()}";
                }
            }
            return rows;
        }

        private static string? FindScript()
        {
            string beside = Path.Combine(AppContext.BaseDirectory, "pickle_bench.py");
            if (File.Exists(beside)) return beside;
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "benchmarks", "pickle_bench.py");
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }
}
