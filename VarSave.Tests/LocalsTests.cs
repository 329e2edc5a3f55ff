using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>Woven call sites save the caller's locals and assign them back after a load.</summary>
    public class LocalsTests
    {
        [Fact]
        public void Plain_locals_are_saved_and_assigned_back()
        {
            Assert.Equal("42,Alice,1|2,Hero", Woven.Call("LocalScenarios", "PlainLocals"));
        }

        [Fact]
        public void Locals_captured_by_a_lambda_or_a_local_function_are_saved_and_assigned_back()
        {
            // total = 10 + 1 + 2 + 3; counter was bumped once to 8, and the restored closure keeps counting.
            Assert.Equal("16,8,9", Woven.Call("LocalScenarios", "CapturedLocals"));
        }

        [Fact]
        public async System.Threading.Tasks.Task Locals_of_an_async_method_hoisted_into_its_state_machine_are_saved_and_assigned_back()
        {
            var result = await (System.Threading.Tasks.Task<string>)Woven.Call("LocalScenarios", "AsyncLocals")!;
            Assert.Equal("42,Alice,7,7", result);
        }

        [Fact]
        public void Struct_and_enum_locals_round_trip_through_a_file()
        {
            var path = Path.Combine(Path.GetTempPath(), "varsave-locals-" + System.Guid.NewGuid().ToString("N") + ".varsave");
            try
            {
                Assert.Equal("(3,4),Furious", Woven.Call("LocalScenarios", "FileRoundTrip", path));
                Assert.True(File.Exists(path));
            }
            finally { File.Delete(path); }
        }

        [Fact]
        public void Locals_without_a_counterpart_are_reported_as_skipped()
        {
            var saved = (Snapshot)Woven.Call("LocalScenarios", "SaveObjectLocal", "text")!;
            var report = (string)Woven.Call("LocalScenarios", "LoadReportOf", saved)!;
            Assert.Equal("|held;value|1", report); // value: the parameter of SaveObjectLocal
        }

        [Fact]
        public void An_object_local_holding_an_unsaveable_value_fails_with_its_path()
        {
            var error = Assert.Throws<UnsaveableObjectException>(() => Woven.Call("LocalScenarios", "SaveObjectLocal", new MemoryStream()));
            Assert.Equal("local held", error.ObjectPath);
            Assert.Contains("local held -> System.IO.MemoryStream", error.Message);
        }

        [Fact]
        public void A_local_declared_saved_through_a_surrogate_that_no_one_registered_fails_naming_the_local_and_its_method()
        {
            // AssemblyToProcess declares IPAddress with [assembly: SaveWithSurrogate]; the fuzz seeds register one in this
            // process (the registry is process-wide), so it is taken out for this test and put back after.
            var registered = VarSave.Codecs.Surrogates.SurrogateRegistry.Find(typeof(System.Net.IPAddress));
            if (registered != null) VarSave.Codecs.Surrogates.SurrogateRegistry.Remove(registered);
            UnsaveableObjectException error;
            try { error = Assert.Throws<UnsaveableObjectException>(() => Woven.Call("LocalScenarios", "SurrogateLocal")); }
            finally { if (registered != null) VarSave.Codecs.Surrogates.SurrogateRegistry.Add(registered); }
            Assert.Equal("local host", error.ObjectPath);
            Assert.StartsWith("the local host of AssemblyToProcess.LocalScenarios.SurrogateLocal (LocalScenarios.cs line 106) was woven to be saved through a surrogate", error.Reason);
            Assert.Contains("Call VarSave.Surrogates.Register<IPAddress, TStandIn>(save, load) before saving", error.Reason);
        }
    }
}
