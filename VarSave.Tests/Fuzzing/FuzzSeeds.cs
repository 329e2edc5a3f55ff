using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;

namespace VarSave.Tests.Fuzzing
{
    /// <summary>Valid snapshots of the woven AssemblyToProcess, one per shape of graph, for the mutator to damage.</summary>
    internal static class FuzzSeeds
    {
        public static List<(string Name, byte[] Bytes)> Build()
        {
            var seeds = new List<(string, byte[])>
            {
                ("strings", Woven.Save(new List<string> { "a", "b", "héllo ✓", "", new string('z', 40) }).ToArray()),
                ("characters", Woven.Save(Characters()).ToArray()),
                ("dictionaries", Woven.Save(Dictionaries()).ToArray()),
                ("arrays", Woven.Save(Arrays()).ToArray()),
                ("delegates", DelegatesSnapshot()),
                ("structs", Woven.Save(Structs()).ToArray()),
                ("chain", Woven.Save(Chain(1000)).ToArray()),
                ("collections", Woven.Save(Collections()).ToArray()),
                ("locals", WithLocals()),
                ("statics-only", Woven.Save(null).ToArray()),
                ("bcl-values", Woven.Save(BclValues()).ToArray()),
                ("bcl-derived", Woven.Save(BclDerived()).ToArray()),
                ("surrogates", Woven.Save(Surrogated()).ToArray()),
                ("immutables", Woven.Save(Immutables()).ToArray()),
            };
            return seeds;
        }

        /// <summary>Every key the woven module registered, as the weaver builds them (namespace and name, '+' for nesting).</summary>
        public static IEnumerable<string> RegisteredKeys() =>
            Woven.Assembly.GetTypes().Select(Key);

        private static string Key(Type type) =>
            type.DeclaringType != null ? Key(type.DeclaringType) + "+" + type.Name
            : string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;

        private static object Characters()
        {
            dynamic player = Woven.New("Game.Character", "Player");
            dynamic boss = Woven.New("Game.Boss", "Dragon", 3);
            dynamic minion = Woven.New("Game.Character", "Minion");
            player.Target = boss;
            boss.Target = player;
            minion.Target = minion;
            player.Inventory.Add("sword");
            player.Inventory.Add("potion");
            boss.Inventory.Add("gold");
            return new List<object> { player, boss, minion, player.Inventory, Woven.New("Holder") };
        }

