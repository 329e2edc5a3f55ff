using System;
using System.Collections.Generic;
using System.Diagnostics;
using VarSave.Inspection;
using Xunit;

namespace VarSave.Tests.Fuzzing
{
    /// <summary>
    /// The generic decoder the varsave tool uses is as hostile-safe as a load: damaged snapshots (mostly
    /// re-sealed, so the checksum does not catch them) give a <see cref="SnapshotFormatException"/> and
    /// nothing else, quickly, however every record and reference of them is then walked.
    /// </summary>
    public class InspectionFuzzTests
    {
        [Fact]
        public void Damaged_snapshots_fail_the_generic_decoder_only_with_format_errors()
        {
            var seeds = FuzzSeeds.Build();
            // Undamaged, every seed decodes to its last record: the decoder knows every type kind and layout written.
            foreach (var (name, bytes) in seeds)
            {
                var whole = InspectedSnapshot.Open(bytes);
                for (int id = 0; id < whole.ObjectCount; id++) Assert.True(whole.Members(id) != null, name);
            }
            var mutator = new SnapshotMutator(seeds, FuzzSeeds.RegisteredKeys());
            var random = new Random(1414);
            int opened = 0, refused = 0;
            var slowest = TimeSpan.Zero;
            for (int i = 0; i < 20_000; i++)
            {
                var (bytes, description, _, _) = mutator.Next(random);
                var clock = Stopwatch.StartNew();
                try
                {
                    var snapshot = InspectedSnapshot.Open(bytes);
                    var references = new List<int>();
                    for (int id = 0; id < snapshot.ObjectCount; id++) snapshot.ReferencesOf(id, references);
                    opened++;
                }
                catch (SnapshotFormatException)
                {
                    refused++;
                }
                catch (Exception e)
                {
                    Assert.Fail($"iteration {i} ({description}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
                // A hang guard, not a speed test: one decode this slow is a loop on data.
                Assert.True(clock.Elapsed < HangGuard.HangAfter, $"iteration {i} ({description}) took {clock.Elapsed}");
            }
            // Both outcomes happen: the mutations reach past the envelope, and they are caught.
            Assert.True(opened > 1000 && refused > 1000, $"{opened} opened, {refused} refused");
        }
    }
}
