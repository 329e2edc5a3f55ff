using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace VarSave.Tests
{
    /// <summary>Runs built programs in their own processes, as a user would.</summary>
    internal static class Processes
    {
        public static string RepositoryRoot => Metadata("RepositoryRoot");

        public static string Configuration => Metadata("Configuration");

        /// <summary>The built sample <paramref name="name"/> (built with the tests, woven by real Fody).</summary>
        public static string Sample(string name) =>
            Path.Combine(RepositoryRoot, "samples", name, "bin", Configuration, "net10.0", name + ".dll");

        /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> and returns its output; a non-zero exit fails with the output.</summary>
        public static string Dotnet(string workingDirectory, params string[] arguments)
        {
            var run = RunDotnet(workingDirectory, arguments);
            if (run.ExitCode != 0)
                throw new Exception($"dotnet {string.Join(" ", arguments)} exited with {run.ExitCode}:\n{run.Output}\n{run.Error}");
            return run.Output;
        }

        /// <summary>
        /// Runs <c>dotnet <paramref name="arguments"/></c> as a user's shell would, whatever the test host inherited
        /// from <c>dotnet test</c>, writing <paramref name="input"/> lines (if any) to its standard input.
        /// </summary>
        public static DotnetRun RunDotnet(string workingDirectory, string[] arguments, string[]? input = null)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardInput = input != null,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            // The test host runs under MSBuild's environment (MSBuildExtensionsPath, MSBuildSDKsPath, ...),
            // which would steer a nested build; the CLI sets what it needs itself.
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
                start.Environment.Remove(key);
            // A reused build node would keep an old weaver loaded (and outlive the test).
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            using var process = Process.Start(start)!;
            // Both streams read at once, so neither fills its pipe and stalls the child.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (input != null)
            {
                foreach (var line in input) process.StandardInput.WriteLine(line);
                process.StandardInput.Close();
            }
            if (!process.WaitForExit(600_000))
            {
                process.Kill(true);
                throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish in 10 minutes.");
            }
            return new DotnetRun(process.ExitCode, output.Result.Replace("\r\n", "\n"), error.Result.Replace("\r\n", "\n"));
        }

        public static string NewTemporaryDirectory()
        {
            var path = Path.Combine(Path.GetTempPath(), "varsave-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            return path;
        }

        private static string Metadata(string key) =>
            typeof(Processes).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }

    /// <summary>What a dotnet process wrote and how it exited.</summary>
    internal sealed record DotnetRun(int ExitCode, string Output, string Error)
    {
        /// <summary>Both streams, for searching a build's log and for failure messages.</summary>
        public string All => Output + Error;
    }
}
