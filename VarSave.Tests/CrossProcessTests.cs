using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>The seed example: one woven program saves, a different woven program that redefines the classes loads.</summary>
    public class CrossProcessTests
    {
        [Fact]
        public void A_second_program_that_redefines_the_classes_loads_the_first_programs_state()
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "seed.varsave");

            var saved = Processes.Dotnet(directory, Processes.Sample("SeedSave"), file);
            Assert.Contains("saved x=42", saved);
            Assert.True(File.Exists(file));

            var loaded = Processes.Dotnet(directory, Processes.Sample("SeedLoad"), file);
            Assert.Equal(
                "42\nAlice\nsword,potion\ncycle kept\nGoblin hp 30\nhigh score 1234\nskipped locals: enemy\n",
                loaded);
            Directory.Delete(directory, true);
        }

        [Fact]
        public void Lambdas_closures_events_and_method_groups_resume_in_a_new_process()
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "closures.varsave");

            Assert.Equal("saved: counter at 3\n", Processes.Dotnet(directory, Processes.Sample("Closures"), "save", file));
            var loaded = Processes.Dotnet(directory, Processes.Sample("Closures"), "load", file);

            Assert.Equal(
                "addX(2) = 42\ncounter() = 4\nfirst subscriber heard ding\nsecond subscriber heard ding\n" +
                "greet(\"Bob\") = Hello, Bob\nsquare(7) = 49\n",
                loaded);
            Directory.Delete(directory, true);
        }

        [Fact]
        public void Loading_a_damaged_file_in_another_process_fails_with_a_clear_message_and_no_crash()
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "seed.varsave");
            Processes.Dotnet(directory, Processes.Sample("SeedSave"), file);
            var bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

            var error = Assert.ThrowsAny<System.Exception>(() => Processes.Dotnet(directory, Processes.Sample("SeedLoad"), file));
            Assert.Contains("VarSave.SnapshotFormatException", error.Message);
            Assert.Contains("checksum", error.Message);
            Directory.Delete(directory, true);
        }
    }
}
