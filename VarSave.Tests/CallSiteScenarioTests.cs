using Xunit;

namespace VarSave.Tests
{
    /// <summary>In-process checks of the call-site scenarios of AssemblyToProcess: shared closures, this and parameters, kept locals.</summary>
    public class CallSiteScenarioTests
    {
        [Fact]
        public void The_loading_method_adopts_the_restored_closure_so_its_local_and_the_restored_lambda_are_one_variable()
        {
            var result = (string)Woven.Call("LocalScenarios", "SharedClosure")!;
            Assert.StartsWith("101,the closure of AssemblyToProcess.LocalScenarios.SharedClosure (LocalScenarios.cs line ", result);
        }

        [Fact]
        public void This_is_refilled_in_place_and_parameters_are_assigned_back()
        {
            // Turn and Log come back into the same Session object; bonus and the ref parameter score take their saved values.
            Assert.Equal("7,started,5,30,this;bonus;score,True,30", Woven.Call("Session", "Run"));
        }

        [Fact]
        public void Kept_locals_keep_their_values_and_a_kept_captured_variable_is_what_the_restored_lambda_reads()
        {
            Assert.Equal("1,L,20,20", Woven.Call("KeepLocalsScenarios", "Keep", true));
        }

        [Fact]
        public void A_load_that_restores_no_locals_leaves_every_local_as_it_is()
        {
            // read is not assigned either: it is still the live lambda over the live captured (20).
            Assert.Equal("2,L,20,20", Woven.Call("KeepLocalsScenarios", "Keep", false));
        }

        [Fact]
        public void A_closure_in_a_generic_method_is_captured_and_shared_like_any_other()
        {
            // read is the method's own lambda (not reassigned): it sees the restored held, then the method's change.
            Assert.Equal("first,second,afterLoad;first;held;read;second", Woven.Call("GenericCallSites", "SharedOfStrings"));
        }
    }
}
