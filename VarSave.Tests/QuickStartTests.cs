using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// The README's Quick start as a newcomer follows it: pack into a local feed, <c>dotnet new console</c>,
    /// <c>dotnet add package VarSave.Fody --prerelease</c>, the README's FodyWeavers.xml and code as written,
    /// build and run. Then a second pack must not be shadowed by the first in NuGet's cache.
    /// </summary>
    public class QuickStartTests
    {
        [Fact]
        public void The_readme_quick_start_compiles_and_runs_as_written_from_a_local_pack_and_a_second_pack_is_not_shadowed()
        {
            var root = Processes.NewTemporaryDirectory();
            var feed = Path.Combine(root, "feed");
            string? first = null, second = null;
            try
            {
                first = Pack(feed);
                Assert.Matches(@"^\d+\.\d+\.\d+-local\.\d{14}$", first);
                // The README's "dotnet nuget add source", into this folder's config instead of the user's.
                File.WriteAllText(Path.Combine(root, "NuGet.config"), "<configuration><packageSources><clear /><add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" /></packageSources></configuration>");
                Processes.Dotnet(root, "nuget", "add", "source", feed, "--name", "varsave-local", "--configfile", Path.Combine(root, "NuGet.config"));
                File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
                File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");

                Processes.Dotnet(root, "new", "console", "-o", "App");
                var app = Path.Combine(root, "App");
                Processes.Dotnet(app, "add", "package", "VarSave.Fody", "--prerelease");
                Assert.Contains($"Include=\"VarSave.Fody\" Version=\"{first}\"", File.ReadAllText(Path.Combine(app, "App.csproj")));

                var readme = File.ReadAllText(Path.Combine(Processes.RepositoryRoot, "README.md"));
                File.WriteAllText(Path.Combine(app, "FodyWeavers.xml"), Block(readme, "## Quick start", "xml"));
                string program = Block(readme, "## Quick start", "csharp");
                File.WriteAllText(Path.Combine(app, "Program.cs"), program);
                // The package's own README shows the same code.
                Assert.Equal(program, Block(File.ReadAllText(Path.Combine(Processes.RepositoryRoot, "nuget", "README.md")), "## Quick start", "csharp"));

                var build = Processes.RunDotnet(app, new[] { "build", "-nodeReuse:false" });
                Assert.True(build.ExitCode == 0, build.All);
                Assert.DoesNotContain("warning", build.Output.Replace("0 Warning(s)", ""), StringComparison.OrdinalIgnoreCase);
                var run = Processes.RunDotnet(app, new[] { Path.Combine("bin", "Debug", "net10.0", "App.dll") });
                Assert.True(run.ExitCode == 0, run.All);
                Assert.Equal("42 Alice\n", run.Output);

                // A second pack (changed code, same VarSaveVersion) gets a newer version, and the documented update takes it.
                System.Threading.Thread.Sleep(1100);
                second = Pack(feed);
                Assert.True(string.CompareOrdinal(second, first) > 0, $"{second} should sort after {first}");
                Processes.Dotnet(app, "add", "package", "VarSave.Fody", "--prerelease");
                Assert.Contains($"Include=\"VarSave.Fody\" Version=\"{second}\"", File.ReadAllText(Path.Combine(app, "App.csproj")));
                Assert.Contains($"\"VarSave.Fody/{second}\"", File.ReadAllText(Path.Combine(app, "obj", "project.assets.json")));
            }
            finally
            {
                Directory.Delete(root, true);
                foreach (var version in new[] { first, second }.Where(v => v != null)) RemoveFromCache(version!);
            }
        }

        /// <summary>Packs VarSave.Fody as the README says (no version given) and returns the version it got.</summary>
        private static string Pack(string feed)
        {
            var before = Directory.Exists(feed) ? Directory.GetFiles(feed) : Array.Empty<string>();
            Processes.Dotnet(Processes.RepositoryRoot, "pack", Path.Combine("nuget", "VarSave.Fody.Package.csproj"), "-c", Processes.Configuration, "-o", feed, "-nodeReuse:false");
            var made = Assert.Single(Directory.GetFiles(feed, "*.nupkg").Except(before));
            return Path.GetFileNameWithoutExtension(made).Substring("VarSave.Fody.".Length);
        }

        /// <summary>The first fenced block of <paramref name="language"/> after <paramref name="heading"/>.</summary>
        private static string Block(string markdown, string heading, string language)
        {
            int from = markdown.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(from >= 0, $"no '{heading}' section");
            var match = new Regex("```" + language + "\n(.*?)```", RegexOptions.Singleline).Match(markdown.Replace("\r\n", "\n"), from);
            Assert.True(match.Success, $"no {language} block after '{heading}'");
            return match.Groups[1].Value;
        }

        private static void RemoveFromCache(string version)
        {
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var restored = Path.Combine(cache, "varsave.fody", version.ToLowerInvariant());
            if (Directory.Exists(restored)) Directory.Delete(restored, true);
        }
    }
}
