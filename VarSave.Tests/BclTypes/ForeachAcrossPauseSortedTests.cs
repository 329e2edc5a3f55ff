using System.IO;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// As <see cref="ForeachAcrossPauseTests"/>, for the enumerators a load rebuilds by a walk (a SortedDictionary's,
    /// its Keys' and Values', or a SortedSet's stack of tree nodes, a LinkedList's next node), ImmutableArray's and ImmutableList's: a <c>foreach</c> paused at a <c>yield return</c>
    /// (the iterator held in a static) or at an <c>await</c> (saved and loaded inside the loop) goes on at the same
    /// element in a new process, in Debug and Release builds, and still notices a change to its collection.
    /// </summary>
    public class ForeachAcrossPauseSortedTests
    {
        private const string Source = @"
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using static VarSave.ProgramState;

public static class World
{
    public static SortedSet<int> Set = new SortedSet<int>();
    public static LinkedList<int> Linked = new LinkedList<int>();
    public static SortedDictionary<int, string> Jobs = new SortedDictionary<int, string>();
    public static SortedSet<int> StaleSet = new SortedSet<int>();
    public static SortedDictionary<int, string> StaleJobs = new SortedDictionary<int, string>();
    public static LinkedList<int> StaleLinked = new LinkedList<int>();
    public static IEnumerator<string>? StaleSetWalk, StaleJobWalk, StaleLinkedWalk;
    public static ImmutableList<int> Listed = ImmutableList<int>.Empty;
    public static IEnumerator<string>? ListedWalk, OwnListedWalk;
    public static IEnumerator<string>? JobWalk, KeyWalk, ValueWalk, JobsChecked, CopiedWalk, SetWalk, FreshSetWalk, EndedSetWalk, LinkedWalk, ImmutableWalk, SetChecked, LinkedChecked;
}

public static class Program
{
    [VarSave.Transient] static string Mode = """";

    static IEnumerator<string> WalkSet(SortedSet<int> set) { foreach (var i in set) yield return ""S"" + i; yield return ""end""; }
    static IEnumerator<string> WalkJobs(SortedDictionary<int, string> jobs) { foreach (var (at, job) in jobs) yield return job + at; }
    static IEnumerator<string> WalkKeys(SortedDictionary<int, string> jobs) { foreach (var at in jobs.Keys) yield return ""K"" + at; }
    static IEnumerator<string> WalkValues(SortedDictionary<int, string> jobs) { foreach (var job in jobs.Values) yield return ""V"" + job; }
    // Only the enumerator holds this dictionary once the iterator has started.
    static IEnumerator<string> WalkOwnJobs()
    {
        var jobs = new SortedDictionary<int, string> { [3] = ""c"", [1] = ""a"", [2] = ""b"", [4] = ""d"" };
        foreach (var (at, job) in jobs) yield return job + at;
    }
    static IEnumerator<string> WalkListed(ImmutableList<int> items) { foreach (var i in items) yield return ""M"" + i; }
    static IEnumerator<string> WalkOwnListed()
    {
        var items = ImmutableList.CreateRange(Enumerable.Range(70, 20));
        foreach (var i in items) yield return ""O"" + i;
    }
    static IEnumerator<string> WalkLinked(LinkedList<int> list) { foreach (var i in list) yield return ""N"" + i; }
    static IEnumerator<string> WalkImmutable(ImmutableArray<int> items) { foreach (var i in items) yield return ""I"" + i; }

    static string Rest(IEnumerator<string> walk)
    {
        var seen = new List<string>();
        while (walk.MoveNext()) seen.Add(walk.Current);
        return string.Join("","", seen);
    }

    static string Step(IEnumerator<string> walk)
    {
        try { return walk.MoveNext() ? walk.Current : ""done""; }
        catch (InvalidOperationException) { return ""version checked""; }
    }

    public static async Task Main(string[] args)
    {
        Mode = args[0];
        string file = args[1];
        if (Mode == ""save"")
        {
            // Inserted out of order, so the tree is several levels deep and the enumerator's stack holds more than one node.
            World.Set = new SortedSet<int>(new[] { 8, 3, 12, 1, 5, 10, 14, 2, 4, 6, 9, 11, 13, 15, 7 });
            World.Linked = new LinkedList<int>(new[] { 9, 8, 7, 6, 5 });
            World.Jobs = new SortedDictionary<int, string> { [30] = ""c"", [10] = ""a"", [50] = ""e"", [20] = ""b"", [40] = ""d"", [60] = ""f"" };
            World.JobWalk = WalkJobs(World.Jobs);
            World.KeyWalk = WalkKeys(World.Jobs);
            World.ValueWalk = WalkValues(World.Jobs);
            World.JobsChecked = WalkJobs(World.Jobs);
            World.CopiedWalk = WalkOwnJobs();
            for (int i = 0; i < 3; i++) { World.JobWalk.MoveNext(); World.KeyWalk.MoveNext(); World.ValueWalk.MoveNext(); World.CopiedWalk.MoveNext(); }
            World.JobsChecked.MoveNext();
            // Enumerators whose collection changed before the save: invalid then, invalid after a load.
            World.StaleSet = new SortedSet<int> { 1, 2, 3 };
            World.StaleJobs = new SortedDictionary<int, string> { [1] = ""a"", [2] = ""b"" };
            World.StaleLinked = new LinkedList<int>(new[] { 1, 2, 3 });
            World.StaleSetWalk = WalkSet(World.StaleSet);
            World.StaleJobWalk = WalkJobs(World.StaleJobs);
            World.StaleLinkedWalk = WalkLinked(World.StaleLinked);
            World.StaleSetWalk.MoveNext();
            World.StaleJobWalk.MoveNext();
            World.StaleLinkedWalk.MoveNext();
            World.StaleSet.Add(4);
            World.StaleJobs[3] = ""c"";
            World.StaleLinked.AddFirst(0);
            World.Listed = ImmutableList.CreateRange(Enumerable.Range(50, 12));
            World.ListedWalk = WalkListed(World.Listed);
            World.OwnListedWalk = WalkOwnListed();
            for (int i = 0; i < 5; i++) World.ListedWalk.MoveNext();
            for (int i = 0; i < 17; i++) World.OwnListedWalk.MoveNext();
            World.SetWalk = WalkSet(World.Set);
            World.FreshSetWalk = WalkSet(new SortedSet<int> { 3, 1, 2 });
            World.EndedSetWalk = WalkSet(new SortedSet<int> { 1 });
            World.LinkedWalk = WalkLinked(World.Linked);
            World.ImmutableWalk = WalkImmutable(ImmutableArray.Create(20, 21, 22, 23));
            World.SetChecked = WalkSet(World.Set);
            World.LinkedChecked = WalkLinked(World.Linked);
            for (int i = 0; i < 6; i++) World.SetWalk.MoveNext();
            World.EndedSetWalk.MoveNext();
            World.EndedSetWalk.MoveNext();
            for (int i = 0; i < 2; i++) { World.LinkedWalk.MoveNext(); World.ImmutableWalk.MoveNext(); }
            World.SetChecked.MoveNext();
            World.LinkedChecked.MoveNext();
            SaveToFile(file);
        }
        else LoadFromFile(file);
        Console.WriteLine(string.Join(""|"", World.SetWalk!.Current, Rest(World.SetWalk!), Rest(World.FreshSetWalk!), Rest(World.EndedSetWalk!), World.LinkedWalk!.Current, Rest(World.LinkedWalk!), World.ImmutableWalk!.Current, Rest(World.ImmutableWalk!)));
        Console.WriteLine(string.Join(""|"", World.JobWalk!.Current, Rest(World.JobWalk!), Rest(World.KeyWalk!), Rest(World.ValueWalk!), World.CopiedWalk!.Current, Rest(World.CopiedWalk!)));
        Console.WriteLine(string.Join(""|"", World.ListedWalk!.Current, Rest(World.ListedWalk!), World.OwnListedWalk!.Current, Rest(World.OwnListedWalk!), World.Listed.Count));
        // The enumerators still check their collection's version.
        World.Set.Add(100);
        World.Linked.AddLast(100);
        World.Jobs[100] = ""z"";
        Console.WriteLine(Step(World.SetChecked!) + "","" + Step(World.LinkedChecked!) + "","" + Step(World.JobsChecked!));
        Console.WriteLine(Step(World.StaleSetWalk!) + "","" + Step(World.StaleJobWalk!) + "","" + Step(World.StaleLinkedWalk!));
        Console.WriteLine(await AcrossAwaitSet(file + "".set""));
        Console.WriteLine(await AcrossAwaitJobs(file + "".jobs""));
        Console.WriteLine(await AcrossAwaitLinked(file + "".linked""));
        Console.WriteLine(await AcrossAwaitListed(file + "".listed""));
        Console.WriteLine(await AcrossAwaitImmutable(file + "".immutable""));
    }

    // Each saves at the third element after an await, then runs on; a loading process loads at the first and must go on as it did.
    static async Task<string> AcrossAwaitSet(string file)
    {
        var set = new SortedSet<int>(new[] { 40, 10, 70, 20, 60, 30, 50 });
        var log = new List<string>();
        foreach (var i in set)
        {
            await Task.Yield();
            if (log.Count == 0 && Mode == ""load"") LoadFromFile(file);
            if (log.Count == 2 && Mode == ""save"") SaveToFile(file);
            log.Add(""S"" + i);
        }
        return string.Join("","", log);
    }

    static async Task<string> AcrossAwaitJobs(string file)
    {
        var jobs = new SortedDictionary<int, List<string>> { [3] = new List<string> { ""c"" }, [1] = new List<string> { ""a"" }, [2] = new List<string> { ""b"" }, [4] = new List<string> { ""d"" } };
        var log = new List<string>();
        foreach (var (at, due) in jobs)
        {
            await Task.Yield();
            if (log.Count == 0 && Mode == ""load"") LoadFromFile(file);
            if (log.Count == 2 && Mode == ""save"") SaveToFile(file);
            log.Add(due[0] + at);
        }
        return string.Join("","", log);
    }

    static async Task<string> AcrossAwaitListed(string file)
    {
        var items = ImmutableList.Create(80, 81, 82, 83, 84);
        var log = new List<string>();
        foreach (var i in items)
        {
            await Task.Yield();
            if (log.Count == 0 && Mode == ""load"") LoadFromFile(file);
            if (log.Count == 2 && Mode == ""save"") SaveToFile(file);
            log.Add(""M"" + i);
        }
        return string.Join("","", log);
    }

    static async Task<string> AcrossAwaitLinked(string file)
    {
        var list = new LinkedList<int>(new[] { 5, 4, 3, 2 });
        var log = new List<string>();
        foreach (var i in list)
        {
            await Task.Yield();
            if (log.Count == 0 && Mode == ""load"") LoadFromFile(file);
            if (log.Count == 2 && Mode == ""save"") SaveToFile(file);
            log.Add(""N"" + i);
        }
        return string.Join("","", log);
    }

    static async Task<string> AcrossAwaitImmutable(string file)
    {
        var items = ImmutableArray.Create(30, 31, 32, 33);
        var log = new List<string>();
        foreach (var i in items)
        {
            await Task.Yield();
            if (log.Count == 0 && Mode == ""load"") LoadFromFile(file);
            if (log.Count == 2 && Mode == ""save"") SaveToFile(file);
            log.Add(""I"" + i);
        }
        return string.Join("","", log);
    }
}";

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Foreach_over_SortedDictionary_SortedSet_LinkedList_ImmutableArray_and_ImmutableList_goes_on_at_the_same_element_after_a_load_across_yield_and_await(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source, release);
            string file = Path.Combine(directory, "walks.varsave");
            const string Expected =
                "S6|S7,S8,S9,S10,S11,S12,S13,S14,S15,end|S1,S2,S3,end||N8|N7,N6,N5|I21|I22,I23\n" +
                "c30|d40,e50,f60|K40,K50,K60|Vd,Ve,Vf|c3|d4\n" +
                "M54|M55,M56,M57,M58,M59,M60,M61|O86|O87,O88,O89|12\n" +
                "version checked,version checked,version checked\n" +
                "version checked,version checked,version checked\n" +
                "S10,S20,S30,S40,S50,S60,S70\na1,b2,c3,d4\nN5,N4,N3,N2\nM80,M81,M82,M83,M84\nI30,I31,I32,I33\n";
            Assert.Equal(Expected, program.Run(directory, "save", file));
            Assert.Equal(Expected, program.Run(directory, "load", file));
            Directory.Delete(directory, true);
        }
    }
}
