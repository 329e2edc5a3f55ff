using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using VarSave.Benchmarks.Model;

namespace VarSave.Benchmarks
{
    /// <summary>
    /// Where VarSave's save and load time goes. Without --loop: runs the runtime's own phases one
    /// by one (through reflection on its internals, which this project must not change) and
    /// prints each phase's median time, allocation and GC count. With --loop save|load: repeats
    /// that operation for --seconds, for a sampling profiler such as dotnet-trace to attach to.
    /// </summary>
    internal static class Profile
    {
        private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

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

            Console.WriteLine($"profile: VarSave, N = {n:N0}, snapshot {bytes.Length:N0} bytes, median of {runs} runs per phase");
            Console.WriteLine();
            var total = Quick.Measure(engine, prepared, runs, warmups: 2);
            Console.WriteLine($"whole save {total.SaveMs,8:0.0} ms, {total.SaveAlloc / 1e6,7:0.0} MB allocated ({(double)total.SaveAlloc! / n:0} B per player)");
            Console.WriteLine($"whole load {total.LoadMs,8:0.0} ms, {total.LoadAlloc / 1e6,7:0.0} MB allocated ({(double)total.LoadAlloc! / n:0} B per player)");
            Console.WriteLine();
            foreach (var (name, phases) in new[] { ("save", SavePhases(prepared)), ("load", LoadPhases(bytes)) })
            {
                try
                {
                    Phases(name, runs, phases);
                }
                catch (Exception e) when (e is MissingMemberException || e is AmbiguousMatchException || e is NullReferenceException || e is TargetInvocationException
                                          || e is ArgumentException || e is InvalidCastException || e is InvalidOperationException || e is TargetParameterCountException)
                {
                    Console.WriteLine($"No {name} phase breakdown: it calls the runtime's internals as they were at commit f68b216, and they have changed ({e.GetType().Name}: {e.Message}).");
                    Console.WriteLine("Profile with dotnet-trace instead (docs/performance.md).");
                    Console.WriteLine();
                }
            }
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

        /// <summary>A named step; each gets the previous step's result.</summary>
        private sealed record Phase(string Name, Func<object?, object?> Step);

        private static void Phases(string operation, int runs, Func<List<Phase>> makePhases)
        {
            var phases = makePhases();
            var times = phases.Select(_ => new List<double>()).ToArray();
            var cpus = phases.Select(_ => new List<double>()).ToArray();
            var allocs = new long[phases.Count];
            var gcs = new int[phases.Count];
            var pauses = new double[phases.Count];
            for (int run = 0; run < runs + 1; run++)
            {
                object? carry = null;
                for (int i = 0; i < phases.Count; i++)
                {
                    if (i == 0) Quick.Collect();
                    long before = GC.GetTotalAllocatedBytes(precise: true);
                    int gcBefore = GC.CollectionCount(0);
                    var pauseBefore = GC.GetTotalPauseDuration();
                    double cpu = CpuClock.Now();
                    long start = Stopwatch.GetTimestamp();
                    carry = phases[i].Step(carry);
                    double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    cpu = CpuClock.Now() - cpu;
                    if (run == 0) continue; // warm-up
                    times[i].Add(ms);
                    cpus[i].Add(cpu);
                    allocs[i] = GC.GetTotalAllocatedBytes(precise: true) - before;
                    gcs[i] = GC.CollectionCount(0) - gcBefore;
                    pauses[i] = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
                }
            }
            double sum = times.Sum(Quick.Median);
            double cpuSum = cpus.Sum(Quick.Median);
            Console.WriteLine($"{operation} phases (sum of medians {sum:0.0} ms wall, {cpuSum:0.0} ms CPU):");
            Console.WriteLine($"  {"phase",-46} {"ms",8} {"CPU ms",8} {"CPU share",9} {"alloc MB",9} {"GCs",4} {"GC pause ms",11}");
            for (int i = 0; i < phases.Count; i++)
            {
                double median = Quick.Median(times[i]);
                double cpu = Quick.Median(cpus[i]);
                Console.WriteLine($"  {phases[i].Name,-46} {median,8:0.0} {cpu,8:0.0} {cpu / cpuSum,9:P0} {allocs[i] / 1e6,9:0.0} {gcs[i],4} {pauses[i],11:0.0}");
            }
            Console.WriteLine();
        }

