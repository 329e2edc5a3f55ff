using System.IO;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// Woven classes derived from BCL collections and exceptions keep their base contents (items,
    /// comparer; message, inner exception, data, stack-trace text) with their own fields, across
    /// two processes; a class over any other stateful non-woven base is refused with its path.
    /// </summary>
    public class DerivedFromBclTests
    {
        private const string Source = @"
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using static VarSave.ProgramState;

// The ink runtime's shape: a woven Dictionary subclass keyed by a woven struct, with fields of its own.
public struct InkListItem : IEquatable<InkListItem>
{
    public string OriginName; public string ItemName;
    public InkListItem(string origin, string item) { OriginName = origin; ItemName = item; }
    public bool Equals(InkListItem other) => OriginName == other.OriginName && ItemName == other.ItemName;
    public override bool Equals(object? o) => o is InkListItem i && Equals(i);
    public override int GetHashCode() => (OriginName?.GetHashCode() ?? 0) * 31 + (ItemName?.GetHashCode() ?? 0);
}
public class InkList : Dictionary<InkListItem, int>
{
    public List<string>? OriginNames;
    public InkList? Origin;
    public InkList() { }
    public InkList(InkList other) : base(other) { OriginNames = other.OriginNames; }
}
public class Card { public string Name = """"; public Card(string n) { Name = n; } }
public class Deck : List<Card> { public string Owner = """"; public Deck Self => this; }
public class Tally : Dictionary<string, int> { public int Version; public Tally() : base(StringComparer.OrdinalIgnoreCase) { } }
public class Tags : HashSet<string> { public string Label = """"; public Tags() : base(StringComparer.OrdinalIgnoreCase) { } }
public class Descending : IComparer<int> { public int Compare(int a, int b) => b.CompareTo(a); }
public class Agenda : SortedDictionary<int, string> { public int Day; public Agenda() : base(new Descending()) { } }
public class Line : Queue<int> { public int Served; }
public class Pile : Stack<int> { public int Height => Count; }
public class Chain : LinkedList<string> { public string Name = """"; }
public class Log : ObservableCollection<string> { public int Limit; }
public class Guarded : Collection<int>
{
    [VarSave.Transient] public static int Inserts;
    public int Max;
    protected override void InsertItem(int index, int item) { Inserts++; base.InsertItem(index, item); }
}
public class GameError : InvalidOperationException
{
    public int Code;
    public GameError(string message, Exception inner) : base(message, inner) { }
}
public class Notes : System.Collections.Specialized.StringCollection { public int Extra; }

public static class World
{
    public static InkList? Ink; public static InkList? InkCopy;
    public static Deck? Deck; public static Deck? SameDeck; public static Tally? Tally; public static Tags? Tags;
    public static Agenda? Agenda; public static Line? Line; public static Pile? Pile; public static Chain? Chain;
    public static Log? Log; public static Guarded? Guarded; public static GameError? Error; public static Exception? Plain;
    public static Notes? Notes;
}

public static class Program
{
    public static void Main(string[] args)
    {
        if (args[0] == ""save"") Save(args[1]);
        else if (args[0] == ""refuse"") Refuse(args[1]);
        else Load(args[1]);
    }

    static void Save(string file)
    {
        var ink = new InkList { OriginNames = new List<string> { ""colours"" } };
        ink[new InkListItem(""colours"", ""red"")] = 1;
        ink[new InkListItem(""colours"", ""blue"")] = 2;
        World.Ink = ink;
        World.InkCopy = new InkList(ink) { Origin = ink };
        World.Deck = new Deck { Owner = ""ann"" };
        World.Deck.Add(new Card(""ace"")); World.Deck.Add(new Card(""king""));
        World.SameDeck = World.Deck;
        World.Tally = new Tally { Version = 7 }; World.Tally[""Apples""] = 3;
        World.Tags = new Tags { Label = ""t"" }; World.Tags.Add(""Red"");
        World.Agenda = new Agenda { Day = 2 }; World.Agenda[1] = ""wake""; World.Agenda[3] = ""eat"";
        World.Line = new Line { Served = 4 }; World.Line.Enqueue(10); World.Line.Enqueue(20);
        World.Pile = new Pile(); World.Pile.Push(1); World.Pile.Push(2);
        World.Chain = new Chain { Name = ""c"" }; World.Chain.AddLast(""x""); World.Chain.AddLast(""y"");
        World.Log = new Log { Limit = 9 }; World.Log.Add(""started"");
        World.Guarded = new Guarded { Max = 5 }; World.Guarded.Add(4);
        try { Fail(); }
        catch (GameError e) { World.Error = e; }
        World.Error!.Data[""turn""] = 12;
        World.Plain = new ArgumentOutOfRangeException(""count"", 42, ""too many"");
        SaveToFile(file);
        Console.WriteLine(""saved"");
    }

    static void Fail()
    {
        try { throw new KeyNotFoundException(""no door""); }
        catch (Exception inner) { throw new GameError(""locked"", inner) { Code = 3 }; }
    }

    static void Refuse(string file)
    {
        World.Notes = new Notes { Extra = 1 };
        World.Notes.Add(""lost?"");
        Console.WriteLine(Check().Problems.Single().Path);
        try { SaveToFile(file); }
        catch (VarSave.UnsaveableObjectException e) { Console.WriteLine(e.Message); }
    }

    static void Load(string file)
    {
        Guarded.Inserts = 0;
        LoadFromFile(file);
        var ink = World.Ink!;
        Console.WriteLine($""ink {ink.Count} red={ink[new InkListItem(""colours"", ""red"")]} origins={string.Join("","", ink.OriginNames!)} copy={World.InkCopy!.Count} shared={ReferenceEquals(World.InkCopy.Origin, ink)} sameOrigins={ReferenceEquals(World.InkCopy.OriginNames, ink.OriginNames)}"");
        ink[new InkListItem(""colours"", ""green"")] = 3;
        Console.WriteLine($""ink after add {ink.Count}"");
        var deck = World.Deck!;
        deck.Add(new Card(""queen""));
        Console.WriteLine($""deck {deck.Owner} {string.Join("","", deck.Select(c => c.Name))} shared={ReferenceEquals(deck, World.SameDeck)}"");
        Console.WriteLine($""tally {World.Tally!.Version} apples={World.Tally[""APPLES""]}"");
        Console.WriteLine($""tags {World.Tags!.Label} {World.Tags.Contains(""red"")}"");
        World.Agenda!.Add(2, ""work"");
        Console.WriteLine($""agenda {World.Agenda.Day} {string.Join("","", World.Agenda.Values)}"");
        Console.WriteLine($""line {World.Line!.Served} {World.Line.Dequeue()} {World.Line.Count}"");
        Console.WriteLine($""pile {World.Pile!.Pop()} {World.Pile.Height}"");
        World.Chain!.AddFirst(""w"");
        Console.WriteLine($""chain {World.Chain.Name} {string.Join("","", World.Chain)}"");
        int changes = 0;
        World.Log!.CollectionChanged += (s, e) => changes++;
        World.Log.Add(""resumed"");
        Console.WriteLine($""log {World.Log.Limit} {string.Join("","", World.Log)} changes={changes}"");
        Console.WriteLine($""guarded {World.Guarded!.Max} {string.Join("","", World.Guarded)} inserts on load={Guarded.Inserts}"");
        var error = World.Error!;
        Console.WriteLine($""error {error.Code} {error.Message} inner={error.InnerException!.GetType().Name}:{error.InnerException.Message} data={error.Data[""turn""]} trace={error.StackTrace!.Contains(""Program.Fail"")}"");
        var plain = (ArgumentOutOfRangeException)World.Plain!;
        Console.WriteLine($""plain {plain.ParamName} {plain.ActualValue} {plain.Message.Split('\n')[0].Trim()}"");
    }
}";

        [Fact]
        public void Woven_classes_derived_from_BCL_collections_and_exceptions_keep_their_base_contents_across_processes()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source);
            string file = Path.Combine(directory, "derived.varsave");
            Assert.Equal("saved\n", program.Run(directory, "save", file));
            Assert.Equal(
                "ink 2 red=1 origins=colours copy=2 shared=True sameOrigins=True\n" +
                "ink after add 3\n" +
                "deck ann ace,king,queen shared=True\n" +
                "tally 7 apples=3\n" +
                "tags t True\n" +
                "agenda 2 eat,work,wake\n" +
                "line 4 10 1\n" +
                "pile 2 1\n" +
                "chain c w,x,y\n" +
                "log 9 started,resumed changes=1\n" +
                "guarded 5 4 inserts on load=0\n" +
                "error 3 locked inner=KeyNotFoundException:no door data=12 trace=True\n" +
                "plain count 42 too many (Parameter 'count')\n",
                program.Run(directory, "load", file));
            Directory.Delete(directory, true);
        }

        [Fact]
        public void A_woven_class_over_another_stateful_unwoven_base_is_refused_with_its_path_and_reported_by_Check()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source);
            string output = program.Run(directory, "refuse", Path.Combine(directory, "refused.varsave"));
            Assert.StartsWith("static World.Notes\nCannot save static World.Notes -> Notes: it derives from System.Collections.Specialized.StringCollection, which is not woven and holds fields of its own", output);
            Assert.False(File.Exists(Path.Combine(directory, "refused.varsave")));
            // The build said so too, and said nothing about the supported bases.
            var warning = Assert.Single(program.Warnings, w => w.Contains("derives from"));
            Assert.StartsWith("VARSAVE002: ", warning);
            Assert.Contains("Notes derives from System.Collections.Specialized.StringCollection, which is not woven, which holds fields (StringCollection.", warning);
            Directory.Delete(directory, true);
        }
    }
}
