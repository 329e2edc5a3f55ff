using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Game
{
    /// <summary>Something a character carries; the best item's power adds to its attack.</summary>
    internal sealed class Item
    {
        public Item(string name, int power)
        {
            Name = name;
            Power = power;
        }

        public string Name;
        public int Power;

        public override string ToString() => $"{Name} +{Power}";
    }

    /// <summary>The base of everyone in the world. <see cref="Died"/> is a C# event; the world subscribes lambdas to it.</summary>
    internal abstract class Character
    {
        protected Character(string name, int hp, int attack)
        {
            Name = name;
            Hp = MaxHp = hp;
            BaseAttack = attack;
        }

        public string Name;
        public int Hp;
        public int MaxHp;
        public int BaseAttack;
        public Character? Target;
        public List<Item> Inventory = new List<Item>();

        /// <summary>Raised once when the character's hit points reach 0: (victim, killer).</summary>
        public event Action<Character, Character>? Died;

        public bool Alive => Hp > 0;

        public int Attack
        {
            get
            {
                int best = 0;
                foreach (var item in Inventory) best = Math.Max(best, item.Power);
                return BaseAttack + best;
            }
        }

        public abstract string Role { get; }

        public int DiedHandlers => Died?.GetInvocationList().Length ?? 0;

        /// <summary>One turn.</summary>
        public abstract void Act();

        protected void Strike()
        {
            if (Target == null || !Target.Alive) return;
            Target.TakeHit(this, Attack + World.Rng.Next(3));
        }

        public void TakeHit(Character from, int damage)
        {
            if (!Alive) return;
            Hp = Math.Max(0, Hp - damage);
            if (Hp == 0) Died?.Invoke(this, from);
        }

        public virtual string Summary() =>
            $"{Name,-11} {Role,-7} hp {Hp,3}/{MaxHp,-3} atk {Attack,2}  target {Target?.Name ?? "-",-11} carries {(Inventory.Count == 0 ? "nothing" : string.Join(", ", Inventory))}";

        /// <summary>Everything about this character, in a fixed order, for the world digest.</summary>
        public virtual void Describe(StringBuilder text) =>
            text.Append(GetType().Name).Append('|').Append(Name).Append('|').Append(Hp).Append('/').Append(MaxHp)
                .Append('|').Append(BaseAttack).Append('|').Append(Target?.Name ?? "-")
                .Append('|').Append(string.Join(",", Inventory)).Append("|died-handlers ").Append(DiedHandlers);
    }

    /// <summary>A hero: levels, allies (a cycle of references), a stash (a Dictionary) and titles (a HashSet).</summary>
    internal class Hero : Character
    {
        public Hero(string name, int hp, int attack) : base(name, hp, attack) { }

        public int Level = 1;
        public int Xp;
        public List<Hero> Allies = new List<Hero>();
        public Dictionary<string, int> Stash = new Dictionary<string, int> { ["gold"] = 0, ["potion"] = 1 };
        public HashSet<string> Titles = new HashSet<string>();

        /// <summary>Raised for each level gained: (hero, new level).</summary>
        public event Action<Hero, int>? LeveledUp;

        public override string Role => "hero";

        public void GainXp(int xp)
        {
            Xp += xp;
            while (Xp >= Level * 10)
            {
                Xp -= Level * 10;
                Level++;
                MaxHp += 4;
                BaseAttack++;
                LeveledUp?.Invoke(this, Level);
            }
        }

        public override void Act()
        {
            if (Hp * 3 < MaxHp && Stash["potion"] > 0)
            {
                Stash["potion"]--;
                Hp = Math.Min(MaxHp, Hp + 12);
                World.Write($"[fight] {Name} drinks a potion ({Hp}/{MaxHp})");
                return;
            }
            if (Target == null || !Target.Alive) Target = World.PickMonster();
            if (Target == null) Hp = Math.Min(MaxHp, Hp + 1); // nothing to fight: rest
            else Strike();
        }

        public void Revive()
        {
            if (Alive) return;
            Hp = MaxHp / 2;
            Target = null;
            World.Write($"[fight] {Name} gets back up with {Hp} hp");
        }

        /// <summary>Poison as a scheduled lambda that schedules itself again: it captures <c>this</c>, a counter and itself.</summary>
        public void Poison(int ticks, string source)
        {
            int left = ticks;
            Action? drip = null;
            drip = () =>
            {
                if (!Alive) return;
                Hp = Math.Max(1, Hp - 2);
                if (--left > 0) World.At(World.Tick + 1, $"poison drips on {Name} ({left} more)", drip!);
            };
            World.At(World.Tick + 1, $"{source}'s poison drips on {Name}", drip);
        }

        public override string Summary() =>
            base.Summary() + $"; level {Level}, gold {Stash["gold"]}, potions {Stash["potion"]}" + (Titles.Count > 0 ? $", {string.Join(", ", Titles.OrderBy(t => t, StringComparer.Ordinal))}" : "");

        public override void Describe(StringBuilder text)
        {
            base.Describe(text);
            text.Append("|level ").Append(Level).Append(" xp ").Append(Xp)
                .Append("|allies ").Append(string.Join(",", Allies.Select(a => a.Name)))
                .Append("|stash ").Append(string.Join(",", Stash.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value)))
                .Append("|titles ").Append(string.Join(",", Titles.OrderBy(t => t, StringComparer.Ordinal)))
                .Append("|levelup-handlers ").Append(LeveledUp?.GetInvocationList().Length ?? 0);
        }
    }

    /// <summary>
    /// The healer, and the owner of the long computation: <see cref="Research"/> is a C# iterator
    /// (a compiler-made state machine, woven like any class) that the world advances a few steps
    /// a tick. Saving mid-way saves its position and hoisted locals; loading resumes it.
    /// </summary>
    internal sealed class Sage : Hero
    {
        public Sage(string name, int hp, int attack) : base(name, hp, attack) { }

        public int Wisdom;

        public override string Role => "sage";

        public override void Act()
        {
            Hero? weakest = null;
            foreach (var ally in Allies)
                if (ally.Alive && ally.Hp * 2 < ally.MaxHp && (weakest == null || ally.Hp * weakest.MaxHp < weakest.Hp * ally.MaxHp))
                    weakest = ally;
            if (weakest == null)
            {
                base.Act();
                return;
            }
            int amount = 3 + Wisdom;
            weakest.Hp = Math.Min(weakest.MaxHp, weakest.Hp + amount);
            World.Write($"[fight] {Name} heals {weakest.Name} for {amount}");
        }

        /// <summary>Finds the first <paramref name="goal"/> primes by trial division, pausing after each one.</summary>
        /// <remarks>Indexed loops only: a <c>foreach</c> over a List across a <c>yield</c> would hoist a
        /// <c>List&lt;T&gt;.Enumerator</c> into the state machine, and VarSave leaves that field out.</remarks>
        public IEnumerator<long> Research(int goal)
        {
            var found = new List<long>();
            for (long candidate = 2; found.Count < goal; candidate++)
            {
                bool prime = true;
                for (int i = 0; i < found.Count && found[i] * found[i] <= candidate; i++)
                {
                    if (candidate % found[i] == 0)
                    {
                        prime = false;
                        break;
                    }
                }
                if (!prime) continue;
                found.Add(candidate);
                if (found.Count % 50 == 0)
                {
                    Wisdom++;
                    World.Write($"[oracle] {Name} found the {found.Count}th prime, {candidate}; her wisdom rises to {Wisdom}");
                }
                yield return candidate;
            }
            World.Write($"[oracle] {Name} has all {goal} primes; the largest is {found[^1]}");
        }

        public override string Summary() => base.Summary() + $", wisdom {Wisdom}";

        public override void Describe(StringBuilder text)
        {
            base.Describe(text);
            text.Append("|wisdom ").Append(Wisdom);
        }
    }

    /// <summary>Goblins, wolves, spiders (they poison) and trolls (they get enraged).</summary>
    internal sealed class Monster : Character
    {
        public Monster(string name, string kind, int hp, int attack, int bounty) : base(name, hp, attack)
        {
            Kind = kind;
            Bounty = bounty;
        }

        public string Kind;
        public int Bounty;
        public bool Enraged;

        public override string Role => Kind.ToLowerInvariant();

        public override void Act()
        {
            if (Target == null || !Target.Alive || World.Rng.OneIn(4)) Target = World.PickHero();
            if (Target == null) return;
            if (Kind == "Troll" && !Enraged && Hp * 2 < MaxHp) Enrage();
            Strike();
            if (Kind == "Spider" && Target is Hero hero && hero.Alive && World.Rng.OneIn(3)) hero.Poison(3, Name);
        }

        /// <summary>A scheduled lambda capturing <c>this</c> and a local undoes the rage three ticks later.</summary>
        private void Enrage()
        {
            int boost = 2 + World.Rng.Next(3);
            BaseAttack += boost;
            Enraged = true;
            World.Write($"[fight] {Name} is enraged (+{boost} attack)");
            World.At(World.Tick + 3, $"{Name} calms down", () =>
            {
                BaseAttack -= boost;
                Enraged = false;
            });
        }

        public override void Describe(StringBuilder text)
        {
            base.Describe(text);
            text.Append("|bounty ").Append(Bounty).Append(Enraged ? "|enraged" : "");
        }
    }
}
