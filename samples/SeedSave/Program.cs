// Program A of the seed example: builds some state and saves all of it.
using System;
using System.Collections.Generic;
using static VarSave.ProgramState;

var path = args.Length > 0 ? args[0] : "snapshot.varsave";
var x = 42;
var p = new Player("Alice");
p.Inventory.Add("sword");
p.Inventory.Add("potion");
var enemy = new Enemy("Goblin");
p.Target = enemy;
enemy.Target = p;
Scores.High = 1234;

SaveToFile(path);
Console.WriteLine($"saved x={x}, {p.Name} carrying {string.Join(",", p.Inventory)}, target {p.Target.Name}, high score {Scores.High}");

class Player
{
    public Player(string name) => Name = name;
    public string Name;
    public List<string> Inventory = new();
    public Enemy? Target;
}

class Enemy
{
    public Enemy(string name) => Name = name;
    public string Name;
    public Player? Target;
    public int Hp = 30;
}

static class Scores
{
    public static int High;
}
