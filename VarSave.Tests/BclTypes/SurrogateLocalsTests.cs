using System.IO;
using System.Linq;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// Locals declared with a type saved through a surrogate (System.Drawing's Color struct, System.Net's IPAddress
    /// class) are saved and restored across two processes: a plain local and a local captured by a lambda in the
    /// top-level statements, and locals hoisted into an async state machine across an await, in Debug and Release.
    /// The weaver learns the types from the program's own <c>Surrogates.Register</c> calls, or from
    /// <c>[assembly: SaveWithSurrogate]</c> on a library that registers them for its consumers. A program that never
    /// runs its registration fails the save (and <c>Check</c> reports it) naming the local and the method.
    /// </summary>
    public class SurrogateLocalsTests
    {
        private const string Source = @"
using System;
using System.Drawing;
using System.Net;
using System.Threading.Tasks;
using VarSave;
using static VarSave.ProgramState;

if (args[0] != ""unregistered"")
{
    Surrogates.Register<Color, (byte A, byte R, byte G, byte B)>(c => (c.A, c.R, c.G, c.B), t => Color.FromArgb(t.A, t.R, t.G, t.B));
    Surrogates.Register<IPAddress, string>(a => a.ToString(), IPAddress.Parse);
}
Color ink = Color.Empty;
IPAddress host = IPAddress.None;
Func<string> describe = () => ""host "" + host;
if (args[0] == ""unregistered"")
{
    ink = Color.FromArgb(255, 10, 20, 30);
    host = IPAddress.Parse(""10.0.0.9"");
    foreach (var problem in Check().Problems) Console.WriteLine(""check: "" + problem.Path + "": "" + problem.Reason);
    try { SaveToFile(args[1]); Console.WriteLine(""saved without a surrogate""); }
    catch (VarSaveException e) { Console.WriteLine(""save: "" + e.Message); }
    return;
}
if (args[0] == ""save"")
{
    ink = Color.FromArgb(255, 10, 20, 30);
    host = IPAddress.Parse(""10.0.0.7"");
    SaveToFile(args[1]);
}
else LoadFromFile(args[1]);
Console.WriteLine($""{ink.ToArgb():X8} {host} {describe()}"");
host = IPAddress.Parse(""10.0.0.8"");
Console.WriteLine(describe());
Console.WriteLine(await Painter.AcrossAnAwait(args[1] + "".async"", args[0] == ""save""));

static class Painter
{
    public static async Task<string> AcrossAnAwait(string file, bool save)
    {
        Color shade = Color.FromArgb(1, 1, 1, 1);
        IPAddress peer = IPAddress.Loopback;
        await Task.Yield();
        if (save)
        {
            shade = Color.FromArgb(200, 100, 50, 25);
            peer = IPAddress.IPv6Loopback; // a non-public ReadOnlyIPAddress, saved through IPAddress's surrogate
            SaveToFile(file);
        }
        else LoadFromFile(file);
        await Task.Yield();
        return $""{shade.ToArgb():X8} {peer}"";
    }
}";

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Locals_of_surrogate_types_are_saved_plain_captured_and_across_an_await(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source, release);
            string file = Path.Combine(directory, "locals.varsave");
            const string Expected = "FF0A141E 10.0.0.7 host 10.0.0.7\nhost 10.0.0.8\nC8643219 ::1\n";
            Assert.Equal(Expected, program.Run(directory, "save", file));
            // A new process: the locals take their saved values, and the lambda shares the restored variable.
            Assert.Equal(Expected, program.Run(directory, "load", file));
            Assert.DoesNotContain(WeaverMessages.Of(Path.Combine(directory, "Program.dll")),
                m => (m.Code == "VARSAVE005" || m.Code == "VARSAVE006") && new[] { "ink", "host", "shade", "peer" }.Any(name => m.Text.Contains(name)));
            Directory.Delete(directory, true);
        }

        [Fact]
        public void A_save_without_the_registration_fails_naming_the_local_and_the_method()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, Source);
            string file = Path.Combine(directory, "locals.varsave");
            var lines = program.Run(directory, "unregistered", file).Split('\n');
            string check = Assert.Single(lines, l => l.StartsWith("check: local ink"));
            Assert.Contains("the local ink of the top-level statements (Program.cs line 21)", check);
            Assert.Contains("no surrogate for System.Drawing.Color is registered", check);
            Assert.Contains("VarSave.Surrogates.Register<Color, TStandIn>(save, load)", check);
            Assert.DoesNotContain("set the local to null", check); // a struct cannot be null
            Assert.Contains(lines, l => l.StartsWith("check: local host") && l.Contains("no surrogate for System.Net.IPAddress is registered") && l.Contains("set the local to null"));
            string save = Assert.Single(lines, l => l.StartsWith("save: "));
            // Locals are saved in name order: host is the first to fail.
            Assert.StartsWith("save: Cannot save local host -> System.Net.IPAddress: the local host of the top-level statements (Program.cs line 22)", save);
            Assert.Contains("VarSave.Surrogates.Register<IPAddress, TStandIn>(save, load)", save);
            Assert.False(File.Exists(file));
            Directory.Delete(directory, true);
        }

        private const string Library = @"
using System.Drawing;

[assembly: VarSave.SaveWithSurrogate(typeof(Color))]

namespace Palettes
{
    public static class Setup
    {
        public static void RegisterSurrogates() => VarSave.Surrogates.Register<Color, int>(c => c.ToArgb(), Color.FromArgb);
    }
}";

        private const string Consumer = @"
using System;
using System.Drawing;
using static VarSave.ProgramState;

Palettes.Setup.RegisterSurrogates();
Color ink = Color.Empty;
Point unsaved = new Point(1, 2);
if (args[0] == ""save"")
{
    ink = Color.FromArgb(255, 10, 20, 30);
    SaveToFile(args[1]);
}
else LoadFromFile(args[1]);
Console.WriteLine($""{ink.ToArgb():X8} {unsaved.X}"");
";

        [Fact]
        public void A_library_that_registers_a_surrogate_declares_it_for_its_consumers_with_an_assembly_attribute()
        {
            var directory = Processes.NewTemporaryDirectory();
            var library = CompiledProgram.BuildLibrary(Path.Combine(directory, "lib"), Library, "Palettes");
            var program = CompiledProgram.Build(directory, Consumer, "Program", library);
            string file = Path.Combine(directory, "consumer.varsave");
            Assert.Equal("FF0A141E 1\n", program.Run(directory, "save", file));
            Assert.Equal("FF0A141E 1\n", program.Run(directory, "load", file));
            // A local of a library type nobody declared is skipped, and the message says how to declare it.
            var skipped = Assert.Single(WeaverMessages.Of(Path.Combine(directory, "Program.dll")), m => m.Code == "VARSAVE005");
            Assert.Contains("local 'unsaved' (System.Drawing.Point)", skipped.Text);
            Assert.Contains("VarSave.Surrogates.Register<Point, TStandIn>(save, load)", skipped.Text);
            Assert.Contains("[assembly: VarSave.SaveWithSurrogate(typeof(Point))]", skipped.Text);
            Directory.Delete(directory, true);
        }
    }
}