        private static Func<List<Phase>> SavePhases(Prepared prepared) => () =>
        {
            var writerType = Internal("VarSave.Runtime.StateWriter");
            var construct = writerType.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) ?? throw new MissingMethodException("StateWriter()");
            var writeRoots = Method(writerType, "WriteRoots");
            var writeObjects = Method(writerType, "WriteObjects");
            var assemble = Method(writerType, "Assemble");
            var statics = Internal("VarSave.Registry.TypeRegistry").GetProperty("TypesWithStatics", Any)!.GetValue(null);
            var locals = Array.CreateInstance(Internal("VarSave.Graph.CapturedLocal"), 0);
            var crc = Method(Internal("VarSave.Format.Crc32C"), "Compute");
            object? writer = null, roots = null, records = null;
            return new List<Phase>
            {
                new("StateWriter.WriteRoots (statics, queue the world)", _ =>
                {
                    GameState.World = prepared.World;
                    writer = construct.Invoke(null);
                    return roots = writeRoots.Invoke(writer, new[] { statics, locals });
                }),
                new("StateWriter.WriteObjects (walk + encode)", _ => records = writeObjects.Invoke(writer, null)),
                new("StateWriter.Assemble (copy + checksum + ToArray)", _ => assemble.Invoke(writer, new[] { records, roots })),
                new("  of which Crc32C.Compute over the snapshot", data =>
                {
                    var array = (byte[])data!;
                    crc.Invoke(null, new object[] { array, 0, array.Length - 4 });
                    return data;
                }),
            };
        };

        private static Func<List<Phase>> LoadPhases(byte[] bytes) => () =>
        {
            var readerType = Internal("VarSave.Runtime.StateReader");
            var byteReaderType = Internal("VarSave.Format.ByteReader");
            var reportType = Internal("VarSave.Graph.LoadReportBuilder");
            var checkEnvelope = Method(readerType, "CheckEnvelope");
            var readTypes = Method(Internal("VarSave.Graph.TypeTableReader"), "Read");
            var construct = readerType.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Single(c => c.GetParameters().Length == 3);
            var readRecordIndex = Method(readerType, "ReadRecordIndex");
            var createObjects = Method(readerType, "CreateObjects");
            var readRoots = Method(readerType, "ReadRoots");
            var fillObjects = Method(readerType, "FillObjects");
            var restoreStatics = Method(readerType, "RestoreStatics");
            var hooks = typeof(ProgramState).Assembly.GetType("VarSave.Graph.AfterLoadHooks")?.GetMethod("RunInstanceHooks", Any);
            var restored = readerType.GetProperty("RestoredObjects", Any);
            int magic = ((byte[])Internal("VarSave.Format.FormatConstants").GetField("Magic", Any)!.GetValue(null)!).Length;
            byte[]? data = null;
            object? report = null, input = null, reader = null, decoded = null;
            var phases = new List<Phase>
            {
                new("Snapshot.FromBytes (copy)", _ => data = Snapshot.FromBytes(bytes).ToArray()),
                new("StateReader.CheckEnvelope (CRC-32)", _ => checkEnvelope.Invoke(null, new object[] { data! })),
                new("TypeTableReader.Read", bodyEnd =>
                {
                    report = Activator.CreateInstance(reportType, nonPublic: true);
                    input = Activator.CreateInstance(byteReaderType, Any, null, new object[] { data!, magic + 2, (int)bodyEnd! }, null);
                    var types = readTypes.Invoke(null, new[] { input, report });
                    return reader = construct.Invoke(new[] { input, types, report });
                }),
                new("StateReader.ReadRecordIndex", _ => readRecordIndex.Invoke(reader, null)),
                new("StateReader.CreateObjects (3 passes, factories)", _ => createObjects.Invoke(reader, null)),
                new("StateReader.ReadRoots", _ => decoded = readRoots.Invoke(reader, null)),
                new("StateReader.FillObjects (decode + restore)", _ => fillObjects.Invoke(reader, null)),
            };
            if (hooks != null && restored != null)
                phases.Add(new("AfterLoadHooks.RunInstanceHooks (none defined)", _ => hooks.Invoke(null, new[] { restored.GetValue(reader) })));
            phases.Add(new("RestoreStatics (assign GameState.World)", _ =>
                {
                    var roots = (IEnumerable)decoded!.GetType().GetProperty("Statics", Any)!.GetValue(decoded)!;
                    foreach (var root in roots) restoreStatics.Invoke(reader, new[] { root });
                    World.Check(GameState.World, GameState.World!.Players.Count);
                    return null;
                }));
            return phases;
        };

        private static Type Internal(string name) =>
            typeof(ProgramState).Assembly.GetType(name) ?? throw new MissingMemberException("type " + name);

        private static MethodInfo Method(Type type, string name) =>
            type.GetMethod(name, Any) ?? throw new MissingMethodException(type.Name, name);
    }
}
