using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// A save made by version 1 of a program loads in version 2, where fields were added, removed,
    /// renamed and widened, a class was renamed, and an [AfterLoad] hook migrates old data.
    /// </summary>
    public class SchemaEvolutionTests
    {
        private const string Version1 = @"
using System;
using System.Collections.Generic;
using static VarSave.ProgramState;

namespace Game
{
    public class Hero
    {
        public string Name = """";
        public int Gold;
        public int Hp;
        public string Obsolete = """";
        public List<string> Items = new();
    }

    public class Pet { public string Kind = """"; }

    public static class World
    {
        public static Hero? Hero;
        public static Pet? Pet;
        public static int Version = 1;
        public static string Label = ""v1"";
    }

    public static class Program
    {
        public static void Main(string[] args)
        {
            World.Hero = new Hero { Name = ""Alice"", Gold = 2_000_000_000, Hp = 77, Obsolete = ""x"", Items = { ""sword"", ""potion"" } };
            World.Pet = new Pet { Kind = ""cat"" };
            SaveToFile(args[0]);
            Console.WriteLine(""saved"");
        }
    }
}";

        private const string Version2 = @"
using System;
using System.Collections.Generic;
using VarSave;
using static VarSave.ProgramState;

namespace Game
{
    public class Hero
    {
        public Hero() { Level = 999; Title = ""the constructor ran""; }
        public string Name = """";
        public long Gold;
        [PreviousName(""Hp"")] public int Health;
        public int Level = 5;
        public string Title = ""none"";
        public List<string> Items = new();

        [AfterLoad] private void Migrate() => Title = $""{Name} of the {Items.Count} items"";
    }

    [PreviousName(""Pet"")]
    public class Companion { public string Kind = """"; }

    public static class World
    {
        public static Hero? Hero;
        public static Companion? Pet;
        public static int Version = 2;
        public static string Label = ""v2"";
        public static string HookSaw = """";

        [AfterLoad] private static void Check() => HookSaw = $""{Label} with {Pet?.Kind}"";
    }

    public static class Program
    {
        public static void Main(string[] args)
        {
            var snapshot = LoadFromFile(args[0]);
            var h = World.Hero!;
            Console.WriteLine($""{h.Name}|{h.Gold}|{h.Health}|{h.Level}|{h.Title}|{string.Join("","", h.Items)}|{World.Pet!.Kind}|{World.Version}|{World.HookSaw}"");
            Console.WriteLine(""ignored: "" + string.Join("","", snapshot.LoadReport.IgnoredFields));
        }
    }
}";

        /// <summary>Version 2 whose Main reports a failed load and then prints what the statics hold.</summary>
        private static string ReportingFailedLoad(string source)
        {
            var reporting = source.Replace("            var snapshot = LoadFromFile(args[0]);\n            var h = World.Hero!;\n", @"
            try { LoadFromFile(args[0]); }
            catch (VarSaveException e) { Console.WriteLine(e.Message); }
            Console.WriteLine($""after: hero={World.Hero?.Name ?? ""none""} version={World.Version} label={World.Label}"");
            return;
            var h = World.Hero!; var snapshot = LoadFromFile(args[0]);
");
            Assert.Contains("catch (VarSaveException e)", reporting);
            return reporting;
        }

        /// <summary>A field added in version 2 whose initializer needs locals (the short ldloc.N/stloc.N forms).</summary>
        private static readonly string Version2WithLocalsInInitializers = Version1.Replace(
            "        public List<string> Items = new();\n    }",
            "        public List<string> Items = new();\n" +
            "        public string Size = \"12\".Length switch { 2 => \"two\", _ => \"other\" };\n" +
            "        public int Parsed = int.TryParse(\"12\", out var v) ? v : 0;\n    }").Replace(
            "            World.Hero = new Hero",
            "            if (args.Length > 1) { LoadFromFile(args[0]); Console.WriteLine($\"{World.Hero!.Name}|{World.Hero.Size}|{World.Hero.Parsed}\"); return; }\n            World.Hero = new Hero");

        [Fact]
        public void A_version_1_save_loads_into_version_2_with_every_change_mapped()
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "v1.varsave");
            CompiledProgram.Build(Path.Combine(directory, "v1"), Version1).Run(directory, file);

            var output = CompiledProgram.Build(Path.Combine(directory, "v2"), Version2).Run(directory, file);

            Assert.Equal("Alice|2000000000|77|5|Alice of the 2 items|sword,potion|cat|1|v1 with cat\nignored: Game.Hero.Obsolete\n", output);
            Directory.Delete(directory, true);
        }

        [Fact]
        public void A_field_added_with_an_initializer_that_uses_locals_gets_its_value()
        {
            Assert.Contains("out var v", Version2WithLocalsInInitializers);
            Assert.Contains("if (args.Length > 1)", Version2WithLocalsInInitializers);
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "v1.varsave");
            CompiledProgram.Build(Path.Combine(directory, "v1"), Version1).Run(directory, file);

            var output = CompiledProgram.Build(Path.Combine(directory, "v2"), Version2WithLocalsInInitializers).Run(directory, file, "load");

            Assert.Equal("Alice|two|12\n", output);
            Directory.Delete(directory, true);
        }

        [Fact]
        public void An_incompatible_change_fails_naming_type_field_and_both_types_and_leaves_statics_unchanged()
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "v1.varsave");
            CompiledProgram.Build(Path.Combine(directory, "v1"), Version1).Run(directory, file);
            var changed = ReportingFailedLoad(Version2.Replace("public static string Label = \"v2\";", "public static int Label = 2;"));
            Assert.Contains("public static int Label = 2;", changed);

            var output = CompiledProgram.Build(Path.Combine(directory, "v3"), changed).Run(directory, file);

            Assert.Contains("Game.World.Label", output);
            Assert.Contains("saved as System.String but is now System.Int32", output);
            Assert.EndsWith("after: hero=none version=2 label=2\n", output);
            Directory.Delete(directory, true);
        }

        [Fact]
        public void A_hook_that_throws_fails_the_load_by_name_and_leaves_statics_unchanged()
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "v1.varsave");
            CompiledProgram.Build(Path.Combine(directory, "v1"), Version1).Run(directory, file);
            var failing = ReportingFailedLoad(Version2.Replace(
                "[AfterLoad] private static void Check() => HookSaw = $\"{Label} with {Pet?.Kind}\";",
                "[AfterLoad] private static void Check() => throw new InvalidOperationException(\"boom\");"));
            Assert.Contains("boom", failing);

            var output = CompiledProgram.Build(Path.Combine(directory, "v4"), failing).Run(directory, file);

            Assert.Contains("the [AfterLoad] hook Game.World.Check threw InvalidOperationException: boom", output);
            Assert.EndsWith("after: hero=none version=2 label=v2\n", output);
            Directory.Delete(directory, true);
        }
    }
}
