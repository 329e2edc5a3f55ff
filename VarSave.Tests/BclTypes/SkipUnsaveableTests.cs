using System.IO;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// <see cref="SaveOptions.SkipUnsaveable"/>: what cannot be saved is left out as null and listed with its path,
    /// the rest saves and loads in another process; without the option the same save fails.
    /// </summary>
    public class SkipUnsaveableTests
    {
        private const string Source = @"
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VarSave;
using static VarSave.ProgramState;

public class Notes : System.Collections.Specialized.StringCollection { public int Extra; }

public static class World
{
    public static int Score;
    public static Stream? Log;
    public static List<object?> Things = new List<object?>();
    public static Notes? Shared;
}

public static class Program
{
    public static void Main(string[] args)
    {
        if (args[0] == ""save"")
        {
            World.Score = 42;
            World.Log = new MemoryStream();
            World.Shared = new Notes();
            World.Things = new List<object?> { ""kept"", World.Shared, 7 };
            object? handle = new MemoryStream();
            try { SaveToFile(args[1]); }
            catch (UnsaveableObjectException e) { Console.WriteLine(""strict: "" + e.ObjectPath); }
            var snapshot = SaveToFile(args[1], new SaveOptions { SkipUnsaveable = true });
            foreach (var skipped in snapshot.Skipped.OrderBy(s => s.Path, StringComparer.Ordinal)) Console.WriteLine(""skipped: "" + skipped.Path + "" ("" + skipped.Type.Name + "")"");
            GC.KeepAlive(handle);
            return;
        }
        LoadFromFile(args[1]);
        Console.WriteLine($""{World.Score} {World.Log == null} {string.Join("","", World.Things.Select(t => t?.ToString() ?? ""null""))} {World.Shared == null}"");
    }
}";

        [Fact]
        public void A_skipping_save_leaves_out_and_lists_what_it_cannot_save_and_the_rest_loads_in_another_process()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source);
            string file = Path.Combine(directory, "skipping.varsave");
            Assert.Equal(
                "strict: static World.Log\n" +
                "skipped: local handle (MemoryStream)\n" +
                "skipped: static World.Log (MemoryStream)\n" +
                // One object, listed once under the path that first reached it; every reference to it is null.
                "skipped: static World.Shared (Notes)\n",
                program.Run(directory, "save", file));
            Assert.Equal("42 True kept,null,7 True\n", program.Run(directory, "load", file));
            Directory.Delete(directory, true);
        }
    }
}
