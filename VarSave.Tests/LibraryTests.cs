using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>A program woven over a woven library: its classes extend the library's woven hierarchy.</summary>
    public class LibraryTests
    {
        private const string Library = @"
namespace Shapes
{
    public class Shape { public int X; }
    public class Circle : Shape { public string Label = """"; }
}";

        private const string Program = @"
using System;
using static VarSave.ProgramState;

public class Ring : Shapes.Circle { public int Width; }

public static class World { public static Ring? Ring; }

public static class Program
{
    public static void Main(string[] args)
    {
        if (args[0] == ""save"") { World.Ring = new Ring { X = 1, Label = ""two"", Width = 3 }; SaveToFile(args[1]); Console.WriteLine(""saved""); return; }
        LoadFromFile(args[1]);
        Console.WriteLine($""{World.Ring!.X}|{World.Ring.Label}|{World.Ring.Width}"");
    }
}";

        [Fact]
        public void A_class_below_a_woven_library_hierarchy_saves_the_fields_it_inherits()
        {
            var directory = Processes.NewTemporaryDirectory();
            var library = CompiledProgram.BuildLibrary(Path.Combine(directory, "library"), Library, "WovenShapes");
            var program = CompiledProgram.Build(Path.Combine(directory, "program"), Program, "Program", library);
            string file = Path.Combine(directory, "rings.varsave");

            Assert.Equal("saved\n", program.Run(directory, "save", file));
            Assert.Equal("1|two|3\n", program.Run(directory, "load", file));
            Directory.Delete(directory, true);
        }
    }
}
