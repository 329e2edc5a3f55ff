namespace VarSave.Tests
{
    /// <summary>
    /// The source of a program with every delegate shape of issue 11's points 2 to 5, all held in
    /// statics: "run" plays and describes in one process, "save" plays and saves, "load" (a new
    /// process) loads and describes. A load must describe exactly what the uninterrupted run does.
    /// Its ink part reproduces the ink narrative runtime's shape: a lazily built static table of
    /// generic-method operators (NativeFunctionCall with Identity&lt;T&gt;) and a typed
    /// <c>Bind&lt;T&gt;</c> that wraps game code in a lambda (BindExternalFunction).
    /// </summary>
    internal static class GenericDelegateProgram
    {
        public const string Source = """
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using static VarSave.ProgramState;

switch (args[0])
{
    case "run": Scenes.Setup(); Scenes.Play(); Console.Write(Scenes.Describe()); break;
    case "save": Scenes.Setup(); Scenes.Play(); SaveToFile(args[1]); Console.WriteLine("saved"); break;
    case "load": LoadFromFile(args[1]); Console.Write(Scenes.Describe()); break;
    case "refused": Scenes.Refused = new Shelf<int>(7).Describe; SaveToFile(args[1]); break;
}

public delegate T UnaryOp<T>(T value);
public delegate object NativeOp(object[] args);

// ink's NativeFunctionCall: a static table of operators built on first use, many of them Identity<T>.
public static class NativeFunctions
{
    private static Dictionary<string, NativeOp>? _table;

    public static Dictionary<string, NativeOp> Table { get { if (_table == null) Build(); return _table!; } }

    public static object Call(string name, params object[] args) => Table[name](args);

    private static void Build()
    {
        _table = new Dictionary<string, NativeOp>();
        AddUnary<int>("negate", x => -x);
        AddUnary<int>("identity", Identity<int>);
        AddUnary<string>("echo", Identity);
        AddIdentityFor<double>("identity_f");
        AddIdentityFor<List<string>>("identity_list");
    }

    private static T Identity<T>(T value) => value;

    private static void AddIdentityFor<T>(string name)
    {
        UnaryOp<T> op = Identity<T>;
        AddUnary(name, op);
    }

    private static void AddUnary<T>(string name, UnaryOp<T> op) => _table![name] = args => op((T)args[0])!;
}

// ink's Story.BindExternalFunction<T>: game code wrapped in a lambda of generic code.
public static class Externals
{
    public static Dictionary<string, Func<object[], object>> Bound = new Dictionary<string, Func<object[], object>>();

    public static void Bind<T>(string name, Func<T, object> f) => Bound[name] = args => f((T)args[0]);

    public static object Call(string name, object arg) => Bound[name](new[] { arg });
}

public class Pipeline<T>
{
    public T Seed;
    public List<Func<T, T>> Steps = new List<Func<T, T>>();
    public static Func<T, string> Show = x => "<" + x + ">";

    public Pipeline(T seed) { Seed = seed; }

    public Pipeline<T> Then(Func<T, T> step) { Steps.Add(step); return this; }

    public Func<T> Runner() => () => Apply(Seed);

    private T Apply(T value) { foreach (var step in Steps) value = step(value); return value; }
}

public class Shelf<T>
{
    public T Item;
    public Shelf(T item) { Item = item; }
    public T Take() => Item;
    public virtual string Describe() => "shelf of " + Item;
}

public static class Cache<T>
{
    public static List<T> Items = new List<T>();
    public static int Hits;
}

public struct Dice
{
    public int Seed;
    public int Roll() { Seed = Seed * 31 % 97; return Seed; }
}

public class Item { public int Value; }

public static class ItemExtensions
{
    public static int Twice(this Item item) => item.Value * 2;
}

public sealed class LengthComparer : IEqualityComparer<string>
{
    public int Calls;
    public bool Equals(string? x, string? y) { Calls++; return x?.Length == y?.Length; }
    public int GetHashCode(string s) => s.Length;
}

public static class Scenes
{
    // Declared (so saved and numbered) before the delegates and collections they target.
    public static Func<int>? Forward;
    public static Func<int>? Source;
    public static Action<string>? Say;
    public static Action<string>? Inner;
    public static Func<string, bool>? AddName;
    public static HashSet<string> Names = new HashSet<string>();
    public static Func<string?, string?, bool>? SameLength;
    public static HashSet<string>? ByLength;
    public static Func<int, Task<int>>? Doubler;
    public static Func<int>? Roll;
    public static Func<int>? TwiceOfItem;
    public static Item Thing = new Item();
    public static Func<string>? Labelled;
    public static Func<int>? Run;
    public static Func<string>? TakeWord;
    public static Func<int, string>? ShowInt;
    public static List<string> Heard = new List<string>();
    public static Func<string>? Refused;

    public static void Setup()
    {
        int calls = 0;
        Source = () => ++calls;
        Forward = Source.Invoke;
        Inner = s => Heard.Add("inner:" + s);
        Say = Inner.Invoke;
        Say += Inner;
        AddName = Names.Add;
        var comparer = new LengthComparer();
        ByLength = new HashSet<string>(comparer) { "a", "bb" };
        SameLength = comparer.Equals;
        Doubler = async x => { await Task.Yield(); return x * 2; };
        var dice = new Dice { Seed = 7 };
        Roll = dice.Roll;
        Thing.Value = 5;
        TwiceOfItem = Thing.Twice;
        Labelled = Counter("step");
        Run = new Pipeline<int>(1).Then(x => x + 1).Then(x => x * 10).Runner();
        TakeWord = new Shelf<string>("word").Take;
        ShowInt = Pipeline<int>.Show;
        Cache<int>.Items.Add(1);
        Cache<string>.Items.Add("one");
        Externals.Bind<int>("square", x => x * x);
        Externals.Bind<string>("shout", s => s.ToUpperInvariant() + "!");
        NativeFunctions.Call("negate", 1);
    }

    // A local function in a generic method, capturing a local and the method's parameter.
    private static Func<string> Counter<T>(T label)
    {
        int n = 0;
        string Next() => label + ":" + (++n);
        return Next;
    }

    public static void Play()
    {
        Forward!(); Forward();
        Say!("hello");
        AddName!("ann");
        Roll!(); Roll();
        Labelled!();
        Cache<int>.Items.Add(2); Cache<int>.Hits = 3;
        Cache<string>.Items.Add("two"); Cache<string>.Hits = 4;
    }

    public static string Describe()
    {
        var lines = new List<string>
        {
            $"forward={Forward!()} source={Source!()}",
            Say!.GetInvocationList().Length + " subscribers",
            $"added bob={AddName!("bob")} ann again={AddName("ann")} names={string.Join(",", Names.OrderBy(n => n))}",
            $"same length={SameLength!("abc", "xyz")} by length has ccc={ByLength!.Contains("cc")}",
            $"doubled={Doubler!(21).Result}",
            $"roll={Roll!()},{Roll()}",
            $"twice={TwiceOfItem!()} after change={ChangeThing()}",
            $"labelled={Labelled!()},{Labelled()}",
            $"pipeline={Run!()} word={TakeWord!()} show={ShowInt!(5)} show(shared)={ReferenceEquals(ShowInt, Pipeline<int>.Show)}",
            $"cache<int>={string.Join(",", Cache<int>.Items)} hits {Cache<int>.Hits}; cache<string>={string.Join(",", Cache<string>.Items)} hits {Cache<string>.Hits}",
            $"ink: negate={NativeFunctions.Call("negate", 4)} identity={NativeFunctions.Call("identity", 9)} echo={NativeFunctions.Call("echo", "hi")} " +
                $"identity_f={NativeFunctions.Call("identity_f", 1.5)} identity_list={((List<string>)NativeFunctions.Call("identity_list", new List<string> { "x" })).Count} table={NativeFunctions.Table.Count}",
            $"bound: square={Externals.Call("square", 12)} shout={Externals.Call("shout", "go")}",
        };
        Say("bye");
        lines.Add("heard=" + string.Join(",", Heard));
        return string.Join("\n", lines) + "\n";
    }

    private static int ChangeThing()
    {
        Thing.Value = 50;
        return TwiceOfItem!();
    }
}
""";
    }
}
