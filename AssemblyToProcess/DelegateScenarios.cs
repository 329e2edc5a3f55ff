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
    }
}
