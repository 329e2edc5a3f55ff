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
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(600_000)) { process.Kill(true); throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish in 10 minutes."); }
            if (process.ExitCode != 0)
                throw new Exception($"dotnet {string.Join(" ", arguments)} exited with {process.ExitCode}:\n{output}\n{error.Result}");
            return output.Replace("\r\n", "\n");
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
}
