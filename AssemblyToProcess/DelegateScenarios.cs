using System;
using System.Collections.Generic;

namespace AssemblyToProcess
{
    public class Bell
    {
        public event Action<string>? Rang;

        public void Ring(string sound) => Rang?.Invoke(sound);
    }

    public class Greeter
    {
        public Greeter(string greeting) => Greeting = greeting;

        public string Greeting;

        public virtual string Greet(string name) => Greeting + ", " + name;
    }

    public sealed class LoudGreeter : Greeter
    {
        public LoudGreeter() : base("HEY") { }

        public override string Greet(string name) => base.Greet(name).ToUpperInvariant() + "!";
    }

    /// <summary>Delegates of every shape, kept in statics so a save reaches them.</summary>
    public static class Delegates
    {
        public static Func<int, int>? AddX;
        public static Func<int>? Counter;
        public static Func<int>? SameCounterAgain;
        public static Bell? Bell;
        public static Func<string, string>? Greet;
        public static Func<string, string>? VirtualGreet;
        public static Func<int, int>? Square;
        public static Func<int, int>? Twice;
        public static Func<int>? LocalFunction;
        public static List<string> Log = new List<string>();

        public static void Build()
        {
            int x = 40;
            AddX = n => n + x;
            int count = 0;
            Counter = () => ++count;
            SameCounterAgain = () => count * 100;
            Counter();
            Counter();
            Counter();
            Bell = new Bell();
            Bell.Rang += s => Log.Add("first:" + s);
            Bell.Rang += s => Log.Add("second:" + s);
            Greet = new Greeter("Hello").Greet;
            Greeter loud = new LoudGreeter();
            VirtualGreet = loud.Greet;
            Square = n => n * n;
            Twice = Double;
            int seed = 5;
            int Next() => seed += 10;
            LocalFunction = Next;
        }

        public static void Clear()
        {
            AddX = null; Counter = null; SameCounterAgain = null; Bell = null; Greet = null;
            VirtualGreet = null; Square = null; Twice = null; LocalFunction = null;
            Log.Clear();
        }

        /// <summary>What the restored delegates do now.</summary>
        public static string Describe()
        {
            Bell!.Ring("ding");
            int next = Counter!();
            return $"addX(2)={AddX!(2)} counter={next} shared={SameCounterAgain!()} log={string.Join(",", Log)} " +
                   $"greet={Greet!("Bob")} virtual={VirtualGreet!("Ann")} square={Square!(7)} twice={Twice!(21)} local={LocalFunction!()}";
        }

        private static int Double(int n) => n * 2;
    }

    /// <summary>Delegates to public methods of other assemblies, made by woven code, so they can be rebound.</summary>
    public static class ForeignDelegate
    {
        public static Action<string> Make() => Console.WriteLine;

        public static Action<string> AdderOf(List<string> items) => items.Add;

        public static Func<int> Seven() => () => 7;

        /// <summary>A delegate whose target is another delegate (issue 11): loading must create the inner one first.</summary>
        public static Func<int> Forwarding(Func<int> inner) => inner.Invoke;
    }
}

namespace AssemblyToProcess
{
    /// <summary>Generic code, struct methods and extension-method groups made into delegates (issue 11).</summary>
    public static class GenericDelegates
    {
        public static Func<int, int>? IdentityOfInt;
        public static Func<string>? Labelled;
        public static Func<int>? Roll;
        public static Func<int>? TwiceOfItem;
        public static Func<int, System.Threading.Tasks.Task<int>>? Doubler;

        public static void Build()
        {
            Doubler = async x => { await System.Threading.Tasks.Task.Yield(); return x * 2; };
            IdentityOfInt = Identity<int>;
            Labelled = Label("x");
            var die = new Die { Face = 3 };
            Roll = die.Next;
            TwiceOfItem = new Counted { Value = 21 }.Twice;
            Memo<int>.Seen.Add(1);
            Memo<string>.Seen.Add("one");
        }

        public static void Clear()
        {
            IdentityOfInt = null; Labelled = null; Roll = null; TwiceOfItem = null; Doubler = null;
            Memo<int>.Seen = new List<int>();
            Memo<string>.Seen = new List<string>();
        }

        public static string Describe() =>
            $"identity={IdentityOfInt!(5)} labelled={Labelled!()} roll={Roll!()} twice={TwiceOfItem!()} doubled={Doubler!(21).Result} memo={string.Join(",", Memo<int>.Seen)}/{string.Join(",", Memo<string>.Seen)}";

        private static T Identity<T>(T value) => value;

        private static Func<string> Label<T>(T label) => () => label + "!";
    }

    public struct Die
    {
        public int Face;

        public int Next() => ++Face;
    }

    public class Counted
    {
        public int Value;
    }

    public static class CountedExtensions
    {
        public static int Twice(this Counted counted) => counted.Value * 2;
    }

    /// <summary>A generic type's statics: one set per closed instantiation.</summary>
    public static class Memo<T>
    {
        public static List<T> Seen = new List<T>();
    }
}
