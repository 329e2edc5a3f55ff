using System.IO;
using System.Linq;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// The BCL values, objects and collections programs hold round-trip across two processes with
    /// their identity, sharing and comparers; a seeded and an unseeded Random continue exactly the
    /// sequence an uninterrupted run draws.
    /// </summary>
    public class BclValueTests
    {
        private const string Source = @"
using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.RegularExpressions;
using static VarSave.ProgramState;

public class Counter { public int Calls; public int Next() => ++Calls * 10; }

public static class World
{
    public static Random? Seeded; public static Random? SameSeeded; public static Random? Unseeded; public static Random? Shared;
    public static BigInteger Big; public static object? BoxedBig; public static Complex Complex; public static Half Half;
    public static Int128 Int128; public static UInt128 UInt128; public static DateOnly Date; public static TimeOnly Time; public static object? BoxedDate;
    public static Uri? Uri; public static Version? Version; public static Regex? Regex; public static CultureInfo? Culture; public static CultureInfo? Invariant;
    public static StringComparer? CultureComparer; public static HashSet<string>? CultureSet; public static StringComparer? Ordinal;
    public static IEqualityComparer<string>? DefaultEquality; public static IComparer<int>? DefaultComparer;
    public static SortedSet<string>? SortedSet; public static SortedList<string, int>? SortedList; public static PriorityQueue<string, int>? Queue;
    public static BitArray? Bits; public static ObservableCollection<int>? Observable; public static Collection<string>? Collection;
    public static List<int>? Backing; public static ReadOnlyCollection<int>? View; public static ReadOnlyDictionary<string, int>? DictionaryView;
    public static ArrayList? ArrayList; public static Hashtable? Hashtable;
    public static ConcurrentDictionary<string, int>? ConcurrentDictionary; public static ConcurrentQueue<int>? ConcurrentQueue;
    public static ConcurrentStack<int>? ConcurrentStack; public static ConcurrentBag<int>? ConcurrentBag;
    public static Counter? Counter; public static Lazy<int>? Made; public static Lazy<int>? NotMade; public static Lazy<List<int>>? MadeList;
    public static System.Diagnostics.Stopwatch? Running; public static System.Diagnostics.Stopwatch? Stopped;
}

public static class Program
{
    public static void Main(string[] args)
    {
        if (args[0] == ""save"") Save(args[1]); else Load(args[1]);
    }

    static string Draw(Random r) => string.Join("","", Enumerable.Range(0, 4).Select(_ => r.Next(1000))) + "";"" + r.NextDouble().ToString(""R"", CultureInfo.InvariantCulture);

    static void Save(string file)
    {
        World.Seeded = new Random(1234); World.SameSeeded = World.Seeded; World.Unseeded = new Random(); World.Shared = Random.Shared;
        World.Seeded.Next(); World.Seeded.Next(); World.Unseeded.NextBytes(new byte[13]);
        World.Big = BigInteger.Pow(-3, 200) - 1; World.BoxedBig = new BigInteger(-129); World.Complex = new Complex(1.5, -2.25);
        World.Half = (Half)3.140625f; World.Int128 = Int128.MinValue + 5; World.UInt128 = UInt128.MaxValue - 7;
        World.Date = new DateOnly(2024, 2, 29); World.Time = new TimeOnly(23, 59, 58, 123); World.BoxedDate = new DateOnly(1, 1, 1);
        World.Uri = new Uri(""https://example.com/a%20b?q=1#frag""); World.Version = new Version(1, 2, 3);
        World.Regex = new Regex(""^h(?<rest>e+)llo$"", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2));
        World.Culture = new CultureInfo(""fr-FR""); World.Invariant = CultureInfo.InvariantCulture;
        World.CultureComparer = StringComparer.InvariantCultureIgnoreCase;
        World.CultureSet = new HashSet<string>(StringComparer.Create(CultureInfo.GetCultureInfo(""fr-FR""), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace)) { ""Élan"" };
        World.Ordinal = StringComparer.Ordinal;
        World.DefaultEquality = EqualityComparer<string>.Default; World.DefaultComparer = Comparer<int>.Default;
        World.SortedSet = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { ""b"", ""A"", ""c"" };
        World.SortedList = new SortedList<string, int>(StringComparer.InvariantCultureIgnoreCase) { [""x""] = 1, [""Y""] = 2 };
        World.Queue = new PriorityQueue<string, int>();
        foreach (var (e, p) in new[] { (""a"", 5), (""b"", 1), (""c"", 3), (""d"", 1), (""e"", 3), (""f"", 1) }) World.Queue.Enqueue(e, p);
        World.Bits = new BitArray(70); World.Bits[0] = true; World.Bits[69] = true; World.Bits[33] = true;
        World.Observable = new ObservableCollection<int> { 1, 2 }; World.Collection = new Collection<string> { ""c"" };
        World.Backing = new List<int> { 1, 2 }; World.View = World.Backing.AsReadOnly();
        World.DictionaryView = new ReadOnlyDictionary<string, int>(new Dictionary<string, int> { [""k""] = 9 });
        World.ArrayList = new ArrayList { 1, ""two"", null, World.Backing };
        World.Hashtable = new Hashtable(StringComparer.OrdinalIgnoreCase) { [""Key""] = 1 };
        World.ConcurrentDictionary = new ConcurrentDictionary<string, int>(StringComparer.OrdinalIgnoreCase); World.ConcurrentDictionary[""A""] = 1;
        World.ConcurrentQueue = new ConcurrentQueue<int>(new[] { 1, 2, 3 }); World.ConcurrentStack = new ConcurrentStack<int>(new[] { 1, 2, 3 });
        World.ConcurrentBag = new ConcurrentBag<int> { 4, 5 };
        var counter = World.Counter = new Counter();
        World.Made = new Lazy<int>(() => counter.Next()); _ = World.Made.Value;
        World.NotMade = new Lazy<int>(() => counter.Next());
        World.MadeList = new Lazy<List<int>>(() => World.Backing!); _ = World.MadeList.Value;
        World.Running = System.Diagnostics.Stopwatch.StartNew(); World.Stopped = System.Diagnostics.Stopwatch.StartNew();
        System.Threading.Thread.Sleep(20); World.Stopped.Stop();
        SaveToFile(file);
        // What an uninterrupted run draws next: the loading process must draw the same.
        Console.WriteLine(Draw(World.Seeded) + ""|"" + Draw(World.Unseeded) + ""|"" + Drain(World.Queue) + ""|"" + World.Stopped.Elapsed.Ticks);
    }

    static string Drain(PriorityQueue<string, int> queue)
    {
        var order = new List<string>();
        while (queue.TryDequeue(out var e, out var p)) order.Add(e + p);
        return string.Join("","", order);
    }

    static void Load(string file)
    {
        LoadFromFile(file);
        Console.WriteLine(Draw(World.Seeded!) + ""|"" + Draw(World.Unseeded!) + ""|"" + Drain(World.Queue!) + ""|"" + World.Stopped!.Elapsed.Ticks);
        Console.WriteLine($""random shared={ReferenceEquals(World.Seeded, World.SameSeeded)} Random.Shared={ReferenceEquals(World.Shared, Random.Shared)}"");
        Console.WriteLine($""numbers {World.Big == BigInteger.Pow(-3, 200) - 1} {World.BoxedBig} {World.Complex} {World.Half} {World.Int128 == Int128.MinValue + 5} {World.UInt128 == UInt128.MaxValue - 7}"");
        Console.WriteLine($""time {World.Date:yyyy-MM-dd} {World.Time:HH:mm:ss.fff} {World.BoxedDate is DateOnly}"");
        Console.WriteLine($""text {World.Uri!.AbsoluteUri} {World.Uri.Fragment} {World.Version} {World.Regex!.Match(""HEEllo"").Groups[""rest""].Value} {World.Regex.MatchTimeout.TotalSeconds}"");
        Console.WriteLine($""culture {World.Culture!.Name} {World.Culture.IsReadOnly} {ReferenceEquals(World.Invariant, CultureInfo.InvariantCulture)}"");
        Console.WriteLine($""comparers {World.CultureComparer!.Equals(""ÉCOLE"", ""école"")} {ReferenceEquals(World.CultureComparer, StringComparer.InvariantCultureIgnoreCase)} {World.CultureSet!.Contains(""elan"")} {ReferenceEquals(World.Ordinal, StringComparer.Ordinal)} {ReferenceEquals(World.DefaultEquality, EqualityComparer<string>.Default)} {ReferenceEquals(World.DefaultComparer, Comparer<int>.Default)}"");
        World.SortedSet!.Add(""B"");
        Console.WriteLine($""sorted {string.Join("","", World.SortedSet)} {string.Join("","", World.SortedList!.Keys)} {World.SortedList[""y""]}"");
        Console.WriteLine($""bits {World.Bits!.Length} {World.Bits[0]}{World.Bits[33]}{World.Bits[69]}{World.Bits[1]}"");
        Console.WriteLine($""object model {string.Join("","", World.Observable!)} {string.Join("","", World.Collection!)}"");
        World.Backing!.Add(3);
        Console.WriteLine($""views {string.Join("","", World.View!)} {World.DictionaryView![""k""]} {ReferenceEquals(World.ArrayList![3], World.Backing)} {World.ArrayList[1]} {World.ArrayList[2] == null} {World.Hashtable![""KEY""]}"");
        Console.WriteLine($""concurrent {World.ConcurrentDictionary![""a""]} {string.Join("","", World.ConcurrentQueue!)} {string.Join("","", World.ConcurrentStack!)} {World.ConcurrentBag!.Sum()}"");
        Console.WriteLine($""lazy {World.Made!.IsValueCreated} {World.Made.Value} {World.NotMade!.IsValueCreated} {World.NotMade.Value} {World.Counter!.Calls} {ReferenceEquals(World.MadeList!.Value, World.Backing)}"");
        // The running one goes on from its saved time, which was past the stopped one's.
        Console.WriteLine($""stopwatch {World.Running!.IsRunning} {World.Stopped.IsRunning} {World.Running.Elapsed >= World.Stopped.Elapsed} {World.Stopped.Elapsed.TotalMilliseconds >= 20}"");
    }
}";

        private static readonly string Expected = string.Join("\n",
            "random shared=True Random.Shared=True",
            "numbers True -129 <1.5; -2.25> 3.14 True True",
            "time 2024-02-29 23:59:58.123 True",
            "text https://example.com/a%20b?q=1#frag #frag 1.2.3 EE 2",
            "culture fr-FR False True",
            "comparers True True True True True True",
            "sorted A,b,c x,Y 2",
            "bits 70 TrueTrueTrueFalse",
            "object model 1,2 c",
            "views 1,2,3 9 True two True 1",
            "concurrent 1 1,2,3 3,2,1 9",
            "lazy True 10 False 20 2 True",
            "stopwatch True False True True",
            "");

        [Fact]
        public void BCL_values_objects_and_collections_round_trip_across_processes_with_sharing_comparers_and_Random_sequences()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source);
            string file = Path.Combine(directory, "bcl.varsave");
            string uninterrupted = program.Run(directory, "save", file);
            string loaded = program.Run(directory, "load", file);
            var lines = loaded.Split('\n');
            // The draws and the dequeue order after the load are exactly those of an uninterrupted run.
            Assert.Equal(uninterrupted.Trim(), lines[0]);
            Assert.Equal(Expected, string.Join("\n", lines.Skip(1)));
            Directory.Delete(directory, true);
        }
    }
}