        private static object Dictionaries()
        {
            dynamic holder = Woven.New("Holder");
            holder.Scores["alice"] = 10;
            holder.Scores["bob"] = -3;
            holder.Anything = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["Key"] = 1, ["other"] = "x", ["none"] = null };
            return new object[]
            {
                holder,
                new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 1, ["b"] = 2 },
                new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "x", "Y", "z" },
                new HashSet<int> { 5, 7, 11 },
                new SortedDictionary<int, string> { [3] = "c", [1] = "a", [2] = "b" },
                new SortedDictionary<string, int>(StringComparer.Ordinal) { ["q"] = 1, ["p"] = 2 },
                new SortedDictionary<object, int> { ["m"] = 1, ["n"] = 2 },
                new Dictionary<int, List<string>> { [1] = new List<string> { "nested" }, [2] = new List<string>() },
                new Dictionary<object, object> { [1] = "one", ["two"] = 2, [3L] = new object() },
                new Dictionary<object, int> { [Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8)] = 1, [(1, "a")] = 2, [new KeyValuePair<int, int>(1, 2)] = 3 },
            };
        }

        private static object Arrays() => new object[]
        {
            new[] { 1, 2, 3 },
            new[] { new[] { "a" }, new[] { "b", "c" }, Array.Empty<string>() },
            new int[,] { { 1, 2, 3 }, { 4, 5, 6 } },
            new string?[2, 2, 2] { { { "a", null }, { "c", "d" } }, { { "e", "f" }, { "g", "h" } } },
            new byte[0],
            new object?[] { 1, "two", null, 3.0, new[] { 4L } },
            new double[3, 0],
        };

        private static byte[] DelegatesSnapshot()
        {
            Woven.Call("Delegates", "Build");
            try { return ProgramState.SaveEverything().ToArray(); }
            finally { Woven.Call("Delegates", "Clear"); }
        }

        private static object Structs()
        {
            var point = Activator.CreateInstance(Woven.Type("Game.Point"), 3, -4)!;
            dynamic box = Activator.CreateInstance(Woven.Type("Game.Box`1").MakeGenericType(Woven.Type("Game.Point")))!;
            box.Value = (dynamic)point;
            box.History.Add((dynamic)point);
            var mood = Enum.ToObject(Woven.Type("Game.Mood"), 5);
            return new object?[]
            {
                point, box, mood, (1, "two", 3.0), (1, 2, 3, 4, 5, 6, 7, 8, 9), new KeyValuePair<string, int>("k", 1),
                new DateTime(2026, 11, 21, 9, 53, 0, DateTimeKind.Utc), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Local),
                new DateTimeOffset(2026, 11, 21, 9, 53, 0, TimeSpan.FromHours(-5.5)), TimeSpan.FromTicks(-123456789),
                Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), 0.0001m, 'ß', (byte)200, (sbyte)-100, (short)-30000,
                (ushort)60000, uint.MaxValue, ulong.MaxValue, long.MinValue, 1.5f, double.NaN,
                new List<int?> { 1, null, 3 }, new List<(int, string)> { (1, "a") },
                Tuple.Create(1, "one", point), Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8), (1, 2, 3, 4, 5, 6, 7, 8),
            };
        }

        private static object? Chain(int length)
        {
            var type = Woven.Type("Game.Node");
            var valueField = type.GetField("Value")!;
            var nextField = type.GetField("Next")!;
            object? head = null;
            for (int i = length; i >= 1; i--)
            {
                var node = Activator.CreateInstance(type)!;
                valueField.SetValue(node, i);
                nextField.SetValue(node, head);
                head = node;
            }
            return head;
        }

        private static object Collections() => new object[]
        {
            new Queue<string>(new[] { "first", "second" }), new Stack<int>(new[] { 1, 2, 3 }), new LinkedList<int>(new[] { 9, 8, 7 }),
            new StringBuilder("built"), Tuple.Create(1, "one"), new object(), new List<object> { new List<object>(), "x" },
        };

        /// <summary>The BCL values, objects and collections of issue 12, with comparers and sharing.</summary>
        private static object BclValues()
        {
            var backing = new List<int> { 1, 2 };
            var queue = new PriorityQueue<string, int>();
            queue.Enqueue("a", 2);
            queue.Enqueue("b", 1);
            var made = new Lazy<string>(() => "made");
            _ = made.Value;
            return new object?[]
            {
                new Random(7), new Random(), Random.Shared, System.Numerics.BigInteger.Pow(-7, 40), new System.Numerics.Complex(1, -1),
                System.Diagnostics.Stopwatch.StartNew(), new System.Diagnostics.Stopwatch(),
                (Half)1.5f, Int128.MinValue, UInt128.MaxValue, new DateOnly(2024, 2, 29), new TimeOnly(12, 30),
                new Uri("https://example.com/x?y=1"), new Uri("relative/path", UriKind.Relative), new Version(1, 2, 3, 4),
                new System.Text.RegularExpressions.Regex("a+b", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
                System.Globalization.CultureInfo.InvariantCulture, new System.Globalization.CultureInfo("fr-FR"),
                StringComparer.InvariantCultureIgnoreCase, EqualityComparer<string>.Default, Comparer<int>.Default,
                new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "b", "a" }, new SortedList<int, string> { [2] = "b", [1] = "a" },
                queue, new System.Collections.BitArray(new[] { true, false, true }),
                new System.Collections.ObjectModel.ObservableCollection<int> { 1 }, new System.Collections.ObjectModel.Collection<string> { "c" },
                backing, backing.AsReadOnly(), new System.Collections.ObjectModel.ReadOnlyDictionary<string, int>(new Dictionary<string, int> { ["k"] = 1 }),
                new System.Collections.ArrayList { 1, "two", null }, new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase) { ["k"] = 1 },
                new System.Collections.Concurrent.ConcurrentDictionary<string, int> { ["c"] = 3 },
                new System.Collections.Concurrent.ConcurrentQueue<int>(new[] { 1, 2 }), new System.Collections.Concurrent.ConcurrentStack<int>(new[] { 3, 4 }),
                new System.Collections.Concurrent.ConcurrentBag<int> { 5 }, made,
                new ArgumentOutOfRangeException("count", 3, "too many"), new AggregateException(new InvalidOperationException("inner")),
                Advanced(backing.GetEnumerator()), Advanced(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }.GetEnumerator()),
                Advanced(new HashSet<int> { 3, 4 }.GetEnumerator()), Advanced(new Queue<int>(new[] { 5, 6 }).GetEnumerator()),
                Advanced(new Stack<int>(new[] { 7, 8 }).GetEnumerator()), Advanced(((IEnumerable<int>)new[] { 9, 10 }).GetEnumerator()),
            };
        }

        /// <summary>An enumerator one step in, boxed as an iterator's field would hold it.</summary>
        private static object Advanced(System.Collections.IEnumerator enumerator)
        {
            enumerator.MoveNext();
            return enumerator;
        }

        private static readonly Lazy<bool> SurrogatesRegistered = new Lazy<bool>(() =>
        {
            Surrogates.Register<System.Drawing.Point, (int X, int Y)>(p => (p.X, p.Y), t => new System.Drawing.Point(t.X, t.Y));
            Surrogates.Register<System.Net.IPAddress, string>(a => a.ToString(), s => System.Net.IPAddress.Parse(s));
            return true;
        });

        /// <summary>Registers the surrogates the seeds (and the hostile generator) use, once per process.</summary>
        internal static void RegisterSurrogates() => _ = SurrogatesRegistered.Value;

        /// <summary>Library types saved through surrogates the program registered (a struct and a shared class).</summary>
        private static object Surrogated()
        {
            _ = SurrogatesRegistered.Value;
            var host = System.Net.IPAddress.Parse("10.0.0.1");
            return new object[] { new System.Drawing.Point(3, -4), host, host, new List<System.Drawing.Point> { new System.Drawing.Point(1, 2) } };
        }

        /// <summary>The Immutable* and frozen collections and ImmutableArray (built in dependency order): nested, shared, with comparers, woven and surrogate keys.</summary>
        private static object Immutables()
        {
            _ = SurrogatesRegistered.Value;
            var hero = Woven.New("Game.Character", "Hero");
            var inner = System.Collections.Immutable.ImmutableList.Create("a", "b");
            var host = System.Net.IPAddress.Parse("10.0.0.3");
            return new object?[]
            {
                System.Collections.Immutable.ImmutableList.Create(1, 2, 3), System.Collections.Immutable.ImmutableList.Create(inner, inner),
                System.Collections.Immutable.ImmutableArray.Create(4, 5), default(System.Collections.Immutable.ImmutableArray<int>),
                System.Collections.Immutable.ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "x", "Y"),
                System.Collections.Immutable.ImmutableHashSet.Create<object>(hero, host, 7, "s"),
                System.Collections.Immutable.ImmutableSortedSet.Create(3, 1, 2),
                System.Collections.Immutable.ImmutableDictionary.Create<string, object>().Add("hero", hero).Add("list", inner),
                System.Collections.Immutable.ImmutableSortedDictionary.Create<int, string>().Add(2, "b").Add(1, "a"),
                System.Collections.Immutable.ImmutableStack.Create(1, 2), System.Collections.Immutable.ImmutableQueue.Create("q", "r"),
                System.Collections.Frozen.FrozenSet.ToFrozenSet(new[] { "red", "green" }, StringComparer.OrdinalIgnoreCase),
                System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(new Dictionary<object, int> { [hero] = 1, [host] = 2, [5L] = 3 }),
                System.Collections.Frozen.FrozenSet.ToFrozenSet(Enumerable.Range(0, 20)),
                System.Collections.Immutable.ImmutableList<int>.Empty, System.Collections.Frozen.FrozenSet<int>.Empty, hero, host,
            };
        }

        private static object BclDerived()
        {
            dynamic tally = Woven.New("Tally");
            tally["apples"] = 3;
            tally.Version = 2;
            dynamic deck = Woven.New("Deck");
            deck.Add("ace");
            deck.Owner = "ann";
            dynamic journal = Woven.New("Journal");
            journal.Add("entry");
            var error = Woven.New("GameError", "locked", new KeyNotFoundException("door"));
            error.Data["turn"] = 1;
            return new object[] { tally, deck, journal, error, deck };
        }

        /// <summary>A snapshot with locals, captured as a woven call site would capture them.</summary>
        private static byte[] WithLocals()
        {
            VarSave.Runtime.CallSite.Capture(42, "x");
            VarSave.Runtime.CallSite.Capture("Alice", "name");
            VarSave.Runtime.CallSite.Capture(new List<int> { 1, 2 }, "list");
            VarSave.Runtime.CallSite.Capture((object)Woven.New("Game.Character", "Hero"), "hero");
            return ProgramState.SaveEverything().ToArray();
        }
    }
}
