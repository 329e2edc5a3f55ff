using System.IO;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// A <c>foreach</c> over a List, an array, a Dictionary and a HashSet, paused at a <c>yield return</c>
    /// (the iterator held in a static) or at an <c>await</c> (saved and loaded at a call site inside the
    /// loop), goes on at the same element in a new process, in Debug and Release builds; the loaded
    /// enumerators still notice a change to their collection.
    /// </summary>
    public class ForeachAcrossPauseTests
    {
        private const string Source = @"
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using static VarSave.ProgramState;

public static class World
{
    public static List<int> List = new List<int>();
    public static IEnumerator<string>? ListWalk, ArrayWalk, TypedArrayWalk, DictionaryWalk, KeysWalk, SetWalk;
}

public static class Program
{
    // Locals and parameters are restored by a load; the process's own mode is not state.
    [VarSave.Transient] static string Mode = """";

    static IEnumerator<string> WalkList(List<int> items) { foreach (var i in items) yield return ""L"" + i; }
    static IEnumerator<string> WalkSequence(IEnumerable<int> items) { foreach (var i in items) yield return ""A"" + i; }
    static IEnumerator<string> WalkArray(int[] items) { foreach (var i in items) yield return ""T"" + i; }
    static IEnumerator<string> WalkDictionary(Dictionary<string, int> map) { foreach (var (k, v) in map) yield return k + v; }
    static IEnumerator<string> WalkKeys(Dictionary<string, int> map) { foreach (var k in map.Keys) yield return ""K"" + k; }
    static IEnumerator<string> WalkSet(HashSet<int> set) { foreach (var i in set) yield return ""S"" + i; }

    static Dictionary<string, int> Map()
    {
        var map = new Dictionary<string, int> { [""a""] = 1, [""b""] = 2, [""c""] = 3, [""d""] = 4, [""e""] = 5 };
        map.Remove(""b""); // a free slot: the loaded dictionary keeps it, and the enumerator its slot
        return map;
    }

    static string Rest(IEnumerator<string> walk)
    {
        var seen = new List<string>();
        while (walk.MoveNext()) seen.Add(walk.Current);
        return string.Join("","", seen);
    }

    public static async Task Main(string[] args)
    {
        Mode = args[0];
        string file = args[1];
        if (Mode == ""save"")
        {
            World.List = new List<int> { 1, 2, 3, 4 };
            World.ListWalk = WalkList(World.List);
            World.ArrayWalk = WalkSequence(new[] { 5, 6, 7 });
            World.TypedArrayWalk = WalkArray(new[] { 8, 9, 10 });
            World.DictionaryWalk = WalkDictionary(Map());
            World.KeysWalk = WalkKeys(Map());
            var set = new HashSet<int> { 11, 12, 13, 14 };
            set.Remove(12);
            World.SetWalk = WalkSet(set);
            foreach (var walk in new[] { World.ListWalk, World.ArrayWalk, World.TypedArrayWalk, World.DictionaryWalk, World.KeysWalk, World.SetWalk })
            {
                walk.MoveNext();
                walk.MoveNext();
            }
            SaveToFile(file);
        }
        else LoadFromFile(file);
        Console.WriteLine(string.Join(""|"", Rest(World.ListWalk!), Rest(World.ArrayWalk!), Rest(World.TypedArrayWalk!), Rest(World.DictionaryWalk!), Rest(World.KeysWalk!), Rest(World.SetWalk!)));
        if (Mode == ""load"")
        {
            // The loaded enumerator still checks its list's version.
            var again = WalkList(World.List);
            again.MoveNext();
            World.List.Add(5);
            try { again.MoveNext(); Console.WriteLine(""no version check""); }
            catch (InvalidOperationException) { Console.WriteLine(""version checked""); }
        }
        Console.WriteLine(await AcrossAwaitList(file + "".list""));
        Console.WriteLine(await AcrossAwaitArray(file + "".array""));
        Console.WriteLine(await AcrossAwaitDictionary(file + "".dictionary""));
        Console.WriteLine(await AcrossAwaitSet(file + "".set""));
    }

    // Each saves at the second element after an await, then runs on; a loading process loads at the first and must go on as it did.
    static async Task<string> AcrossAwaitList(string file)
    {
        var items = new List<int> { 1, 2, 3, 4 };
        var log = new List<string>();
        foreach (var i in items)
        {
            await Task.Yield();
            if (log.Count == 0 && Mode == ""load"") LoadFromFile(file);
            if (log.Count == 1 && Mode == ""save"") SaveToFile(file);
            log.Add(""L"" + i);
        }
        return string.Join("","", log);
    }

    static async Task<string> AcrossAwaitArray(string file)
    {
        var items = new[] { 5, 6, 7 };
        var log = new List<string>();
        foreach (var i in items)
        {
            await Task.Yield();
            if (log.Count == 0 && Mode == ""load"") LoadFromFile(file);
            if (log.Count == 1 && Mode == ""save"") SaveToFile(file);
            log.Add(""A"" + i);
        }
        return string.Join("","", log);
    }

    static async Task<string> AcrossAwaitDictionary(string file)
    {
        var map = Map();
        var log = new List<string>();
        foreach (var (k, v) in map)
        {
            await Task.Yield();
            if (log.Count == 0 && Mode == ""load"") LoadFromFile(file);
            if (log.Count == 1 && Mode == ""save"") SaveToFile(file);
            log.Add(k + v);
        }
        return string.Join("","", log);
    }

    static async Task<string> AcrossAwaitSet(string file)
    {
        var set = new HashSet<int> { 11, 12, 13, 14 };
        set.Remove(12);
        var log = new List<string>();
        foreach (var i in set)
        {
            await Task.Yield();
            if (log.Count == 0 && Mode == ""load"") LoadFromFile(file);
            if (log.Count == 1 && Mode == ""save"") SaveToFile(file);
            log.Add(""S"" + i);
        }
        return string.Join("","", log);
    }
}";

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Foreach_over_List_array_Dictionary_and_HashSet_goes_on_at_the_same_element_after_a_load_across_yield_and_await(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source, release);
            string file = Path.Combine(directory, "walks.varsave");
            string uninterrupted = program.Run(directory, "save", file);
            Assert.Equal(
                "L3,L4|A7|T10|d4,e5|Kd,Ke|S14\n" +
                "L1,L2,L3,L4\nA5,A6,A7\na1,c3,d4,e5\nS11,S13,S14\n",
                uninterrupted);
            Assert.Equal(
                "L3,L4|A7|T10|d4,e5|Kd,Ke|S14\nversion checked\n" +
                "L1,L2,L3,L4\nA5,A6,A7\na1,c3,d4,e5\nS11,S13,S14\n",
                program.Run(directory, "load", file));
            Directory.Delete(directory, true);
        }
    }
}
