// The VarSave demo: a small battle simulation whose whole state — characters, inventories,
// cross-references, event handlers, scheduled lambdas, a half-finished iterator and the random
// generator — is saved in one process and resumed in another.
//
//   dotnet Game.dll run --ticks N [--save PATH] [--seed S]   a new world, N ticks, optionally saved
//   dotnet Game.dll resume --load PATH --ticks M [--save P]   load in a new process, M more ticks
//   dotnet Game.dll play [--load PATH] [--seed S]             interactive: step [n], status, save [path], load [path], quit
//   --key-file KEY (any command) signs saves with, and loads only snapshots signed with, the bytes of KEY
using System;
using System.Globalization;

namespace Game
{
    internal static class Program
    {
        private const string Usage =
            "usage: Game run --ticks N [--save PATH] [--seed S]\n" +
            "       Game resume --load PATH --ticks M [--save PATH]\n" +
            "       Game play [--load PATH] [--seed S]\n" +
            "       any command: --key-file KEY to sign saves and check loads";

        private const string DefaultPath = "game.varsave";

        private static int Main(string[] args)
        {
            if (args.Length == 0) return Fail("no command");
            int ticks = -1;
            string? save = null, load = null;
            ulong seed = 2024;
            for (int i = 1; i < args.Length; i += 2)
            {
                if (i + 1 >= args.Length) return Fail($"{args[i]} needs a value");
                string value = args[i + 1];
                switch (args[i])
                {
                    case "--ticks" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n): ticks = n; break;
                    case "--seed" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s): seed = s; break;
                    case "--save": save = value; break;
                    case "--load": load = value; break;
                    case "--key-file": VarSave.ProgramState.SigningKey = System.IO.File.ReadAllBytes(value); break;
                    default: return Fail($"bad option {args[i]} {value}");
                }
            }

            switch (args[0])
            {
                case "run" when ticks >= 0 && load == null:
                    World.Create(seed);
                    Console.WriteLine($"a new world (seed {seed}): {World.Log[0][5..]}");
                    return Simulate(ticks, save, 0);
                case "resume" when ticks >= 0 && load != null:
                    bool same = Persist.Load(load);
                    Console.WriteLine($"digest after loading (tick {World.Tick}): {World.Digest()}");
                    Console.WriteLine($"equal to the digest recorded at save time: {(same ? "yes" : "NO")}");
                    int exit = Simulate(ticks, save, World.Tick);
                    return same ? exit : 1;
                case "play":
                    return Play(seed, load);
                default:
                    return Fail($"cannot {string.Join(" ", args)}");
            }
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine(message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        /// <summary>Runs <paramref name="ticks"/> ticks with a line every ten, then the status, the optional save and the digest.</summary>
        private static int Simulate(int ticks, string? save, int startTick)
        {
            int logStart = World.Log.Count, jobsStart = World.JobsFired, researchStart = World.ResearchSteps;
            for (int i = 0; i < ticks; i++)
            {
                World.Step();
                if (World.Tick % 10 == 0) Console.WriteLine(Progress());
            }
            PrintStatus();
            PrintSince(logStart, jobsStart, researchStart, startTick);
            if (save != null) Persist.Save(save);
            Console.WriteLine($"digest at tick {World.Tick}: {World.Digest()}");
            return 0;
        }

        private static string Progress()
        {
            int heroes = World.CountHeroes(out int alive);
            return $"  t{World.Tick:D3}  heroes {alive}/{heroes} standing, {World.CountMonsters()} monster(s), " +
                   $"{World.PendingJobs} jobs scheduled, {World.ResearchSteps} primes found (last {World.LastPrime}), {World.Log.Count} log lines";
        }

        private static void PrintStatus()
        {
            Console.WriteLine($"--- the world at tick {World.Tick} ---");
            foreach (var character in World.Characters) Console.WriteLine("  " + character.Summary());
            Console.WriteLine($"  research: {World.ResearchSteps} of {World.ResearchGoal} primes found, the last {World.LastPrime} " +
                              (World.Research == null ? "(finished)" : "(paused mid-way; the iterator resumes next tick)"));
            Console.Write($"  scheduler: {World.PendingJobs} jobs pending");
            foreach (var entry in World.Schedule)
            {
                Console.Write($"; t{entry.Key:D3} {entry.Value[0].Label}" + (entry.Value.Count > 1 ? $" (+{entry.Value.Count - 1})" : ""));
            }
            Console.WriteLine();
            Console.WriteLine($"  world log: {World.Log.Count} lines, the last 6:");
            for (int i = Math.Max(0, World.Log.Count - 6); i < World.Log.Count; i++) Console.WriteLine("    " + World.Log[i]);
        }

        /// <summary>What this process's ticks did: the latest line of each kind (event handlers, scheduled actions, the iterator).</summary>
        private static void PrintSince(int logStart, int jobsStart, int researchStart, int startTick)
        {
            Console.WriteLine($"  in this process (ticks {startTick + 1}-{World.Tick}):");
            foreach (var (tag, what) in new[] { ("[event]", "event handler"), ("[sched]", "scheduled action"), ("[oracle]", "iterator") })
            {
                int count = 0;
                string last = "(none)";
                for (int i = logStart; i < World.Log.Count; i++)
                {
                    if (!World.Log[i].Contains(tag, StringComparison.Ordinal)) continue;
                    count++;
                    last = World.Log[i];
                }
                Console.WriteLine($"    {what,-16} {count,3} lines, latest: {last}");
            }
            Console.WriteLine($"    {World.JobsFired - jobsStart} scheduled actions fired, the research advanced {World.ResearchSteps - researchStart} steps");
        }

        /// <summary>Interactive: reads commands from standard input.</summary>
        private static int Play(ulong seed, string? load)
        {
            if (load != null) Persist.Load(load);
            else
            {
                World.Create(seed);
                Console.WriteLine($"a new world (seed {seed}): {World.Log[0][5..]}");
            }
            Console.WriteLine("commands: step [n], status, save [path], load [path], quit");
            while (true)
            {
                Console.Write("> ");
                var line = Console.ReadLine();
                if (line == null) return 0;
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) continue;
                string? argument = words.Length > 1 ? words[1] : null;
                switch (words[0])
                {
                    case "step":
                        int n = 1;
                        if (argument != null && !int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out n))
                        {
                            Console.WriteLine("step takes a number of ticks");
                            break;
                        }
                        int from = World.Log.Count;
                        for (int i = 0; i < n; i++) World.Step();
                        for (int i = from; i < World.Log.Count; i++) Console.WriteLine("  " + World.Log[i]);
                        Console.WriteLine(Progress());
                        break;
                    case "status":
                        PrintStatus();
                        Console.WriteLine($"digest at tick {World.Tick}: {World.Digest()}");
                        break;
                    case "save":
                        Persist.Save(argument ?? DefaultPath);
                        break;
                    case "load":
                        try
                        {
                            Persist.Load(argument ?? DefaultPath);
                            Console.WriteLine($"digest after loading (tick {World.Tick}): {World.Digest()}");
                        }
                        catch (Exception error) when (error is System.IO.IOException || error is VarSave.VarSaveException)
                        {
                            Console.WriteLine($"cannot load: {error.Message}");
                        }
                        break;
                    case "quit":
                    case "exit":
                        return 0;
                    default:
                        Console.WriteLine("commands: step [n], status, save [path], load [path], quit");
                        break;
                }
            }
        }
    }
}
