using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Game
{
    /// <summary>An action the scheduler runs at a given tick: a label to show and a lambda to run.</summary>
    internal sealed class Job
    {
        public Job(string label, Action run)
        {
            Label = label;
            Run = run;
        }

        public string Label;
        public Action Run;
    }

    /// <summary>
    /// The whole game lives in these statics: VarSave saves them, everything they reach (the
    /// characters, their events' subscribers, the scheduled lambdas and their closures, the
    /// paused iterator) and the random generator's state.
    /// </summary>
    internal static class World
    {
        public const int ResearchGoal = 1000;
        public const int ResearchStepsPerTick = 4;

        public static ulong Seed;
        public static int Tick;
        public static Rng Rng = new Rng(1);
        public static List<Character> Characters = new List<Character>();
        public static List<string> Log = new List<string>();
        public static SortedDictionary<int, List<Job>> Schedule = new SortedDictionary<int, List<Job>>();
        public static Dictionary<string, int> Kills = new Dictionary<string, int>();
        public static IEnumerator<long>? Research;
        public static int ResearchSteps;
        public static long LastPrime;
        public static int NextMonsterId;
        public static int JobsFired;

        /// <summary>A new world: three heroes, the first wave, a travelling merchant and the sage's research.</summary>
        public static void Create(ulong seed)
        {
            Seed = seed;
            Tick = 0;
            Rng = new Rng(seed);
            Characters = new List<Character>();
            Log = new List<string>();
            Schedule = new SortedDictionary<int, List<Job>>();
            Kills = new Dictionary<string, int>();
            ResearchSteps = 0;
            LastPrime = 0;
            NextMonsterId = 0;
            JobsFired = 0;

            var ayla = new Hero("Ayla", 30, 4);
            var borin = new Hero("Borin", 40, 3);
            var cyra = new Sage("Cyra", 24, 2);
            var party = new Hero[] { ayla, borin, cyra };
            foreach (var hero in party)
            {
                foreach (var other in party)
                    if (other != hero) hero.Allies.Add(other);
                Enlist(hero);
            }
            ayla.Inventory.Add(new Item("short sword", 2));
            borin.Inventory.Add(new Item("axe", 3));
            Research = cyra.Research(ResearchGoal);

            // The waves: a lambda that schedules itself again; its counter is a captured local.
            int wave = 0;
            Action? nextWave = null;
            nextWave = () =>
            {
                wave++;
                int count = CountMonsters() >= 4 ? 0 : 1 + wave / 4;
                for (int i = 0; i < count; i++) Enlist(Spawn(wave));
                Write($"[fight] wave {wave}: {count} monster{(count == 1 ? "" : "s")} arrive{(count == 1 ? "s" : "")}");
                At(Tick + 8, $"wave {wave + 1}", nextWave!);
            };
            At(1, "wave 1", nextWave);

            // The merchant: another recurring lambda, with its own captured stock and visit count.
            int visits = 0;
            var stock = new List<Item> { new Item("iron sword", 4), new Item("war hammer", 5), new Item("runed blade", 7) };
            Action? merchant = null;
            merchant = () =>
            {
                visits++;
                foreach (var hero in party)
                {
                    if (!hero.Alive) continue;
                    if (stock.Count > 0 && hero.Stash["gold"] >= stock[0].Power * 4)
                    {
                        hero.Stash["gold"] -= stock[0].Power * 4;
                        hero.Inventory.Add(stock[0]);
                        Write($"[trade] {hero.Name} buys the {stock[0].Name} for {stock[0].Power * 4} gold");
                        stock.RemoveAt(0);
                    }
                    else if (hero.Stash["gold"] >= 5)
                    {
                        hero.Stash["gold"] -= 5;
                        hero.Stash["potion"]++;
                        Write($"[trade] {hero.Name} buys a potion");
                    }
                }
                At(Tick + 15, $"merchant visit {visits + 1}", merchant!);
            };
            At(15, "merchant visit 1", merchant);

            Write("[world] Ayla, Borin and Cyra hold the gate; Cyra starts her search for the first 1000 primes");
        }

        /// <summary>Adds a character and subscribes the world's event handlers (lambdas) to its events.</summary>
        public static void Enlist(Character character)
        {
            Characters.Add(character);
            character.Died += (victim, killer) =>
            {
                Write($"[event] {victim.Name} was slain by {killer.Name}");
                Kills[killer.Name] = (Kills.TryGetValue(killer.Name, out var kills) ? kills : 0) + 1;
            };
            if (character is Monster monster)
            {
                monster.Died += (victim, killer) =>
                {
                    if (killer is not Hero hero) return;
                    hero.GainXp(monster.Bounty);
                    hero.Stash["gold"] += monster.Bounty / 2;
                    if (Rng.OneIn(3)) hero.Stash["potion"]++;
                    foreach (var item in monster.Inventory)
                    {
                        hero.Inventory.Add(item);
                        Write($"[event] {hero.Name} takes the {item.Name} from {monster.Name}");
                    }
                    monster.Inventory.Clear();
                    if (hero.Inventory.Count > 3)
                    {
                        var worst = hero.Inventory.OrderBy(i => i.Power).First();
                        hero.Inventory.Remove(worst);
                        hero.Stash["gold"] += worst.Power;
                    }
                    if (hero.Titles.Add(monster.Kind.ToLowerInvariant() + "-slayer"))
                        Write($"[event] {hero.Name} earns the title {monster.Kind.ToLowerInvariant()}-slayer");
                };
            }
            if (character is Hero fallen)
            {
                fallen.Died += (victim, killer) => At(Tick + 6, $"{fallen.Name} revives", fallen.Revive);
                fallen.LeveledUp += (hero, level) =>
                {
                    Write($"[event] {hero.Name} reached level {level}");
                    int feast = level * 2;
                    At(Tick + 2, $"feast for {hero.Name}'s level {level} (+{feast} hp to the allies)", () =>
                    {
                        foreach (var ally in hero.Allies)
                            if (ally.Alive) ally.Hp = Math.Min(ally.MaxHp, ally.Hp + feast);
                    });
                };
            }
        }

        /// <summary>Schedules <paramref name="run"/> for <paramref name="tick"/> (at the earliest the next tick).</summary>
        public static void At(int tick, string label, Action run)
        {
            tick = Math.Max(tick, Tick + 1);
            if (!Schedule.TryGetValue(tick, out var jobs)) Schedule.Add(tick, jobs = new List<Job>());
            jobs.Add(new Job(label, run));
        }

        public static void Write(string line) => Log.Add($"t{Tick:D3} {line}");

        /// <summary>One tick: due jobs, then every living character in order, then a few research steps.</summary>
        public static void Step()
        {
            Tick++;
            if (Schedule.TryGetValue(Tick, out var jobs))
            {
                Schedule.Remove(Tick);
                foreach (var job in jobs)
                {
                    JobsFired++;
                    Write($"[sched] {job.Label}");
                    job.Run();
                }
            }
            foreach (var character in Characters.ToArray())
                if (character.Alive) character.Act();
            Characters.RemoveAll(c => c is Monster && !c.Alive);
            for (int i = 0; i < ResearchStepsPerTick && Research != null; i++)
            {
                if (Research.MoveNext())
                {
                    ResearchSteps++;
                    LastPrime = Research.Current;
                }
                else
                {
                    Research.Dispose();
                    Research = null;
                }
            }
        }

        public static Monster? PickMonster() => Pick<Monster>();

        public static Hero? PickHero() => Pick<Hero>();

        private static T? Pick<T>() where T : Character
        {
            var living = new List<T>();
            foreach (var character in Characters)
                if (character is T candidate && candidate.Alive) living.Add(candidate);
            return living.Count == 0 ? null : living[Rng.Next(living.Count)];
        }

        public static int CountMonsters() => Characters.Count(c => c is Monster && c.Alive);

        public static int CountHeroes(out int alive)
        {
            alive = Characters.Count(c => c is Hero && c.Alive);
            return Characters.Count(c => c is Hero);
        }

        public static int PendingJobs => Schedule.Values.Sum(jobs => jobs.Count);

        private static Monster Spawn(int wave)
        {
            int id = ++NextMonsterId;
            int roll = Rng.Next(10);
            var monster =
                roll < 4 ? new Monster($"Goblin#{id}", "Goblin", 10 + wave, 3, 6) :
                roll < 7 ? new Monster($"Wolf#{id}", "Wolf", 8 + wave, 4, 5) :
                roll < 9 ? new Monster($"Spider#{id}", "Spider", 7 + wave, 2, 7) :
                new Monster($"Troll#{id}", "Troll", 24 + 2 * wave, 4, 20);
            if (Rng.OneIn(3))
                monster.Inventory.Add(monster.Kind switch
                {
                    "Goblin" => new Item("goblin dagger", 1 + Rng.Next(3)),
                    "Wolf" => new Item("wolf fang charm", 2),
                    "Spider" => new Item("silk cloak", 1),
                    _ => new Item("troll club", 6),
                });
            return monster;
        }

        /// <summary>
        /// A hash (64-bit FNV-1a) of everything in the world, in a fixed order: the tick, the
        /// random generator's state, every character, the kill counts, every scheduled job, the
        /// research's progress and the whole log. Computing it changes nothing.
        /// </summary>
        public static string Digest()
        {
            var text = new StringBuilder();
            text.Append("seed ").Append(Seed).Append(" tick ").Append(Tick).Append(" rng ").Append(Rng.State)
                .Append(" monsters made ").Append(NextMonsterId).Append(" jobs fired ").Append(JobsFired).Append('\n');
            foreach (var character in Characters)
            {
                character.Describe(text);
                text.Append('\n');
            }
            foreach (var entry in Kills.OrderBy(e => e.Key, StringComparer.Ordinal))
                text.Append("kills ").Append(entry.Key).Append('=').Append(entry.Value).Append('\n');
            foreach (var entry in Schedule)
            {
                text.Append("at ").Append(entry.Key);
                foreach (var job in entry.Value) text.Append(" | ").Append(job.Label);
                text.Append('\n');
            }
            text.Append("research ").Append(ResearchSteps).Append(' ').Append(LastPrime).Append(Research == null ? " done" : " running").Append('\n');
            foreach (var line in Log) text.Append(line).Append('\n');

            ulong hash = 14695981039346656037UL;
            foreach (var b in Encoding.UTF8.GetBytes(text.ToString()))
            {
                hash ^= b;
                hash *= 1099511628211UL;
            }
            return hash.ToString("x16");
        }
    }
}
