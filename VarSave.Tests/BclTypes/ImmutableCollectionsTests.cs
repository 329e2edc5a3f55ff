using System.IO;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// The Immutable* collections, ImmutableArray and the frozen collections need their items when they are made;
    /// they round-trip across two processes with identity, sharing and comparers kept, in the shapes programs hold
    /// them: immutables of immutables, record keys with value equality, values pointing back at their holder, a
    /// tree whose children list is immutable, lists of lambdas, a delegate bound to a frozen set. A key that refers
    /// back to the immutable set holding it cannot be loaded, and the load says what to change.
    /// </summary>
    public class ImmutableCollectionsTests
    {
        private const string Source = @"
using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using static VarSave.ProgramState;

public record Tag(string Name, int Level);
public record Badge(Tag Tag, string Color);
public class Player { public string Name = """"; public Game? Game; }
public class Game { public ImmutableDictionary<string, Player> Players = ImmutableDictionary<string, Player>.Empty; }
public class Node { public string Name = """"; public Node? Parent; public ImmutableList<Node> Children = ImmutableList<Node>.Empty; }
public class Counter { public int Count; }
public class ModComparer : IEqualityComparer<int>
{
    public int Mod;
    public bool Equals(int a, int b) => a % Mod == b % Mod;
    public int GetHashCode(int x) => x % Mod;
}
public class Member
{
    public string Name = """";
    public ImmutableHashSet<Member>? Club;
    public override bool Equals(object? other) => other is Member m && m.Name == Name;
    public override int GetHashCode() => Name.GetHashCode();
}

public static class World
{
    public static ImmutableList<int>? List; public static ImmutableList<int>? SameList; public static ImmutableList<ImmutableList<string>>? Nested;
    public static ImmutableArray<int> Array; public static ImmutableArray<int> SameArray; public static ImmutableArray<int> DefaultArray;
    public static ImmutableArray<string> EmptyArray; public static object? BoxedArray;
    public static ImmutableHashSet<string>? Names; public static ImmutableSortedSet<string>? Sorted; public static ImmutableDictionary<string, int>? Scores;
    public static ImmutableSortedDictionary<string, ImmutableList<int>>? SortedMap;
    public static ImmutableStack<string>? Stack; public static ImmutableQueue<int>? Queue;
    public static FrozenSet<string>? Frozen; public static FrozenDictionary<string, int>? FrozenMap; public static FrozenSet<int>? FrozenInts;
    public static ImmutableHashSet<Tag>? Tags; public static FrozenDictionary<Badge, string>? BadgeNames;
    public static ImmutableDictionary<string, ImmutableHashSet<Tag>>? Index;
    public static Game? Game; public static Node? Root;
    public static Counter? Counter; public static ImmutableList<Action>? Actions;
    public static ImmutableHashSet<int>? ByMod;
    public static ImmutableList<int>? Empty; public static ImmutableHashSet<int>? EmptySet; public static FrozenSet<string>? EmptyFrozen;
    public static Func<string, bool>? IsFrozen;
    public static Member? Member;
}

public static class Program
{
    public static void Main(string[] args)
    {
        if (args[0] == ""save"") Save(args[1]);
        else if (args[0] == ""save-cycle"") SaveCycle(args[1]);
        else if (args[0] == ""load-cycle"") LoadCycle(args[1]);
        else Load(args[1]);
    }

    static void Save(string file)
    {
        World.List = ImmutableList.Create(1, 2, 3); World.SameList = World.List;
        var inner = ImmutableList.Create(""a"", ""b"");
        World.Nested = ImmutableList.Create(inner, ImmutableList.Create(""c""), inner);
        World.Array = ImmutableArray.Create(4, 5, 6); World.SameArray = World.Array; World.EmptyArray = ImmutableArray<string>.Empty;
        World.BoxedArray = ImmutableArray.Create(7, 8);
        World.Names = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, ""Alice"", ""Bob"");
        World.Sorted = ImmutableSortedSet.Create(StringComparer.OrdinalIgnoreCase, ""b"", ""C"", ""A"");
        World.Scores = ImmutableDictionary.Create<string, int>(StringComparer.OrdinalIgnoreCase).Add(""alice"", 2).Add(""bob"", 5);
        World.SortedMap = ImmutableSortedDictionary.Create<string, ImmutableList<int>>().Add(""y"", ImmutableList.Create(3)).Add(""x"", ImmutableList.Create(1, 2));
        World.Stack = ImmutableStack.Create(""a"", ""b"", ""c"");
        World.Queue = ImmutableQueue.Create(1, 2, 3);
        World.Frozen = new[] { ""red"", ""green"" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        World.FrozenMap = new Dictionary<string, int> { [""key""] = 5, [""other""] = 6 }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        World.FrozenInts = Enumerable.Range(0, 40).ToFrozenSet();
        World.Tags = ImmutableHashSet.Create(new Tag(""fast"", 1), new Tag(""slow"", 2));
        World.BadgeNames = new Dictionary<Badge, string> { [new Badge(new Tag(""gold"", 3), ""yellow"")] = ""two"" }.ToFrozenDictionary();
        World.Index = ImmutableDictionary<string, ImmutableHashSet<Tag>>.Empty.Add(""all"", World.Tags);
        var game = World.Game = new Game();
        game.Players = game.Players.Add(""alice"", new Player { Name = ""Alice"", Game = game }).Add(""bob"", new Player { Name = ""Bob"", Game = game });
        var root = World.Root = new Node { Name = ""root"" };
        var a = new Node { Name = ""a"", Parent = root };
        a.Children = ImmutableList.Create(new Node { Name = ""a1"", Parent = a });
        root.Children = ImmutableList.Create(a, new Node { Name = ""b"", Parent = root });
        var counter = World.Counter = new Counter();
        World.Actions = ImmutableList.Create<Action>(() => counter.Count++, () => counter.Count += 10);
        World.ByMod = ImmutableHashSet.Create(new ModComparer { Mod = 10 }, 3, 14);
        World.Empty = ImmutableList<int>.Empty; World.EmptySet = ImmutableHashSet<int>.Empty; World.EmptyFrozen = FrozenSet<string>.Empty;
        World.IsFrozen = World.Frozen.Contains;
        // Locals (roots) holding built objects, declared as the interfaces programs use.
        IReadOnlyList<string> names = ImmutableList.Create(""x"", ""y"");
        IReadOnlyDictionary<string, int> lookup = World.FrozenMap;
        // And declared with their own types, as var gives them.
        var numbers = ImmutableList.Create(1, 2, 3);
        ImmutableArray<string> letters = ImmutableArray.Create(""p"", ""q"");
        if (names.Count == 0 || lookup.Count == 0 || numbers.IsEmpty || letters.IsDefault) return;
        SaveToFile(file);
        Console.WriteLine(names.Count > 0 && lookup.Count > 0 ? ""saved"" : ""?"");
    }

    static void Load(string file)
    {
        IReadOnlyList<string> names = new List<string>();
        IReadOnlyDictionary<string, int> lookup = new Dictionary<string, int>();
        var numbers = ImmutableList<int>.Empty;
        ImmutableArray<string> letters = default;
        LoadFromFile(file);
        Console.WriteLine($""locals {string.Join("","", names)} {names is ImmutableList<string>} {ReferenceEquals(lookup, World.FrozenMap)} {lookup[""KEY""]} {string.Join("","", numbers)} {string.Join("","", letters)}"");
        Console.WriteLine($""list {string.Join("","", World.List!)} {ReferenceEquals(World.List, World.SameList)} {string.Join(""|"", World.Nested!.Select(l => string.Join("","", l)))} {ReferenceEquals(World.Nested[0], World.Nested[2])}"");
        Console.WriteLine($""array {string.Join("","", World.Array)} {World.Array == World.SameArray} {World.DefaultArray.IsDefault} {World.EmptyArray == ImmutableArray<string>.Empty} {string.Join("","", (ImmutableArray<int>)World.BoxedArray!)}"");
        Console.WriteLine($""sets {World.Names!.Contains(""ALICE"")} {string.Join("","", World.Sorted!)} {World.Sorted.Contains(""c"")} {World.Scores![""BOB""]} {string.Join("";"", World.SortedMap!.Select(e => e.Key + "":"" + string.Join("","", e.Value)))}"");
        Console.WriteLine($""stack {string.Join("","", World.Stack!)} queue {string.Join("","", World.Queue!)} {World.Queue!.Peek()} {World.Stack.Peek()}"");
        Console.WriteLine($""frozen {World.Frozen!.Contains(""RED"")} {World.FrozenMap![""KEY""]} {World.FrozenInts!.Contains(39)} {World.FrozenInts.Count} {World.Frozen.GetType().Namespace}"");
        Console.WriteLine($""records {World.Tags!.Contains(new Tag(""slow"", 2))} {World.BadgeNames![new Badge(new Tag(""gold"", 3), ""yellow"")]} {ReferenceEquals(World.Index![""all""], World.Tags)}"");
        Console.WriteLine($""game {string.Join("","", World.Game!.Players.OrderBy(p => p.Key).Select(p => p.Value.Name + "":"" + ReferenceEquals(p.Value.Game, World.Game)))}"");
        var r = World.Root!;
        Console.WriteLine($""tree {r.Children[0].Name}/{r.Children[0].Children[0].Name} {r.Children[1].Name} {ReferenceEquals(r.Children[0].Children[0].Parent, r.Children[0])} {ReferenceEquals(r.Children[1].Parent, r)}"");
        foreach (var action in World.Actions!) action();
        Console.WriteLine($""actions {World.Counter!.Count}"");
        Console.WriteLine($""comparer {World.ByMod!.Contains(23)} {World.ByMod.Contains(5)} {((ModComparer)World.ByMod.KeyComparer).Mod}"");
        Console.WriteLine($""empties {ReferenceEquals(World.Empty, ImmutableList<int>.Empty)} {ReferenceEquals(World.EmptySet, ImmutableHashSet<int>.Empty)} {ReferenceEquals(World.EmptyFrozen, FrozenSet<string>.Empty)}"");
        Console.WriteLine($""delegate {World.IsFrozen!(""Green"")} {World.IsFrozen(""blue"")}"");
    }

    static void SaveCycle(string file)
    {
        var member = World.Member = new Member { Name = ""ann"" };
        member.Club = ImmutableHashSet.Create(member);
        SaveToFile(file);
        Console.WriteLine(""saved"");
    }

    static void LoadCycle(string file)
    {
        try { LoadFromFile(file); Console.WriteLine(""loaded""); }
        catch (VarSave.VarSaveException e) { Console.WriteLine(e.GetType().Name + "": "" + e.Message); }
    }
}";

        private const string Expected =
            "locals x,y True True 5 1,2,3 p,q\n" +
            "list 1,2,3 True a,b|c|a,b True\n" +
            "array 4,5,6 True True True 7,8\n" +
            "sets True A,b,C True 5 x:1,2;y:3\n" +
            "stack c,b,a queue 1,2,3 1 c\n" +
            "frozen True 5 True 40 System.Collections.Frozen\n" +
            "records True two True\n" +
            "game Alice:True,Bob:True\n" +
            "tree a/a1 b True True\n" +
            "actions 11\n" +
            "comparer True False 10\n" +
            "empties True True True\n" +
            "delegate True False\n";

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Immutable_and_frozen_collections_round_trip_across_processes_with_sharing_comparers_and_back_references(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source, release);
            // The build knows these types: no warning for their fields, and their locals are saved.
            Assert.Empty(program.Warnings);
            string file = Path.Combine(directory, "immutable.varsave");
            Assert.Equal("saved\n", program.Run(directory, "save", file));
            Assert.Equal(Expected, program.Run(directory, "load", file));
            Directory.Delete(directory, true);
        }

        [Fact]
        public void A_key_that_refers_back_to_the_immutable_set_holding_it_is_refused_on_load_with_what_to_change()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source);
            string file = Path.Combine(directory, "cycle.varsave");
            Assert.Equal("saved\n", program.Run(directory, "save-cycle", file));
            string refused = program.Run(directory, "load-cycle", file);
            Assert.StartsWith("VarSaveException: Cannot load ", refused);
            Assert.Contains("(ImmutableHashSet<Member>)", refused);
            Assert.Contains("(Member)", refused);
            Assert.Contains("static World.Member", refused);
            Assert.Contains("[Transient]", refused);
            Directory.Delete(directory, true);
        }
    }
}
