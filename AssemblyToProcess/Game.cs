using System.Collections.Generic;

namespace AssemblyToProcess.Game
{
    public class Character
    {
        public Character(string name) => Name = name;

        public string Name { get; set; }
        public int Health = 100;
        public Character? Target;
        public List<string> Inventory { get; } = new List<string>();
    }

    public sealed class Boss : Character
    {
        public Boss(string name, int phase) : base(name) => Phase = phase;

        public int Phase { get; private set; }
        private readonly string _secret = "hidden";

        public string Secret => _secret;
    }

    public enum Mood { Calm, Angry = 5, Furious = 1_000_000 }

    public struct Point
    {
        public Point(int x, int y) { X = x; Y = y; }
        public int X;
        public int Y;
        public override string ToString() => $"({X},{Y})";
    }

    public class Box<T>
    {
        public T? Value;
        public List<T> History = new List<T>();
    }

    public class World
    {
        private static int _tick;
        public static readonly string Title = "Old Title";
        public static Character? Hero;
        internal static Mood CurrentMood = Mood.Calm;
        public static Mood ReadMood() => CurrentMood;

        public static int Tick { get => _tick; set => _tick = value; }
        public static string ReadTitle() => Title;

        private class Secrets
        {
            public static int Count = 1;
            public string Code = "x";
        }

        public static int SecretCount { get => Secrets.Count; set => Secrets.Count = value; }
    }

    public class Node
    {
        public int Value;
        public Node? Next;
    }
}
