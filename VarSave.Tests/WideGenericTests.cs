using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>Eight type arguments are checked as a tuple's only when the type is a tuple: a woven class may have eight too.</summary>
    public class WideGenericTests
    {
        private const string Source = @"
using System;
using static VarSave.ProgramState;

public class Eight<A, B, C, D, E, F, G, H>
{
    public A First = default!;
    public H Last = default!;
}

public static class Program
{
    public static Eight<int, int, int, int, int, int, int, string>? Held;

    public static void Main(string[] args)
    {
        if (args[0] == ""save"")
        {
            Held = new Eight<int, int, int, int, int, int, int, string> { First = 1, Last = ""eight"" };
            SaveToFile(args[1]);
        }
        else
        {
            LoadFromFile(args[1]);
            Console.WriteLine(Held!.First + "" "" + Held.Last);
        }
    }
}";

        [Fact]
        public void A_woven_class_with_eight_type_parameters_round_trips_across_processes()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source);
            string file = Path.Combine(directory, "eight.varsave");
            program.Run(directory, "save", file);
            Assert.Equal("1 eight", program.Run(directory, "load", file).Trim());
        }
    }
}
