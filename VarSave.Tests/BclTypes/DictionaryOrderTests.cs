using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using VarSave.Tests.Fuzzing;
using Xunit;
using static VarSave.Tests.Fuzzing.SnapshotBuilder;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// Dictionaries and hash sets keep the free slots removals left (docs/design.md, "Dictionary and
    /// HashSet order"): after a load, further adds reuse them as an uninterrupted run would, so
    /// enumeration order is the same. Layouts from the file are checked; files without one still load.
    /// </summary>
    public class DictionaryOrderTests
    {
        /// <summary>The woven test assembly registers its types when it is first used: before that, no snapshot names anything known.</summary>
        public DictionaryOrderTests() => Assert.Null(Woven.GetStatic("Roots", "Current"));

        private const string Source = @"
using System;
using System.Collections.Generic;
using System.Linq;
using static VarSave.ProgramState;

public class Tally : Dictionary<string, int>
{
    public int Version; public string Owner = """";
    public Tally() : base(StringComparer.OrdinalIgnoreCase) { }
}
// Keys equal when their first three characters are: every stand-in key (""VarSave free slot ..."") equals every other.
public class FirstThree : IEqualityComparer<string>
{
    public bool Equals(string? a, string? b) => Key(a) == Key(b);
    public int GetHashCode(string s) => Key(s)!.GetHashCode();
    static string? Key(string? s) => s == null || s.Length <= 3 ? s : s.Substring(0, 3);
}
public struct Item : IEquatable<Item>
{
    public string Name;
    public bool Equals(Item other) => Name == other.Name;
    public override bool Equals(object? o) => o is Item i && Equals(i);
    public override int GetHashCode() => Name.GetHashCode();
}
public class Tags : HashSet<int> { public string Label = """"; }
public enum Colour { Red, Green, Blue, Cyan, Magenta, Yellow }
// A woven comparer: keys equal when they are equal without their spaces.
public class Spaceless : IEqualityComparer<string>
{
    public int Calls;
    public bool Equals(string? a, string? b) { Calls++; return a?.Replace("" "", """") == b?.Replace("" "", """"); }
    public int GetHashCode(string s) => s.Replace("" "", """").GetHashCode();
}

public static class World
{
    public static Dictionary<string, int>? Names; public static Dictionary<int, string>? Ids; public static HashSet<string>? Seen;
    public static Tally? Tally; public static Tags? Tags; public static Dictionary<Colour, int>? Paint; public static Dictionary<string, int>? Emptied;
    public static Dictionary<string, int>? Spaced; public static Dictionary<string, int>? Prefixed; public static Dictionary<Item, int>? Items;
}

public static class Program
{
    public static void Main(string[] args)
    {
        if (args[0] == ""compact-save"") { SetupCompact(); SaveToFile(args[1]); Console.WriteLine(""saved""); return; }
        if (args[0] == ""compact-load"") { LoadFromFile(args[1]); ContinueCompact(); return; }
        if (args[0] == ""run"") { Setup(); Continue(); }
        else if (args[0] == ""save"") { Setup(); SaveToFile(args[1]); Console.WriteLine(""saved""); }
        else { LoadFromFile(args[1]); Continue(); }
    }

    static void Setup()
    {
        World.Names = new Dictionary<string, int> { { ""a"", 1 }, { ""b"", 2 }, { ""c"", 3 }, { ""d"", 4 }, { ""e"", 5 } };
        World.Names.Remove(""b""); World.Names.Remove(""d""); World.Names.Remove(""a"");
        World.Ids = Enumerable.Range(0, 10).ToDictionary(i => i, i => ""v"" + i);
        World.Ids.Remove(3); World.Ids.Remove(7); World.Ids.Remove(1);
        World.Seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ""Red"", ""Green"", ""Blue"", ""Cyan"" };
        World.Seen.Remove(""GREEN""); World.Seen.Remove(""red"");
        World.Tally = new Tally { Version = 3, Owner = ""ann"" };
        foreach (var k in new[] { ""x"", ""y"", ""z"", ""w"" }) World.Tally[k] = k[0];
        World.Tally.Remove(""Y""); World.Tally.Remove(""w"");
        World.Tags = new Tags { Label = ""t"" }; World.Tags.Add(5); World.Tags.Add(6); World.Tags.Add(7); World.Tags.Remove(6);
        World.Paint = new Dictionary<Colour, int> { { Colour.Red, 1 }, { Colour.Green, 2 }, { Colour.Blue, 3 } };
        World.Paint.Remove(Colour.Red);
        World.Emptied = new Dictionary<string, int> { { ""p"", 1 }, { ""q"", 2 } };
        World.Emptied.Remove(""p""); World.Emptied.Remove(""q"");
        World.Spaced = new Dictionary<string, int>(new Spaceless()) { { ""a b"", 1 }, { ""c d"", 2 }, { ""e f"", 3 } };
        World.Spaced.Remove(""ab"");
    }

    // Maps whose free slots cannot be reproduced: no distinct stand-ins, or a key type without them.
    static void SetupCompact()
    {
        World.Prefixed = new Dictionary<string, int>(new FirstThree()) { { ""abc"", 1 }, { ""bcd"", 2 }, { ""cde"", 3 } };
        World.Prefixed.Remove(""abc""); World.Prefixed.Remove(""bcd"");
        World.Items = new Dictionary<Item, int> { { new Item { Name = ""a"" }, 1 }, { new Item { Name = ""b"" }, 2 }, { new Item { Name = ""c"" }, 3 } };
        World.Items.Remove(new Item { Name = ""a"" });
    }

    static void ContinueCompact()
    {
        var prefixed = World.Prefixed!;
        prefixed[""xyz""] = 4; prefixed[""pqr""] = 5;
        Console.WriteLine(""prefixed "" + string.Join("","", prefixed.Keys) + "" count="" + prefixed.Count + "" cdefg="" + prefixed[""cdefg""]);
        var items = World.Items!;
        items[new Item { Name = ""d"" }] = 4; items.Remove(new Item { Name = ""b"" }); items[new Item { Name = ""e"" }] = 5;
        Console.WriteLine(""items "" + string.Join("","", items.Select(p => p.Key.Name + ""="" + p.Value)) + "" count="" + items.Count);
    }

    static void Print(string when)
    {
        Console.WriteLine(when);
        Console.WriteLine(""names "" + string.Join("","", World.Names!.Select(p => p.Key + ""="" + p.Value)));
        Console.WriteLine(""ids "" + string.Join("","", World.Ids!.Select(p => p.Key + ""="" + p.Value)));
        Console.WriteLine(""seen "" + string.Join("","", World.Seen!));
        Console.WriteLine($""tally {World.Tally!.Owner} v{World.Tally.Version} "" + string.Join("","", World.Tally.Select(p => p.Key + ""="" + p.Value)));
        Console.WriteLine($""tags {World.Tags!.Label} "" + string.Join("","", World.Tags));
        Console.WriteLine(""paint "" + string.Join("","", World.Paint!.Select(p => p.Key + ""="" + p.Value)));
        Console.WriteLine(""emptied "" + string.Join("","", World.Emptied!.Select(p => p.Key + ""="" + p.Value)));
        Console.WriteLine(""spaced "" + string.Join("","", World.Spaced!.Select(p => p.Key + ""="" + p.Value)) + "" ef="" + World.Spaced.ContainsKey(""ef""));
    }

    static void Continue()
    {
        Print(""resumed"");
        var names = World.Names!;
        names[""f""] = 6; names[""g""] = 7; names.Remove(""c""); names[""h""] = 8; names[""i""] = 9; names[""j""] = 10;
        var ids = World.Ids!;
        ids[100] = ""n""; ids.Remove(0); ids[101] = ""m""; ids[102] = ""o""; ids[103] = ""p""; ids[104] = ""q"";
        var seen = World.Seen!;
        seen.Add(""Magenta""); seen.Remove(""BLUE""); seen.Add(""Yellow""); seen.Add(""Black""); seen.Add(""white""); seen.Add(""WHITE"");
        var tally = World.Tally!;
        tally[""v""] = 1; tally[""u""] = 2; tally.Remove(""X""); tally[""t""] = 3; tally[""s""] = 4; tally.Version++;
        World.Tags!.Add(9); World.Tags.Add(10);
        World.Paint![Colour.Cyan] = 4; World.Paint[Colour.Magenta] = 5;
        World.Emptied![""r""] = 1; World.Emptied[""s""] = 2; World.Emptied[""t""] = 3;
        World.Spaced![""g h""] = 4; World.Spaced[""cd""] = 5; World.Spaced.Remove(""e f""); World.Spaced[""i j""] = 6; World.Spaced[""k l""] = 7;
        Print(""after adds"");
        names.TrimExcess(); names.Remove(""g""); names[""k""] = 11;
        Console.WriteLine(""trimmed "" + string.Join("","", names.Keys) + "" count="" + names.Count + "" h="" + names[""h""]);
    }
}";

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_resumed_run_enumerates_dictionaries_and_hash_sets_in_the_order_of_an_uninterrupted_run(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source, release);
            string uninterrupted = program.Run(directory, "run");
            // The scenario reuses free slots: in an uninterrupted run f and g take a's and d's slots.
            Assert.Contains("names f=6,i=9,h=8,g=7,e=5,j=10\n", uninterrupted);
            string file = Path.Combine(directory, "order.varsave");
            Assert.Equal("saved\n", program.Run(directory, "save", file));
            string resumed = program.Run(directory, "load", file);
            var differences = uninterrupted.Split('\n').Zip(resumed.Split('\n'), (run, load) => (run, load))
                .Where(line => line.run != line.load).Select(line => $"uninterrupted: {line.run}\nresumed:       {line.load}");
            Assert.True(uninterrupted == resumed, string.Join("\n", differences) + "\n" + resumed);
            Directory.Delete(directory, true);
        }

        [Fact]
        public void Maps_whose_free_slots_cannot_be_reproduced_load_in_saved_order_complete_and_consistent()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source);
            string file = Path.Combine(directory, "compact.varsave");
            Assert.Equal("saved\n", program.Run(directory, "compact-save", file));
            // An uninterrupted run would print pqr,xyz,cde: a comparer that sees every stand-in as equal is the documented limit.
            // The woven struct key gets stand-ins from its string field, so its map goes on as uninterrupted (d=4,e=5,c=3).
            Assert.Equal("prefixed cde,xyz,pqr count=3 cdefg=3\nitems d=4,e=5,c=3 count=3\n", program.Run(directory, "compact-load", file));
            Directory.Delete(directory, true);
        }

        [Fact]
        public void A_deep_clone_keeps_the_free_slots_of_keys_of_every_kind_that_can_have_stand_ins()
        {
            AssertSameOrder(new Dictionary<string, int> { { "a", 1 }, { "b", 2 }, { "c", 3 } }, d => d.Remove("a"), (d, i) => d["x" + i] = i);
            AssertSameOrder(new Dictionary<string, int>(StringComparer.InvariantCultureIgnoreCase) { { "a", 1 }, { "b", 2 }, { "c", 3 } }, d => d.Remove("B"), (d, i) => d["x" + i] = i);
            AssertSameOrder(Enumerable.Range(0, 256).ToDictionary(i => (byte)i, i => i), d => { d.Remove(7); d.Remove(200); }, (d, i) => d[(byte)(i == 0 ? 7 : 200)] = i);
            AssertSameOrder(Enumerable.Range(0, 20).ToDictionary(i => (long)i, i => i), d => { d.Remove(3); d.Remove(9); d.Remove(4); }, (d, i) => d[1000 + i] = i);
            AssertSameOrder(Enumerable.Range(0, 20).ToDictionary(i => (char)('a' + i), i => i), d => { d.Remove('c'); d.Remove('a'); }, (d, i) => d[(char)('A' + i)] = i);
            AssertSameOrder(Enumerable.Range(0, 5).ToDictionary(i => Guid.NewGuid(), i => i), d => d.Remove(d.Keys.ElementAt(2)), (d, i) => d[new Guid(i, 1, 1, new byte[8])] = i);
            AssertSameOrder(new HashSet<int> { 1, 2, 3, 4 }, s => { s.Remove(2); s.Remove(1); }, (s, i) => s.Add(50 + i));
            AssertSameOrder(new HashSet<string?> { "a", null, "c" }, s => s.Remove("a"), (s, i) => s.Add("y" + i));

            // Tuples get stand-ins from a part that has them (a grid keyed by coordinates).
            AssertSameOrder(new Dictionary<(int X, int Y), int> { { (1, 1), 1 }, { (2, 2), 2 }, { (3, 3), 3 } }, d => d.Remove((1, 1)), (d, i) => d[(9, i)] = i);
            AssertSameOrder(new Dictionary<(bool, string), int> { { (true, "a"), 1 }, { (false, "b"), 2 }, { (true, "c"), 3 } }, d => d.Remove((false, "b")), (d, i) => d[(true, "z" + i)] = i);

            // A layout of a map whose key type has no stand-ins: entries come back in saved order, complete and consistent.
            var flags = new Dictionary<bool, int> { { true, 1 }, { false, 2 } };
            flags.Remove(true);
            var clone = ObjectSnapshot.DeepClone(flags);
            clone[true] = 3;
            Assert.Equal(new[] { false, true }, clone.Keys);
        }

        private static void AssertSameOrder<TKey, TValue>(Dictionary<TKey, TValue> live, Action<Dictionary<TKey, TValue>> remove, Action<Dictionary<TKey, TValue>, int> add)
            where TKey : notnull
        {
            remove(live);
            var clone = ObjectSnapshot.DeepClone(live);
            Assert.Equal(live, clone);
            for (int i = 0; i < 3; i++)
            {
                add(live, i);
                add(clone, i);
                Assert.Equal(live.ToList(), clone.ToList());
            }
            foreach (var key in live.Keys.ToList()) Assert.Equal(live[key], clone[key]);
            live.TrimExcess();
            clone.TrimExcess();
            Assert.Equal(live.ToList(), clone.ToList());
        }

        private static void AssertSameOrder<T>(HashSet<T> live, Action<HashSet<T>> remove, Action<HashSet<T>, int> add)
        {
            remove(live);
            var clone = ObjectSnapshot.DeepClone(live);
            for (int i = 0; i < 3; i++)
            {
                add(live, i);
                add(clone, i);
                Assert.Equal(live.ToList(), clone.ToList());
            }
            Assert.Equal(live.Count, clone.Count);
            Assert.All(live, item => Assert.Contains(item, clone));
        }

        [Fact]
        public void An_in_place_load_puts_the_dictionary_it_refills_in_its_saved_layout()
        {
            static Dictionary<string, int> Build()
            {
                var built = new Dictionary<string, int> { { "a", 1 }, { "b", 2 }, { "c", 3 }, { "d", 4 } };
                built.Remove("b");
                built.Remove("a");
                return built;
            }
            var uninterrupted = Build();
            var live = Build();
            var snapshot = Woven.Save(live);
            live.Clear();
            live["x"] = 1; live["y"] = 2; live.Remove("x");
            Woven.SetStatic("Roots", "Current", live);
            try
            {
                ProgramState.LoadEverything(snapshot, new LoadOptions { InPlace = true });
                Assert.Same(live, Woven.GetStatic("Roots", "Current"));
            }
            finally { Woven.SetStatic("Roots", "Current", null); }
            foreach (var key in new[] { "p", "q", "r" })
            {
                uninterrupted[key] = 0;
                live[key] = 0;
            }
            Assert.Equal(uninterrupted.Keys, live.Keys);
        }

        [Fact]
        public void The_snapshot_inspector_shows_an_entry_layout()
        {
            var map = new Dictionary<string, int> { { "a", 1 }, { "b", 2 }, { "c", 3 } };
            map.Remove("b");
            map.Remove("a");
            var snapshot = VarSave.Inspection.InspectedSnapshot.Open(ObjectSnapshot.Serialize(map));
            var members = Enumerable.Range(0, snapshot.ObjectCount).Select(snapshot.Members).Single(m => m.Any(member => member.Name == "Slots"));
            Assert.Equal(3, members.Single(member => member.Name == "Slots").Value.Scalar);
            Assert.Equal(new object?[] { 0, 1 }, members.Where(member => member.Name == "FreeSlot").Select(member => member.Value.Scalar));
            Assert.Equal("c", Assert.Single(members, member => member.Name == null).Key!.Value.Scalar);
        }

        [Fact]
        public void A_snapshot_written_before_layouts_were_saved_still_loads_in_saved_order()
        {
            var file = new SnapshotBuilder();
            int map = file.Record(file.Generic(typeof(Dictionary<,>), file.Builtin(typeof(string)), file.Builtin(typeof(int))),
                Count(2), new byte[] { 0 }, file.String("c"), Int(3), file.String("e"), Int(5));
            int set = file.Record(file.Generic(typeof(HashSet<>), file.Builtin(typeof(int))), Count(2), new byte[] { 0 }, Int(4), Int(8));
            int list = file.Record(file.Generic(typeof(List<>), file.Builtin(typeof(object))), Count(2), Ref(map), Ref(set));
            file.Root(Ref(list));
            var loaded = (List<object>)Woven.RoundTripSnapshot(Snapshot.FromBytes(file.Build()))!;
            var dictionary = (Dictionary<string, int>)loaded[0];
            dictionary["x"] = 9;
            Assert.Equal(new[] { "c", "e", "x" }, dictionary.Keys);
            Assert.Equal(new[] { 4, 8 }, (HashSet<int>)loaded[1]);
        }

        public static IEnumerable<object[]> BadLayouts() => new[]
        {
            new object[] { "free slot 5 is out of range", new[] { Int(4), Int(5), Int(1) } },
            new object[] { "free slot 1 is listed twice", new[] { Int(4), Int(1), Int(1) } },
            new object[] { "free slot -1 is out of range", new[] { Int(4), Int(-1), Int(1) } },
            new object[] { "2000000000 slots for 2 entries", new[] { Int(2_000_000_000), Int(0), Int(1) } },
            new object[] { "2 slots for 2 entries", new[] { Int(2) } },
            new object[] { "-5 slots for 2 entries", new[] { Int(-5) } },
        };

        [Theory]
        [MemberData(nameof(BadLayouts))]
        public void An_inconsistent_layout_is_refused_quickly_with_what_is_wrong(string expected, byte[][] layout)
        {
            foreach (bool set in new[] { false, true })
            {
                var file = new SnapshotBuilder();
                int intType = file.Builtin(typeof(int));
                int record = set
                    ? file.Record(file.Generic(typeof(HashSet<>), intType), Count(2), new byte[] { 0x80 }, Concat(layout), Int(3), Int(4))
                    : file.Record(file.Generic(typeof(Dictionary<,>), intType, intType), Count(2), new byte[] { 0x80 }, Concat(layout), Int(3), Int(30), Int(4), Int(40));
                file.Root(Ref(record));
                var clock = Stopwatch.StartNew();
                var error = Assert.ThrowsAny<VarSaveException>(() => Woven.RoundTripSnapshot(Snapshot.FromBytes(file.Build())));
                Woven.SetStatic("Roots", "Current", null);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
                Assert.IsType<SnapshotFormatException>(error);
                Assert.Contains(expected, error.Message);
            }
        }

        [Fact]
        public void A_layout_on_a_sorted_dictionary_is_refused()
        {
            var file = new SnapshotBuilder();
            int intType = file.Builtin(typeof(int));
            int record = file.Record(file.Generic(typeof(SortedDictionary<,>), intType, intType), Count(1), new byte[] { 0x80 }, Int(2), Int(0), Int(3), Int(30));
            file.Root(Ref(record));
            var error = Assert.ThrowsAny<VarSaveException>(() => Woven.RoundTripSnapshot(Snapshot.FromBytes(file.Build())));
            Woven.SetStatic("Roots", "Current", null);
            Assert.Contains("unknown comparer code 128", error.Message);
        }
    }
}
