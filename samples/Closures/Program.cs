// Lambdas, closures, events and method groups saved in one process and resumed in another.
// Run "save PATH", then "load PATH" in a new process: the locals of the load branch take the
// saved delegates, which keep their captured state.
using System;
using System.Collections.Generic;
using static VarSave.ProgramState;

var path = args[1];
if (args[0] == "save")
{
    int x = 40;
    Func<int, int> addX = n => n + x;
    int count = 0;
    Func<int> counter = () => ++count;
    counter(); counter(); counter();
    var bell = new Bell();
    bell.Rang += sound => Console.WriteLine($"first subscriber heard {sound}");
    bell.Rang += sound => Console.WriteLine($"second subscriber heard {sound}");
    Func<string, string> greet = new Greeter("Hello").Greet;   // method group on an instance
    Func<int, int> square = n => n * n;                        // captures nothing
    SaveToFile(path);
    Console.WriteLine($"saved: counter at {count}");
}
else
{
    Func<int, int> addX = null!;
    Func<int> counter = null!;
    Bell bell = null!;
    Func<string, string> greet = null!;
    Func<int, int> square = null!;
    LoadFromFile(path);
    Console.WriteLine($"addX(2) = {addX(2)}");
    Console.WriteLine($"counter() = {counter()}");
    bell.Ring("ding");
    Console.WriteLine($"greet(\"Bob\") = {greet("Bob")}");
    Console.WriteLine($"square(7) = {square(7)}");
}

class Bell
{
    public event Action<string>? Rang;
    public void Ring(string sound) => Rang?.Invoke(sound);
}

class Greeter
{
    public Greeter(string greeting) => Greeting = greeting;
    public string Greeting;
    public string Greet(string name) => $"{Greeting}, {name}";
}
