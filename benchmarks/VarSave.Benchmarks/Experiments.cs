using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VarSave.Benchmarks.Model;

namespace VarSave.Benchmarks
{
    /// <summary>
    /// Measurements behind the suggestions in docs/performance.md, made from outside the runtime
    /// (which this project must not change): the runtime's CRC-32 against a slicing-by-8 one
    /// giving the same checksum, its identity map (a Dictionary with a reference comparer)
    /// against an open-addressing table, and load with the GC held off.
    /// </summary>
    internal static class Experiments
    {
        public static void Run(int n, int runs)
        {
            var prepared = Workload.For(n, new VarSaveEngine());
            byte[] snapshot = prepared.Bytes["VarSave"];
            Console.WriteLine($"experiments: N = {n:N0}, snapshot {snapshot.Length:N0} bytes, median of {runs}; {Machine.Load()}");
            Defaults(Math.Min(n, 10_000));
            Crc(snapshot, runs);
            IdentityMaps(prepared.World, runs);
            LoadWithoutGc(prepared, runs);
        }

        /// <summary>What the JSON serializers do with their default depth limits on this workload (the benchmarks raise them).</summary>
        private static void Defaults(int n)
        {
            var world = World.Build(n);
            var stj = new System.Text.Json.JsonSerializerOptions
            {
                ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.Preserve,
                IncludeFields = true,
            };
            Console.WriteLine($"  System.Text.Json, default MaxDepth, N = {n:N0}: " + Outcome(() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(world, stj)));
            var settings = new Newtonsoft.Json.JsonSerializerSettings { PreserveReferencesHandling = Newtonsoft.Json.PreserveReferencesHandling.All };
            string json = DeepStack.Run(() => Newtonsoft.Json.JsonConvert.SerializeObject(world, settings));
            Console.WriteLine($"  Newtonsoft.Json, default MaxDepth, N = {n:N0}: write ok, read " +
                              Outcome(() => Newtonsoft.Json.JsonConvert.DeserializeObject<World>(json, settings)!));
        }

        private static string Outcome(Func<object> work)
        {
            try
            {
                DeepStack.Run(work);
                return "ok";
            }
            catch (InvalidOperationException e)
            {
                Exception inner = e;
                while (inner.InnerException != null) inner = inner.InnerException;
                string message = inner.Message;
                return "fails: " + inner.GetType().Name + ": " + (message.Length > 200 ? message.Substring(0, 200) + "..." : message);
            }
        }

