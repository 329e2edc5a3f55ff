using System.IO;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// Types of a library that is not woven (System.Drawing's Color struct, System.Net's IPAddress class) are
    /// saved through surrogates the program registers, in fields, collections, boxed values and object
    /// locals, across two processes; a class keeps its identity. A program that did not register one cannot
    /// load them, and says how to fix it.
    /// </summary>
    public class SurrogateTests
    {
        private const string Source = @"
using System;
using System.Collections.Generic;
using System.Drawing;
using System.Linq;
using System.Net;
using static VarSave.ProgramState;

public class Palette
{
    public Color Main;
    public List<Color> Swatches = new List<Color>();
    public object? Boxed;
    public IPAddress? Host;
    public IPAddress? SameHost;
    public Dictionary<string, IPAddress> Hosts = new Dictionary<string, IPAddress>();
}

public static class World { public static Palette? Palette; }

public static class Program
{
    public static void Main(string[] args)
    {
        if (args[0] != ""unregistered"")
        {
            VarSave.Surrogates.Register<Color, (byte A, byte R, byte G, byte B)>(c => (c.A, c.R, c.G, c.B), t => Color.FromArgb(t.A, t.R, t.G, t.B));
            VarSave.Surrogates.Register<IPAddress, string>(a => a.ToString(), s => IPAddress.Parse(s));
        }
        object accent = Color.Empty;
        if (args[0] == ""save"")
        {
            var host = IPAddress.Parse(""192.168.1.20"");
            World.Palette = new Palette
            {
                Main = Color.FromArgb(255, 10, 20, 30),
                Swatches = { Color.FromArgb(128, 1, 2, 3), Color.FromArgb(0, 255, 255, 255) },
                Boxed = Color.FromArgb(1, 2, 3, 4),
                Host = host,
                SameHost = host,
                Hosts = { [""v6""] = IPAddress.Parse(""::1""), [""again""] = host },
            };
            accent = Color.FromArgb(255, 0, 128, 128);
            SaveToFile(args[1]);
            Console.WriteLine(""saved"");
            return;
        }
        try { LoadFromFile(args[1]); }
        catch (VarSave.VarSaveException e) { Console.WriteLine(e.Message); return; }
        var p = World.Palette!;
        Console.WriteLine($""{p.Main.ToArgb():X8} {string.Join("","", p.Swatches.Select(c => c.ToArgb().ToString(""X8"")))} {((Color)p.Boxed!).ToArgb():X8} {((Color)accent).ToArgb():X8}"");
        Console.WriteLine($""{p.Host} {ReferenceEquals(p.Host, p.SameHost)} {p.Hosts[""v6""]} {ReferenceEquals(p.Hosts[""again""], p.Host)}"");
    }
}";

        [Fact]
        public void Library_types_round_trip_through_registered_surrogates_across_processes()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source);
            // The weaver read the Register calls: the Color and IPAddress fields get no "can never be saved" warning.
            Assert.Empty(program.Warnings);
            string file = Path.Combine(directory, "palette.varsave");
            Assert.Equal("saved\n", program.Run(directory, "save", file));
            Assert.Equal("FF0A141E 80010203,00FFFFFF 01020304 FF008080\n192.168.1.20 True ::1 True\n", program.Run(directory, "load", file));
            string refused = program.Run(directory, "unregistered", file);
            Assert.Contains("System.Drawing.Color saved through a surrogate, but the loading program registered none", refused);
            Assert.Contains("VarSave.Surrogates.Register", refused);
            Directory.Delete(directory, true);
        }
    }
}
