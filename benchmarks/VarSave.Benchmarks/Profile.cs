using System;
using System.Diagnostics;
using VarSave.Benchmarks.Model;

namespace VarSave.Benchmarks
{
    /// <summary>
    /// VarSave alone, for tuning. Without --loop: the median time and allocation of a whole save
    /// and load. With --loop save|load: repeats that operation for --seconds, back to back, for a
    /// sampling profiler such as dotnet-trace to attach to (docs/performance.md says how).
    /// </summary>
    internal static class Profile
    {
        public static void Run(int n, int runs, string? loop, int seconds)
        {
            var engine = new VarSaveEngine();
            var prepared = Workload.For(n, engine);
            byte[] bytes = prepared.Bytes[engine.Name];
            if (loop != null)
            {
                Loop(engine, prepared, bytes, loop, seconds);
                return;
            }

            Console.WriteLine($"profile: VarSave, N = {n:N0}, snapshot {bytes.Length:N0} bytes, median of {runs} runs");
            Console.WriteLine();
            var total = Quick.Measure(engine, prepared, runs, warmups: 2);
            Console.WriteLine($"whole save {total.SaveMs,8:0.0} ms, {total.SaveAlloc / 1e6,7:0.0} MB allocated ({(double)total.SaveAlloc! / n:0} B per player)");
            Console.WriteLine($"whole load {total.LoadMs,8:0.0} ms, {total.LoadAlloc / 1e6,7:0.0} MB allocated ({(double)total.LoadAlloc! / n:0} B per player)");
        }

        private static void Loop(VarSaveEngine engine, Prepared prepared, byte[] bytes, string what, int seconds)
        {
            var clock = Stopwatch.StartNew();
            int count = 0;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                if (what == "save") GC.KeepAlive(engine.Save(prepared.World));
                else engine.Load(bytes);
                GameState.World = prepared.World;
                count++;
            }
            Console.WriteLine($"{what}: {count} times in {clock.Elapsed.TotalSeconds:0.0} s, {clock.Elapsed.TotalMilliseconds / count:0.0} ms each");
        }
    }
}
