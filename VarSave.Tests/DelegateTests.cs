using System;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>Lambdas, closures, events and method groups saved and rebound through woven factories.</summary>
    public class DelegateTests
    {
        [Fact]
        public void Delegates_of_every_shape_come_back_working_with_shared_state() =>
            Assert.Equal(
                "addX(2)=42 counter=4 shared=400 log=first:ding,second:ding greet=Hello, Bob virtual=HEY, ANN! square=49 twice=42 local=15",
                BuildSaveClearLoadDescribe("Delegates"));

        [Fact]
        public void Generic_code_struct_methods_extension_groups_and_generic_statics_come_back() =>
            Assert.Equal("identity=5 labelled=x! roll=4 twice=42 doubled=42 memo=1/one", BuildSaveClearLoadDescribe("GenericDelegates"));

        [Fact]
        public void The_snapshot_inspector_reads_generic_delegate_targets_and_vouched_delegate_types()
        {
            Woven.Call("GenericDelegates", "Build");
            byte[] bytes;
            try { bytes = ProgramState.SaveEverything().ToArray(); }
            finally { Woven.Call("GenericDelegates", "Clear"); }

            var snapshot = VarSave.Inspection.InspectedSnapshot.Open(bytes);

            Assert.Contains(snapshot.Types, t => t.Kind == VarSave.Format.TypeKind.GenericMethod && t.Name.StartsWith("AssemblyToProcess.GenericDelegates::Identity(T)") && t.Name.Contains("System.Int32"));
            Assert.Contains(snapshot.Types, t => t.Kind == VarSave.Format.TypeKind.RegisteredDelegate && t.Name.StartsWith("System.Func`2<System.Int32,System.Threading.Tasks.Task`1<"));
            for (int id = 0; id < snapshot.ObjectCount; id++) snapshot.Members(id);
        }

        /// <summary>Runs the scenario class's Build, saves, clears, loads and returns what its Describe says the restored delegates do.</summary>
        private static object? BuildSaveClearLoadDescribe(string scenario)
        {
            Woven.Call(scenario, "Build");
            var snapshot = ProgramState.SaveEverything();
            Woven.Call(scenario, "Clear");
            ProgramState.LoadEverything(snapshot);
            try { return Woven.Call(scenario, "Describe"); }
            finally { Woven.Call(scenario, "Clear"); }
        }

        [Fact]
        public void A_delegate_to_a_method_no_woven_code_made_into_one_is_refused_with_its_path()
        {
            Func<string?> madeHere = Console.ReadLine;   // the test assembly is not woven
            var error = Assert.Throws<UnsaveableObjectException>(() => Woven.Save(madeHere));
            Assert.Equal("static AssemblyToProcess.Roots.Current", error.ObjectPath);
            Assert.Contains("System.Console.ReadLine", error.Message);
        }

        [Fact]
        public void Delegates_woven_code_made_to_public_methods_of_other_assemblies_are_rebound()
        {
            var items = new System.Collections.Generic.List<string> { "a" };
            var roots = new object[] { Woven.Call("ForeignDelegate", "Make")!, Woven.Call("ForeignDelegate", "AdderOf", items)!, items };

            var restored = (object[])Woven.RoundTrip(roots)!;

            Assert.Equal("WriteLine", ((Action<string>)restored[0]).Method.Name);
            var restoredItems = (System.Collections.Generic.List<string>)restored[2];
            ((Action<string>)restored[1])("b");
            Assert.Equal(new[] { "a", "b" }, restoredItems);
            Assert.Equal(new[] { "a" }, items);
        }

        [Fact]
        public void A_chain_of_100000_delegates_each_the_target_of_the_one_before_loads_without_recursion()
        {
            var chain = (Func<int>)Woven.Call("ForeignDelegate", "Seven")!;
            for (int i = 0; i < 100_000; i++) chain = (Func<int>)Woven.Call("ForeignDelegate", "Forwarding", chain)!;

            // Saved breadth-first, so each delegate's target comes after it in the file: the worst order for a load.
            var restored = (Delegate)Woven.RoundTrip(chain)!;

            int depth = 0;
            while (restored.Target is Delegate inner) { restored = inner; depth++; }
            Assert.Equal(100_000, depth);
            Assert.Equal(7, ((Func<int>)restored)());
        }

        [Fact]
        public void The_build_reports_what_each_closure_captures()
        {
            Assert.Contains(Woven.Result.Messages, m => m.Text.Contains("closure AssemblyToProcess.Delegates::Build()#closure0 captures: x, count, seed"));
        }

        [Fact]
        public void Closures_and_lambdas_are_keyed_by_their_owner_method_not_the_compiler_name()
        {
            // Nor do the build's messages, the closure reports among them.
            Assert.DoesNotContain(Woven.Result.Messages, m => m.Text.Contains("DisplayClass"));
            Woven.Call("Delegates", "Build");
            var bytes = System.Text.Encoding.UTF8.GetString(ProgramState.SaveEverything().ToArray());
            Woven.Call("Delegates", "Clear");
            Assert.Contains("AssemblyToProcess.Delegates::Build()#lambda", bytes);
            Assert.Contains("AssemblyToProcess.Delegates::Build()#closure0", bytes);
            Assert.DoesNotContain("<>c__DisplayClass", bytes);
        }
    }
}
