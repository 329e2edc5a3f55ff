using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using VarSave.Benchmarks.Model;

namespace VarSave.Benchmarks
{
    /// <summary>The world for one N, with every engine's bytes ready for the load benchmarks.</summary>
    internal sealed class Prepared
    {
        public Prepared(int n, World world)
        {
            N = n;
            World = world;
        }

        public int N { get; }
        public World World { get; }
        public Dictionary<string, byte[]> Bytes { get; } = new Dictionary<string, byte[]>();
    }

    /// <summary>Builds the world once per N (the last one is kept) and checks every engine round-trips it.</summary>
    internal static class Workload
    {
        private static Prepared? _current;

        /// <summary>Encoded size per (engine, N), filled by <see cref="For"/>; the benchmark summary's Size column reads it.</summary>
        public static readonly ConcurrentDictionary<(string Engine, int N), long> Sizes = new ConcurrentDictionary<(string, int), long>();

        /// <summary>The world for <paramref name="n"/>, with the bytes of every engine given (all by default).</summary>
        public static Prepared For(int n, params Engine[] engines)
        {
            if (engines.Length == 0) engines = Engine.All;
            if (_current == null || _current.N != n)
            {
                _current = null;
                GameState.World = null;
                GC.Collect();
                _current = new Prepared(n, World.Build(n));
            }
            var prepared = _current;
            foreach (var engine in engines)
            {
                if (prepared.Bytes.ContainsKey(engine.Name)) continue;
                GameState.World = prepared.World;
                var bytes = engine.BytesOf(engine.Save(prepared.World));
                prepared.Bytes[engine.Name] = bytes;
                Sizes[(engine.Name, n)] = bytes.Length;
                World.Check(engine.Load(bytes), n);
            }
            GameState.World = prepared.World;
            return prepared;
        }
    }
}
