using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using VarSave.Benchmarks.Model;

namespace VarSave.Benchmarks
{
    /// <summary>
    /// Measurements behind the suggestions in docs/performance.md, made from outside the runtime
    /// (which this project must not change): what the JSON serializers do at their default depth
    /// limits, the runtime's identity map against a Dictionary with a reference comparer, and load
    /// with the GC held off.
    /// </summary>
    internal static class Experiments
    {
        public static void Run(int n, int runs)
        {
            var prepared = Workload.For(n, new VarSaveEngine());
            byte[] snapshot = prepared.Bytes["VarSave"];
            Console.WriteLine($"experiments: N = {n:N0}, snapshot {snapshot.Length:N0} bytes, median of {runs}; {Machine.Load()}");
            Defaults(Math.Min(n, 10_000));
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

        /// <summary>The identity-map traffic of one save: every object added once, shared players found again.</summary>
        private static void IdentityMaps(World world, int runs)
        {
            var players = world.Players;
            double dictionary = Time(runs, () =>
            {
                var ids = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
                Visit(world, (o) => { if (!ids.TryGetValue(o, out _)) ids.Add(o, ids.Count); });
            });
            // Required, not optional: a lookup that silently found nothing would leave a figure that is never measured.
            const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
            var mapType = typeof(ProgramState).Assembly.GetType("VarSave.Graph.IdentityMap") ?? throw new MissingMemberException("type VarSave.Graph.IdentityMap");
            var find = mapType.GetMethod("Find", Any) ?? throw new MissingMethodException(mapType.Name, "Find");
            var add = mapType.GetMethod("Add", Any) ?? throw new MissingMethodException(mapType.Name, "Add");
            var construct = mapType.GetConstructor(Any, Type.EmptyTypes) ?? throw new MissingMethodException(mapType.Name, ".ctor");
            double runtime = Time(runs, () =>
            {
                var map = construct.Invoke(null);
                var findIn = find.CreateDelegate<Func<object, int>>(map);
                var addTo = add.CreateDelegate<Action<object, int>>(map);
                int count = 0;
                Visit(world, (o) => { if (findIn(o) < 0) addTo(o, count++); });
            });
            int lookups = 2 + 4 * players.Count;
            Console.WriteLine($"  identity map, {lookups:N0} lookups and {2 + 2 * players.Count:N0} adds: Dictionary<object,int> with a reference comparer {dictionary:0.0} ms; " +
                              $"the runtime's VarSave.Graph.IdentityMap (open addressing, key and id side by side) {runtime:0.0} ms ({dictionary / runtime:0.0}x)");
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
}
