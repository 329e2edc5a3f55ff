using System.IO;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// A surrogate class's stand-in may be an object (an array, a woven object holding a list): the program's load
    /// function gets it complete, filled with what was saved, as the key of an immutable set too.
    /// </summary>
    public class SurrogateStandInTests
    {
        private const string Source = @"
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using static VarSave.ProgramState;

public class Parts { public List<int> Numbers = new List<int>(); public string Label = """"; }

public static class World
{
    public static IPAddress? Host; public static IPAddress? SameHost;
    public static ImmutableHashSet<IPAddress>? Allowed;
}

public static class Program
{
    public static void Main(string[] args)
    {
        VarSave.Surrogates.Register<IPAddress, byte[]>(a => a.GetAddressBytes(), b => new IPAddress(b));
        if (args[0] == ""save"")
        {
            World.Host = World.SameHost = IPAddress.Parse(""192.168.1.20"");
            World.Allowed = ImmutableHashSet.Create(IPAddress.Parse(""10.0.0.1""), IPAddress.Parse(""10.0.0.2""));
            SaveToFile(args[1]);
            Console.WriteLine(""saved"");
            return;
        }
        LoadFromFile(args[1]);
        Console.WriteLine($""{World.Host} {ReferenceEquals(World.Host, World.SameHost)} {World.Allowed!.Contains(IPAddress.Parse(""10.0.0.2""))} {string.Join("","", World.Allowed.Select(a => a.ToString()).OrderBy(a => a))}"");
    }
}";

        [Fact]
        public void A_surrogate_whose_stand_in_is_an_array_gets_it_filled_across_processes() =>
            Assert.Equal("192.168.1.20 True True 10.0.0.1,10.0.0.2\n", SaveAndLoad(Source));

        /// <summary>Builds <paramref name="source"/>, saves in one process and loads in another; returns what the loading one printed.</summary>
        private static string SaveAndLoad(string source)
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, source);
            string file = Path.Combine(directory, "stand-in.varsave");
            Assert.Equal("saved\n", program.Run(directory, "save", file));
            string loaded = program.Run(directory, "load", file);
            Directory.Delete(directory, true);
            return loaded;
        }

        private const string WovenStandIn = @"
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using static VarSave.ProgramState;

public class Half { public List<byte> Bytes = new List<byte>(); public Half? Next; }

public static class World { public static IPAddress? Host; }

public static class Program
{
    public static void Main(string[] args)
    {
        // The stand-in is a woven object holding another, each with a list: the load function reads all of them.
        VarSave.Surrogates.Register<IPAddress, Half>(
            a => new Half { Bytes = a.GetAddressBytes().Take(2).ToList(), Next = new Half { Bytes = a.GetAddressBytes().Skip(2).ToList() } },
            s => new IPAddress(s.Bytes.Concat(s.Next!.Bytes).ToArray()));
        if (args[0] == ""save"")
        {
            World.Host = IPAddress.Parse(""1.2.3.4"");
            SaveToFile(args[1]);
            Console.WriteLine(""saved"");
            return;
        }
        LoadFromFile(args[1]);
        Console.WriteLine(World.Host);
    }
}";

        [Fact]
        public void A_surrogate_whose_stand_in_is_a_woven_object_gets_it_and_what_it_holds_filled() =>
            Assert.Equal("1.2.3.4\n", SaveAndLoad(WovenStandIn));
    }
}
