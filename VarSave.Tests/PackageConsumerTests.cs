using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// The NuGet package as a user meets it: VarSave.Fody packed into a local feed, then fresh projects
    /// outside the repository restore it and are built by real MSBuild and real Fody.
    /// </summary>
    public class PackageConsumerTests : IClassFixture<PackedVarSaveFody>
    {
        private readonly PackedVarSaveFody package;

        public PackageConsumerTests(PackedVarSaveFody package) => this.package = package;

        [Fact]
        public void The_package_has_the_Fody_add_in_layout_and_depends_on_Fody_only()
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            var files = zip.Entries.Select(e => e.FullName)
                .Where(name => !name.StartsWith("_rels/") && !name.StartsWith("package/") && name != "[Content_Types].xml")
                .OrderBy(name => name, StringComparer.Ordinal);
            string[] expected =
            {
                "LICENSE", "README.md", "VarSave.Fody.nuspec", "build/VarSave.Fody.props",
                "lib/net8.0/VarSave.Attributes.dll", "lib/net8.0/VarSave.Attributes.xml", "lib/net8.0/VarSave.dll", "lib/net8.0/VarSave.xml",
                "lib/netstandard2.0/VarSave.Attributes.dll", "lib/netstandard2.0/VarSave.Attributes.xml", "lib/netstandard2.0/VarSave.dll", "lib/netstandard2.0/VarSave.xml",
                "weaver/VarSave.Fody.dll", "weaver/VarSave.Fody.xcf",
            };
            Assert.Equal(expected, files);

            // Each lib folder has its own build of the runtime; the attributes are netstandard2.0 in both.
            Assert.NotEqual(Bytes(zip, "lib/net8.0/VarSave.dll"), Bytes(zip, "lib/netstandard2.0/VarSave.dll"));
            Assert.Equal(Bytes(zip, "lib/net8.0/VarSave.Attributes.dll"), Bytes(zip, "lib/netstandard2.0/VarSave.Attributes.dll"));
            Assert.Equal(File.ReadAllBytes(Path.Combine(Processes.RepositoryRoot, "nuget", "README.md")), Bytes(zip, "README.md"));

            // Fody finds the weaver through this item, named after the props file (= the package id).
            var props = Xml(zip, "build/VarSave.Fody.props");
            var weaverFiles = Assert.Single(props.Root!.Elements("ItemGroup").Elements("WeaverFiles"));
            Assert.Equal(@"$(MsBuildThisFileDirectory)..\weaver\$(MSBuildThisFileName).dll", weaverFiles.Attribute("Include")!.Value);

            var metadata = Xml(zip, "VarSave.Fody.nuspec").Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Meta(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
            Assert.Equal("VarSave.Fody", Meta("id"));
            Assert.Equal(package.Version, Meta("version"));
            Assert.Equal("README.md", Meta("readme"));
            Assert.Equal("LICENSE", Meta("license"));
            Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "developmentDependency");
            var groups = metadata.Elements().Single(e => e.Name.LocalName == "dependencies").Elements().ToList();
            Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Select(g => g.Attribute("targetFramework")!.Value).OrderBy(t => t, StringComparer.Ordinal));
            foreach (var group in groups)
            {
                var dependency = Assert.Single(group.Elements());
                Assert.Equal("Fody", dependency.Attribute("id")!.Value);
                Assert.Equal(RepositoryProperty("FodyVersion"), dependency.Attribute("version")!.Value);
                // Fody's build targets must reach the consumer through this dependency.
                Assert.DoesNotContain("build", dependency.Attribute("exclude")?.Value ?? "", StringComparison.OrdinalIgnoreCase);
            }
        }

        [Fact]
        public void The_weaver_schema_fragment_accepts_the_documented_options_and_rejects_others()
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            var schemas = FodyWeaversSchema(Xml(zip, "weaver/VarSave.Fody.xcf").Root!);

            Assert.Null(SchemaError(schemas, "<VarSave />"));
            Assert.Null(SchemaError(schemas, "<VarSave CaptureLocals='false' IncludeNamespaces='Game|Tools' ExcludeNamespaces='Game.Ui' ExcludeTypes='Game.Cache|Tools.Log' />"));
            Assert.Contains("CaptureLocal", SchemaError(schemas, "<VarSave CaptureLocal='false' />"));
            Assert.Contains("yes", SchemaError(schemas, "<VarSave CaptureLocals='yes' />"));
        }

        [Fact]
        public void A_fresh_project_is_woven_from_the_package_and_a_second_program_loads_its_state()
        {
            var root = NewConsumerRoot();
            try
            {
                var save = WriteConsumer(root, "SaveGame", "<VarSave />", """
                    using static VarSave.ProgramState;

                    var x = 42;
                    var p = new Player("Alice");
                    p.Inventory.Add("sword");
                    p.Inventory.Add("potion");
                    SaveToFile(args[0]);

                    class Player
                    {
                        public Player(string name) => Name = name;
                        public string Name;
                        public List<string> Inventory = new();
                    }
                    """);
                var load = WriteConsumer(root, "LoadGame", "<VarSave />", """
                    using static VarSave.ProgramState;

                    int x = 0;
                    Player p = null!;
                    LoadFromFile(args[0]);
                    Console.WriteLine(x);
                    Console.WriteLine(p.Name);
                    Console.WriteLine(string.Join(",", p.Inventory));

                    class Player
                    {
                        public string Name = "";
                        public List<string> Inventory = new();
                    }
                    """);

                foreach (var project in new[] { save, load })
                {
                    var build = Processes.RunDotnet(project, new[] { "build", "-nodeReuse:false", "-v:n" });
                    Assert.True(build.ExitCode == 0, build.All);
                    // Fody's own log line for an add-in it found and ran.
                    Assert.Contains("Fody/VarSave: Executing weaver VarSave", build.All);
                }
                // Fody merged the package's .xcf into the schema it generated beside FodyWeavers.xml.
                Assert.Contains("name=\"CaptureLocals\"", File.ReadAllText(Path.Combine(save, "FodyWeavers.xsd")));

                var snapshot = Path.Combine(root, "game.varsave");
                var saved = Processes.RunDotnet(root, new[] { Path.Combine(save, "bin", "Debug", "net10.0", "SaveGame.dll"), snapshot });
                Assert.True(saved.ExitCode == 0, saved.All);
                var loaded = Processes.RunDotnet(root, new[] { Path.Combine(load, "bin", "Debug", "net10.0", "LoadGame.dll"), snapshot });
                Assert.True(loaded.ExitCode == 0, loaded.All);
                Assert.Equal("42\nAlice\nsword,potion\n", loaded.All);
            }
            finally
            {
                Directory.Delete(root, true);
            }
        }

        [Fact]
        public void A_misspelled_option_in_FodyWeavers_xml_fails_the_build_naming_it_and_the_allowed_options()
        {
            var error = BuildErrorFor("<VarSave CaptureLocal=\"false\" />", line => Regex.IsMatch(line, @"\bCaptureLocal\b"));
            Assert.Contains("VarSave", error);
            foreach (var allowed in new[] { "CaptureLocals", "IncludeNamespaces", "ExcludeNamespaces", "ExcludeTypes" })
                Assert.Contains(allowed, error);
        }

        [Fact]
        public void A_boolean_option_that_is_not_true_or_false_fails_the_build_naming_it()
        {
            var error = BuildErrorFor("<VarSave CaptureLocals=\"yes\" />", line => line.Contains("CaptureLocals"));
            Assert.Contains("true or false", error);
        }

        /// <summary>Builds a one-line consumer with <paramref name="weaverElement"/>; the build must fail with an error line <paramref name="isTheError"/> picks.</summary>
        private string BuildErrorFor(string weaverElement, Func<string, bool> isTheError)
        {
            var root = NewConsumerRoot();
            try
            {
                var project = WriteConsumer(root, "Configured", weaverElement, "System.Console.WriteLine(1);\n");
                // Default verbosity: errors and warnings only, so a failure message stays readable.
                var build = Processes.RunDotnet(project, new[] { "build", "-nodeReuse:false" });
                Assert.True(build.ExitCode != 0, "The build should have failed:\n" + build.All);
                var errors = build.All.Split('\n').Where(line => line.Contains("error", StringComparison.Ordinal)).ToList();
                var error = errors.FirstOrDefault(isTheError);
                Assert.True(error != null, "No matching error line among:\n" + string.Join("\n", errors));
                return error!;
            }
            finally
            {
                Directory.Delete(root, true);
            }
        }

        /// <summary>A temporary folder outside the repository, set up to restore from the test feed and nuget.org only.</summary>
        private string NewConsumerRoot()
        {
            var root = Processes.NewTemporaryDirectory();
            File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="varsave-test-feed" value="{package.Feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            // Empty files stop MSBuild's upward search, so nothing above the temp folder leaks in.
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");
            return root;
        }

        /// <summary>A console project as `dotnet new console` would make it, plus the package and FodyWeavers.xml.</summary>
        private string WriteConsumer(string root, string name, string weaverElement, string program)
        {
            var directory = Path.Combine(root, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="VarSave.Fody" Version="{package.Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "FodyWeavers.xml"), $"<Weavers>\n  {weaverElement}\n</Weavers>\n");
            File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
            return directory;
        }

        /// <summary>The FodyWeavers.xsd Fody would generate for VarSave alone: the .xcf is the type of the VarSave element.</summary>
        private static XmlSchemaSet FodyWeaversSchema(XElement xcf)
        {
            XNamespace xs = "http://www.w3.org/2001/XMLSchema";
            var schema = new XElement(xs + "schema",
                new XElement(xs + "element", new XAttribute("name", "Weavers"),
                    new XElement(xs + "complexType",
                        new XElement(xs + "all",
                            new XElement(xs + "element", new XAttribute("name", "VarSave"), new XAttribute("minOccurs", "0"), xcf)))));
            var schemas = new XmlSchemaSet();
            schemas.Add(null, schema.CreateReader());
            schemas.Compile();
            return schemas;
        }

        private static string? SchemaError(XmlSchemaSet schemas, string weaverElement)
        {
            string? error = null;
            XDocument.Parse($"<Weavers>{weaverElement}</Weavers>").Validate(schemas, (_, e) => error ??= e.Message);
            return error;
        }

        private static byte[] Bytes(ZipArchive zip, string entry)
        {
            using var stream = zip.GetEntry(entry)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        private static XDocument Xml(ZipArchive zip, string entry)
        {
            using var stream = zip.GetEntry(entry)!.Open();
            return XDocument.Load(stream);
        }

        /// <summary>A property from the repository's Directory.Build.props, the one place versions are set.</summary>
        internal static string RepositoryProperty(string name) =>
            XDocument.Load(Path.Combine(Processes.RepositoryRoot, "Directory.Build.props")).Descendants(name).Single().Value;
    }

    /// <summary>
    /// VarSave.Fody packed once for all the tests above, into a temporary feed, under a version no other run
    /// has used: the global NuGet cache keeps packages by id and version and would otherwise serve an old weaver.
    /// </summary>
    public sealed class PackedVarSaveFody : IDisposable
    {
        public PackedVarSaveFody()
        {
            // A hyphen, not a dot: a dotted all-digit part with a leading zero is not valid SemVer.
            Version = $"{PackageConsumerTests.RepositoryProperty("VarSaveVersion")}-test-{Guid.NewGuid().ToString("N").Substring(0, 8)}";
            Feed = Processes.NewTemporaryDirectory();
            var project = Path.Combine(Processes.RepositoryRoot, "nuget", "VarSave.Fody.Package.csproj");
            // The test's own configuration, so packing reuses the assemblies the test run just built.
            var pack = Processes.RunDotnet(Processes.RepositoryRoot, new[] { "pack", project, "-c", Processes.Configuration, "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false" });
            if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + pack.All);
            PackagePath = Path.Combine(Feed, $"VarSave.Fody.{Version}.nupkg");
        }

        public string Version { get; }

        public string Feed { get; }

        public string PackagePath { get; }

        public void Dispose()
        {
            Directory.Delete(Feed, true);
            // The restored copy in the global cache is ours alone (unique version): do not let runs pile up.
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var restored = Path.Combine(cache, "varsave.fody", Version.ToLowerInvariant());
            if (Directory.Exists(restored)) Directory.Delete(restored, true);
        }
    }
}
