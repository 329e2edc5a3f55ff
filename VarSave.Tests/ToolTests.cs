using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// The varsave tool run as a process, as a user runs it, on saves of samples/Game (woven by real
    /// Fody). The tool has none of the game's types: it reads the snapshots generically.
    /// </summary>
    public class ToolTests : IDisposable
    {
        private readonly string _directory = Processes.NewTemporaryDirectory();

        public void Dispose() => Directory.Delete(_directory, true);

        private static string ToolPath =>
            Path.Combine(Processes.RepositoryRoot, "tools", "VarSave.Tool", "bin", Processes.Configuration, "net10.0", "VarSave.Tool.dll");

        private DotnetRun Tool(params string[] arguments) => Processes.RunDotnet(_directory, new[] { ToolPath }.Concat(arguments).ToArray());

        /// <summary>Plays <paramref name="ticks"/> ticks of the demo game and saves; returns the file.</summary>
        private string SaveGame(int ticks, params string[] extra)
        {
            string file = Path.Combine(_directory, $"tick{ticks}.varsave");
            Processes.Dotnet(_directory, new[] { Processes.Sample("Game"), "run", "--ticks", ticks.ToString(), "--save", file }.Concat(extra).ToArray());
            return file;
        }

        private static void AssertOneErrorLine(DotnetRun run, string expected)
        {
            Assert.Equal(1, run.ExitCode);
            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, "expected one line of error, got:\n" + run.Error);
            Assert.StartsWith("varsave: error: ", lines[0]);
            Assert.Contains(expected, lines[0]);
            Assert.DoesNotContain("   at ", run.All);
        }

        [Fact]
        public void Inspect_shows_the_header_the_types_and_the_worlds_roots_with_their_sizes()
        {
            var run = Tool("inspect", SaveGame(50));

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("format version 1", run.Output);
            Assert.Matches(@"Signed\s+no", run.Output);
            Assert.Matches(@"Checksum\s+valid", run.Output);
            Assert.Matches(@"│\s*\d+ │ Game\.Hero\s+│ woven\s+│\s+2 │\s+\d+ B │", run.Output);
            Assert.Matches(@"static Game\.World — [\d.]+ [KM]?B, \d+ objects", run.Output);
            foreach (var root in new[] { "Characters = System.Collections.Generic.List<Game.Character>", "Schedule = ", "Research = Game.Sage::Research(System.Int32)#statemachine", "Rng = Game.Rng" })
                Assert.Matches(Regex.Escape(root) + @".* — [\d.]+ [KM]?B, \d+ objects?\n", run.Output);
            Assert.Contains("Tick = 50 — ", run.Output);
            Assert.Contains("savedAtTick = 50", run.Output);
        }

        [Fact]
        public void Show_prints_a_hero_by_path_with_dictionary_entries_by_key_and_shared_objects_and_cycles_marked()
        {
            string file = SaveGame(50);

            var hero = Tool("show", file, "static Game.World.Characters[0]", "--depth", "3");
            Assert.Equal(0, hero.ExitCode);
            Assert.StartsWith("static Game.World.Characters[0] = Game.Hero #", hero.Output);
            Assert.Contains("├── .Name = \"Ayla\"", hero.Output);
            Assert.Contains(".Stash = System.Collections.Generic.Dictionary<System.String,System.Int32>", hero.Output);
            Assert.Contains("[\"potion\"] = 3", hero.Output);
            Assert.Contains("(shared: ", hero.Output);
            Assert.Contains("↺ cycle: back to static Game.World.Characters[0]", hero.Output);

            var potion = Tool("show", file, "static Game.World.Characters[0].Stash[\"potion\"]");
            Assert.Equal("static Game.World.Characters[0].Stash[\"potion\"] = 3\n", potion.Output);

            AssertOneErrorLine(Tool("show", file, "static Game.World.Characters[0].Stash[\"dragon\"]"), "has no key [\"dragon\"]; its keys are: \"gold\", \"potion\"");
            AssertOneErrorLine(Tool("show", file, "static Game.World.Heroes"), "no root 'static Game.World.Heroes'");
        }

        [Fact]
        public void Json_parses_with_System_Text_Json_and_holds_every_object_and_reference()
        {
            string file = SaveGame(50);
            var run = Tool("json", file);
            Assert.Equal(0, run.ExitCode);

            using var json = JsonDocument.Parse(run.Output);
            var objects = json.RootElement.GetProperty("objects").EnumerateArray().ToList();
            var header = Tool("inspect", file).Output;
            int count = int.Parse(Regex.Match(header, @"Contents\s+(\d+) objects").Groups[1].Value);
            Assert.Equal(count, objects.Count);
            Assert.Equal(Enumerable.Range(0, count), objects.Select(o => o.GetProperty("id").GetInt32()));

            var referenced = new HashSet<int>();
            void Collect(JsonElement e)
            {
                if (e.ValueKind == JsonValueKind.Object)
                    foreach (var p in e.EnumerateObject())
                        if (p.Name == "$ref") referenced.Add(p.Value.GetInt32());
                        else Collect(p.Value);
                else if (e.ValueKind == JsonValueKind.Array)
                    foreach (var item in e.EnumerateArray()) Collect(item);
            }
            Collect(json.RootElement.GetProperty("roots"));
            foreach (var o in objects) Collect(o);
            Assert.Equal(Enumerable.Range(0, count), referenced.OrderBy(i => i)); // every object is reached, every $ref resolves

            var world = json.RootElement.GetProperty("roots").GetProperty("statics")[0];
            Assert.Equal("Game.World", world.GetProperty("type").GetString());
            Assert.Equal(50, world.GetProperty("fields").GetProperty("Tick").GetInt32());
            int heroId = world.GetProperty("fields").GetProperty("Characters").GetProperty("$ref").GetInt32();
            int firstHero = objects[heroId].GetProperty("items")[0].GetProperty("$ref").GetInt32();
            Assert.Equal("Game.Hero", objects[firstHero].GetProperty("type").GetString());
            Assert.Equal("Ayla", objects[firstHero].GetProperty("fields").GetProperty("Name").GetString());
        }

        [Fact]
        public void Diff_of_the_saves_at_tick_50_and_51_names_what_changed()
        {
            string tick50 = SaveGame(50), tick51 = SaveGame(51);

            var run = Tool("diff", tick50, tick51);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("~ static Game.World.Tick: 50 → 51\n", run.Output);
            Assert.Contains("~ local savedAtTick: 50 → 51\n", run.Output);
            Assert.Matches(@"\+ static Game\.World\.Log\[\d+\] = ""t051 ", run.Output);
            Assert.Matches(@"~ static Game\.World\.Kills\[""\w+""\]: \d+ → \d+", run.Output);
            Assert.Matches(@"\d+ differences \(\d+ changed, \d+ added, \d+ removed\)\.\n$", run.Output);

            var same = Tool("diff", tick50, tick50);
            Assert.Equal("The snapshots hold the same values.\n", same.Output);
        }

        [Fact]
        public void Verify_passes_a_sound_save_and_fails_a_flipped_byte_and_the_wrong_key()
        {
            string plain = SaveGame(50);
            var ok = Tool("verify", plain);
            Assert.Equal(0, ok.ExitCode);
            Assert.EndsWith("OK\n", ok.Output);

            var bytes = File.ReadAllBytes(plain);
            bytes[bytes.Length / 2] ^= 0x01;
            string flipped = Path.Combine(_directory, "flipped.varsave");
            File.WriteAllBytes(flipped, bytes);
            AssertOneErrorLine(Tool("verify", flipped), "checksum does not match");

            string key = Path.Combine(_directory, "game.key"), wrong = Path.Combine(_directory, "other.key");
            File.WriteAllText(key, "the game's key, 32 bytes or more");
            File.WriteAllText(wrong, "somebody else's key, 32 bytes or more");
            string signed = SaveGame(20, "--key-file", key);
            var good = Tool("verify", signed, "--key-file", key);
            Assert.Equal(0, good.ExitCode);
            Assert.Contains("signature: valid (HMAC-SHA256", good.Output);
            AssertOneErrorLine(Tool("verify", signed, "--key-file", wrong), "the signature does not match the key in other.key");
            AssertOneErrorLine(Tool("verify", plain, "--key-file", key), "not signed");
            Assert.Contains("signature: present, not checked", Tool("verify", signed).Output);
        }

        [Fact]
        public void A_truncated_or_hostile_file_gives_exit_code_1_and_one_clear_line_for_every_command()
        {
            string file = SaveGame(50);
            var bytes = File.ReadAllBytes(file);
            string truncated = Path.Combine(_directory, "truncated.varsave");
            File.WriteAllBytes(truncated, bytes[..(bytes.Length * 2 / 3)]);
            // Cut inside the roots and sealed again: the checksum holds, the structure does not.
            string hostile = Path.Combine(_directory, "hostile.varsave");
            File.WriteAllBytes(hostile, SnapshotSurgery.Reseal(bytes, body => body[..^20]));

            foreach (var command in new[] { new[] { "inspect", truncated }, new[] { "show", truncated, "local savedAtTick" }, new[] { "json", truncated }, new[] { "diff", file, truncated }, new[] { "verify", truncated } })
                AssertOneErrorLine(Tool(command), "truncated.varsave: ");
            AssertOneErrorLine(Tool("inspect", truncated), "checksum does not match");
            AssertOneErrorLine(Tool("inspect", hostile), "truncated");
            AssertOneErrorLine(Tool("json", hostile), "hostile.varsave: ");
            AssertOneErrorLine(Tool("inspect", Path.Combine(_directory, "missing.varsave")), "no such file");
            File.WriteAllText(Path.Combine(_directory, "text.varsave"), "hello, not a snapshot at all");
            AssertOneErrorLine(Tool("verify", Path.Combine(_directory, "text.varsave")), "not a VarSave snapshot");
        }

        [Fact]
        public void Every_command_has_help()
        {
            foreach (var command in new[] { "inspect", "show", "json", "diff", "verify" })
            {
                var run = Tool(command, "--help");
                Assert.Equal(0, run.ExitCode);
                Assert.Contains("Usage:\n  varsave " + command, run.Output);
            }
        }

        [Fact]
        public void The_tool_installs_from_a_local_pack_and_runs_as_varsave()
        {
            string feed = Path.Combine(_directory, "feed"), tools = Path.Combine(_directory, "tools");
            Processes.Dotnet(Processes.RepositoryRoot, "pack", Path.Combine("tools", "VarSave.Tool"), "-c", Processes.Configuration, "-o", feed, "-nodeReuse:false");
            string version = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(feed, "VarSave.Tool.*.nupkg"))).Substring("VarSave.Tool.".Length);
            try
            {
                Processes.Dotnet(_directory, "tool", "install", "VarSave.Tool", "--tool-path", tools, "--prerelease", "--add-source", feed);
                var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(tools, OperatingSystem.IsWindows() ? "varsave.exe" : "varsave"), new[] { "verify", SaveGame(10) })
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using var process = System.Diagnostics.Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Assert.Equal(0, process.ExitCode);
                Assert.EndsWith("OK\n", output.Replace("\r\n", "\n"));
            }
            finally
            {
                var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
                var restored = Path.Combine(cache, "varsave.tool", version.ToLowerInvariant());
                if (Directory.Exists(restored)) Directory.Delete(restored, true);
            }
        }

        [Fact]
        public void An_object_snapshot_is_read_with_its_one_root_named_object()
        {
            var holder = Woven.New("Holder");
            holder.Scores["gold"] = 7;
            string file = Path.Combine(_directory, "holder.varsave");
            ObjectSnapshot.SerializeToFile(file, (object)holder);

            var run = Tool("show", file, "object.Scores[\"gold\"]");

            Assert.Equal("object.Scores[\"gold\"] = 7\n", run.Output);
            Assert.Contains("object = AssemblyToProcess.Holder #0", Tool("inspect", file).Output);
        }

        [Fact]
        public void Json_and_show_decode_the_bcl_collections_a_program_holds()
        {
            var queue = new PriorityQueue<string, int>();
            queue.Enqueue("a", 2);
            queue.Enqueue("b", 1);
            var list = new List<int> { 1, 2 };
            string file = Path.Combine(_directory, "collections.varsave");
            ObjectSnapshot.SerializeToFile(file, new object[]
            {
                queue,
                System.Collections.Immutable.ImmutableDictionary.Create<string, string>(StringComparer.Ordinal).Add("k", "v"),
                list.AsReadOnly(),
                new System.Collections.BitArray(new[] { true, false }),
            });

            using var json = JsonDocument.Parse(Tool("json", file).Output);
            var objects = json.RootElement.GetProperty("objects").EnumerateArray().ToList();
            Assert.DoesNotContain(objects, o => o.TryGetProperty("undecodedBytes", out _));
            var items = objects.Single(o => o.GetProperty("type").GetString()!.StartsWith("System.Collections.Generic.PriorityQueue")).GetProperty("items");
            Assert.Equal("b:1 a:2", string.Join(" ", items.EnumerateArray().Select(i => i.GetProperty("element").GetString() + ":" + i.GetProperty("priority").GetInt32())));
            var bits = objects.Single(o => o.GetProperty("type").GetString() == "System.Collections.BitArray").GetProperty("fields");
            Assert.Equal("10", bits.GetProperty("Bits").GetString());

            Assert.Equal("object[1][\"k\"] = \"v\"\n", Tool("show", file, "object[1][\"k\"]").Output);
            Assert.Equal("object[0][1] = \"b\"\n", Tool("show", file, "object[0][1]").Output);
            Assert.Equal("object[2].Wrapped[1] = 2\n", Tool("show", file, "object[2].Wrapped[1]").Output);
        }
    }
}
