// Program B of the seed example: a different program that defines the same classes, with
// default values, and takes the saved state back into its own locals and statics.
using System;
using System.Collections.Generic;
using static VarSave.ProgramState;

var path = args.Length > 0 ? args[0] : "snapshot.varsave";
int x = 0;
Player p = null!;

var snapshot = LoadFromFile(path);

Console.WriteLine(x);
Console.WriteLine(p.Name);
Console.WriteLine(string.Join(",", p.Inventory));
Console.WriteLine(ReferenceEquals(p, p.Target!.Target) ? "cycle kept" : "cycle broken");
Console.WriteLine($"{p.Target.Name} hp {p.Target.Hp}");
Console.WriteLine($"high score {Scores.High}");
Console.WriteLine($"skipped locals: {string.Join(",", snapshot.LoadReport.SkippedLocals)}");

class Player
{
    public string Name = "nobody";
    public List<string> Inventory = new();
    public Enemy? Target = null;
}

class Enemy
{
    public string Name = "";
    public Player? Target = null;
    public int Hp = 0;
}

static class Scores
{
    public static int High = 0;
}