        private static void Crc(byte[] data, int runs)
        {
            var method = typeof(ProgramState).Assembly.GetType("VarSave.Format.Crc32")?.GetMethod("Compute", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
            if (method == null)
            {
                Console.WriteLine("  CRC-32: the runtime's Crc32.Compute is gone; skipped");
                return;
            }
            var runtime = method.CreateDelegate<Func<byte[], int, int, uint>>();
            uint expected = runtime(data, 0, data.Length);
            uint actual = Crc32Slicing8.Compute(data, 0, data.Length);
            if (expected != actual) throw new InvalidOperationException($"slicing-by-8 gives {actual:x8}, the runtime {expected:x8}");
            double table = Time(runs, () => runtime(data, 0, data.Length));
            double slicing = Time(runs, () => Crc32Slicing8.Compute(data, 0, data.Length));
            Console.WriteLine($"  CRC-32 of the snapshot: runtime (byte-at-a-time table) {table:0.0} ms = {data.Length / table / 1e3:0} MB/s; " +
                              $"slicing-by-8, same checksum, {slicing:0.0} ms = {data.Length / slicing / 1e3:0} MB/s ({table / slicing:0.0}x)");
        }

        /// <summary>The identity-map traffic of one save: every object added once, shared players found again.</summary>
        private static void IdentityMaps(World world, int runs)
        {
            var players = world.Players;
            double dictionary = Time(runs, () =>
            {
                var ids = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
                Visit(world, (o) => { if (!ids.TryGetValue(o, out _)) ids.Add(o, ids.Count); });
            });
            double open = Time(runs, () =>
            {
                var ids = new IdentityMap();
                Visit(world, (o) => ids.GetOrAdd(o));
            });
            string runtimeMap = "";
            var mapType = typeof(ProgramState).Assembly.GetType("VarSave.Graph.IdentityMap");
            var find = mapType?.GetMethod("Find", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            var add = mapType?.GetMethod("Add", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            var construct = mapType?.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);
            if (find != null && add != null && construct != null)
            {
                double runtime = Time(runs, () =>
                {
                    var map = construct.Invoke(null);
                    var findIn = find.CreateDelegate<Func<object, int>>(map);
                    var addTo = add.CreateDelegate<Action<object, int>>(map);
                    int count = 0;
                    Visit(world, (o) => { if (findIn(o) < 0) addTo(o, count++); });
                });
                runtimeMap = $"; the runtime's own VarSave.Graph.IdentityMap {runtime:0.0} ms";
            }
            int lookups = 2 + 4 * players.Count;
            Console.WriteLine($"  identity map, {lookups:N0} lookups and {2 + 2 * players.Count:N0} adds: Dictionary<object,int> with a reference comparer {dictionary:0.0} ms; " +
                              $"open addressing (key and id side by side) {open:0.0} ms ({dictionary / open:0.0}x){runtimeMap}");
        }

        private static void Visit(World world, Action<object> see)
        {
            see(world.Players);
            see(world.Index);
            foreach (var p in world.Players) see(p);
            foreach (var p in world.Index.Values) see(p);
            foreach (var p in world.Players)
            {
                see(p.Inventory);
                if (p.Target != null) see(p.Target);
            }
        }

        private static void LoadWithoutGc(Prepared prepared, int runs)
        {
            var engine = new VarSaveEngine();
            byte[] bytes = prepared.Bytes[engine.Name];
            double normal = Time(runs, () => { engine.Load(bytes); GameState.World = prepared.World; });
            long budget = Math.Min(240L << 20, 32L * bytes.Length + (16 << 20));
            bool entered = false;
            double held = Time(runs, () =>
            {
                entered = GC.TryStartNoGCRegion(budget);
                try { engine.Load(bytes); }
                finally
                {
                    if (entered && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
                }
                GameState.World = prepared.World;
            });
            Console.WriteLine($"  VarSave load {normal:0.0} ms; inside GC.TryStartNoGCRegion({budget >> 20} MB) {held:0.0} ms " +
                              $"({(entered ? "entered" : "could not enter")}): the GC's share of load is about {(normal - held) / normal:P0}");
        }

        private static double Time(int runs, Action action)
        {
            action();
            var times = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                Quick.Collect();
                long start = Stopwatch.GetTimestamp();
                action();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return Quick.Median(times);
        }
    }

    /// <summary>CRC-32 (IEEE, reflected) eight bytes at a time: the same checksum as VarSave's Format/Crc32.cs.</summary>
    internal static class Crc32Slicing8
    {
        private static readonly uint[] Tables = Build();

        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFFu;
            var t = Tables;
            int i = offset, end = offset + count;
            for (; end - i >= 8; i += 8)
            {
                uint one = MemoryMarshal.Read<uint>(data.AsSpan(i)) ^ crc;
                uint two = MemoryMarshal.Read<uint>(data.AsSpan(i + 4));
                crc = t[7 * 256 + (one & 0xFF)] ^ t[6 * 256 + ((one >> 8) & 0xFF)] ^ t[5 * 256 + ((one >> 16) & 0xFF)] ^ t[4 * 256 + (one >> 24)]
                    ^ t[3 * 256 + (two & 0xFF)] ^ t[2 * 256 + ((two >> 8) & 0xFF)] ^ t[256 + ((two >> 16) & 0xFF)] ^ t[two >> 24];
            }
            for (; i < end; i++) crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }

        private static uint[] Build()
        {
            var t = new uint[8 * 256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                t[n] = c;
            }
            for (int k = 1; k < 8; k++)
                for (int n = 0; n < 256; n++)
                    t[k * 256 + n] = (t[(k - 1) * 256 + n] >> 8) ^ t[t[(k - 1) * 256 + n] & 0xFF];
            return t;
        }
    }

    /// <summary>Object -> id by identity, open addressing with linear probing; key and id in one entry, so one cache miss per probe.</summary>
    internal sealed class IdentityMap
    {
        private struct Entry
        {
            public object? Key;
            public int Id;
        }

        private Entry[] _entries = new Entry[1024];
        private int _count;
        private int _shift = 64 - 10;

        /// <summary>The object's id, giving it the next one if it has none.</summary>
        public int GetOrAdd(object key)
        {
            var entries = _entries;
            int mask = entries.Length - 1;
            int i = Slot(key);
            while (true)
            {
                ref var entry = ref entries[i];
                if (entry.Key == null)
                {
                    entry.Key = key;
                    entry.Id = _count++;
                    if (_count * 2 > entries.Length) Grow();
                    return _count - 1;
                }
                if (ReferenceEquals(entry.Key, key)) return entry.Id;
                i = (i + 1) & mask;
            }
        }

        private int Slot(object key) => (int)(((ulong)(uint)RuntimeHelpers.GetHashCode(key) * 0x9E3779B97F4A7C15UL) >> _shift);

        private void Grow()
        {
            var old = _entries;
            _entries = new Entry[old.Length * 2];
            _shift--;
            int mask = _entries.Length - 1;
            foreach (var entry in old)
            {
                if (entry.Key == null) continue;
                int i = Slot(entry.Key);
                while (_entries[i].Key != null) i = (i + 1) & mask;
                _entries[i] = entry;
            }
        }
    }
}
