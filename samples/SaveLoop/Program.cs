// Saves its state in a tight loop until it is killed, to show that a kill at any instant leaves
// the last complete snapshot in place (the runtime writes a temporary file and renames it).
//   SaveLoop PATH         resume from PATH if it exists, then forever: change the state, save it,
//                         and print the saved generation to stderr.
//   SaveLoop check PATH   load PATH and print "generation N consistent True|False".
using System;
using System.Collections.Generic;
using System.IO;
using static VarSave.ProgramState;

static class Program
{
    // The path is a parameter, not a local, so it is neither saved nor restored.
    static int Main(string[] args) => args.Length == 2 && args[0] == "check" ? Check(args[1]) : Run(args[0]);

    static int Check(string path)
    {
        LoadFromFile(path);
        Console.WriteLine($"generation {State.Generation} consistent {State.IsConsistent()}");
        return State.IsConsistent() ? 0 : 1;
    }

    static int Run(string path)
    {
        if (File.Exists(path))
        {
            LoadFromFile(path);
            if (!State.IsConsistent())
            {
                Console.Error.WriteLine($"inconsistent state at generation {State.Generation}");
                return 1;
            }
        }
        while (true)
        {
            State.Advance();
            SaveToFile(path);
            Console.Error.WriteLine(State.Generation);
        }
    }
}

/// <summary>State whose size changes with every generation, with a checksum that must always match it.</summary>
static class State
{
    public static long Generation;
    public static List<int> Items = new();
    public static string Text = "";
    public static long Checksum;

    public static void Advance()
    {
        Generation++;
        // Between 0 and 20,010 items, so snapshots range from a few hundred bytes to ~100 KB.
        int count = ExpectedCount(Generation);
        Items = new List<int>(count);
        for (int i = 0; i < count; i++) Items.Add(unchecked((int)(Generation * 31 + i * 17)));
        Text = new string((char)('a' + Generation % 26), (int)(Generation % 1000));
        Checksum = Compute();
    }

    public static bool IsConsistent() => Items.Count == ExpectedCount(Generation) && Checksum == Compute();

    private static int ExpectedCount(long generation) => (int)(generation * 7919 % 20011);

    private static long Compute()
    {
        long sum = Generation;
        foreach (char c in Text) sum = unchecked(sum * 31 + c);
        foreach (int item in Items) sum = unchecked(sum * 31 + item);
        return sum;
    }
}
