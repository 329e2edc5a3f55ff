using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// Issue 12's capabilities through a woven class library consumed by a woven program: the library
    /// defines a class derived from Dictionary, a generic method group stored in its static, a closure
    /// over a local, a foreach iterator and BCL values (Random, DateOnly, BigInteger); the program holds
    /// them in its locals and statics, saves in one process and resumes in another, which must print what
    /// the saving process printed when it ran on.
    /// </summary>
    public class LibraryCapabilitiesTests
    {
        private const string Library = @"
using System;
using System.Collections.Generic;
using System.Numerics;

namespace Inventory
{
    public class Tally : Dictionary<string, int>
    {
        public string Owner = """";
        public Tally() : base(StringComparer.OrdinalIgnoreCase) { }
    }

    public static class Ops
    {
        public static T Same<T>(T value) => value;
        public static Func<int, int>? Stored;
        public static Func<T, T> Identity<T>() => Same<T>;
        public static Func<int> Counter(int start)
        {
            int count = start;
            return () => ++count;
        }
        public static IEnumerable<string> Walk(List<string> items)
        {
            foreach (var item in items) yield return item.ToUpperInvariant();
        }
    }

    public class Dice
    {
        public Random Rng = new Random(42);
        public Random Unseeded = new Random();
        public DateOnly Day = new DateOnly(2026, 12, 2);
        public BigInteger Big = BigInteger.Pow(7, 90);
    }
}";

        private const string Program = @"
using System;
using System.Collections.Generic;
using System.Linq;
using Inventory;
using static VarSave.ProgramState;

public static class World
{
    public static Tally? Tally;
    public static Func<string, string>? Echo;
    public static Dice? Dice;
}

public static class Program
{
    public static void Main(string[] args)
    {
        var tally = new Tally();
        Func<int> counter = () => 0;
        IEnumerator<string> walk = new List<string>().GetEnumerator();
        var dice = new Dice();
        if (args[0] == ""save"")
        {
            tally.Owner = ""ann"";
            tally[""Apple""] = 3;
            tally[""pear""] = 1;
            World.Tally = tally;
            Ops.Stored = Ops.Same<int>;
            World.Echo = Ops.Identity<string>();
            counter = Ops.Counter(10);
            counter();
            walk = Ops.Walk(new List<string> { ""a"", ""b"", ""c"" }).GetEnumerator();
            walk.MoveNext();
            dice.Rng.Next();
            dice.Unseeded.Next();
            World.Dice = dice;
            SaveToFile(args[1]);
        }
        else LoadFromFile(args[1]);
        var rest = new List<string>();
        while (walk.MoveNext()) rest.Add(walk.Current);
        Console.WriteLine(string.Join(""|"",
            $""{tally.Owner}:{tally[""APPLE""]}:{tally.Count}:{ReferenceEquals(tally, World.Tally)}"",
            $""{Ops.Stored!(5)}:{World.Echo!(""echo"")}"",
            $""{counter()},{counter()}"",
            string.Join("","", rest),
            $""{dice.Rng.Next()},{dice.Rng.Next()},{dice.Unseeded.Next()}"",
            dice.Day.ToString(""O""),
            (dice.Big % 1000).ToString(),
            ReferenceEquals(dice, World.Dice).ToString()));
    }
}";

        [Fact]
        public void A_woven_library_s_BCL_based_types_delegates_iterators_and_values_resume_in_another_process()
        {
            var directory = Processes.NewTemporaryDirectory();
            var library = CompiledProgram.BuildLibrary(Path.Combine(directory, "library"), Library, "WovenInventory");
            var program = CompiledProgram.Build(Path.Combine(directory, "program"), Program, "Program", library);
            string file = Path.Combine(directory, "inventory.varsave");

            string uninterrupted = program.Run(directory, "save", file);
            string resumed = program.Run(directory, "load", file);

            Assert.StartsWith("ann:3:2:True|5:echo|12,13|B,C|", resumed);
            Assert.EndsWith("|2026-12-02|" + (System.Numerics.BigInteger.Pow(7, 90) % 1000) + "|True\n", resumed);
            Assert.Equal(uninterrupted, resumed);
            Directory.Delete(directory, true);
        }
    }
}
