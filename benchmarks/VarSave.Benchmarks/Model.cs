// The workload (issue 7). Only this namespace is woven (see FodyWeavers.xml): these are the
// classes VarSave saves, and the very same classes System.Text.Json and Newtonsoft.Json
// serialize. Public fields, a parameterless constructor and no field initializers, so every
// engine creates and fills them the same way.
using System.Collections.Generic;

namespace VarSave.Benchmarks.Model
{
    public sealed class Player
    {
        public string Name = "";
        public int Hp;
        public double X;
        public double Y;
        public List<string> Inventory = null!;
        public Player? Target;
    }

    public sealed class World
    {
        public List<Player> Players = null!;
        public Dictionary<string, Player> Index = null!;

        /// <summary>
        /// N players: player i is named "player{i}", has Hp i % 100, X i * 0.5, Y i * 0.25,
        /// Inventory [sword, potion, key{i % 7}], and targets player (i * 7919) % N.
        /// </summary>
        public static World Build(int n)
        {
            var players = new List<Player>(n);
            for (int i = 0; i < n; i++)
            {
                players.Add(new Player
                {
                    Name = $"player{i}",
                    Hp = i % 100,
                    X = i * 0.5,
                    Y = i * 0.25,
                    Inventory = new List<string> { "sword", "potion", $"key{i % 7}" },
                });
            }
            for (int i = 0; i < n; i++) players[i].Target = players[(int)((long)i * 7919 % n)];
            var index = new Dictionary<string, Player>(n);
            foreach (var p in players) index.Add(p.Name, p);
            return new World { Players = players, Index = index };
        }

        /// <summary>Checks a loaded world against the workload's definition (a few players, all links of those).</summary>
        public static void Check(World? world, int n)
        {
            if (world == null) throw new System.InvalidOperationException("no world was loaded");
            if (world.Players.Count != n || world.Index.Count != n)
                throw new System.InvalidOperationException($"loaded {world.Players.Count} players and {world.Index.Count} index entries, expected {n}");
            foreach (int i in new[] { 0, 1, n / 2, n - 1 })
            {
                var p = world.Players[i];
                bool ok = p.Name == $"player{i}" && p.Hp == i % 100 && p.X == i * 0.5 && p.Y == i * 0.25
                    && p.Inventory.Count == 3 && p.Inventory[0] == "sword" && p.Inventory[1] == "potion" && p.Inventory[2] == $"key{i % 7}"
                    && ReferenceEquals(p.Target, world.Players[(int)((long)i * 7919 % n)])
                    && ReferenceEquals(world.Index[p.Name], p);
                if (!ok) throw new System.InvalidOperationException($"player {i} was not restored exactly");
            }
        }
    }

    /// <summary>The program's state as VarSave sees it: the world in a static field of a woven class.</summary>
    public static class GameState
    {
        public static World? World;
    }
}
