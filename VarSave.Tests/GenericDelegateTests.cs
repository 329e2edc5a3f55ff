using System;
using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// Issue 11, points 2 to 5, across two processes: <see cref="GenericDelegateProgram"/> saves mid-use in
    /// one process and a new process loads and describes; the description must be the one an
    /// uninterrupted run gives. Each test checks its point's line of the description.
    /// </summary>
    public class GenericDelegateTests
    {
        private sealed record Outcome(string Uninterrupted, string Resumed);

        private static readonly Lazy<Outcome> Debug = new Lazy<Outcome>(() => Play(release: false));
        private static readonly Lazy<Outcome> Release = new Lazy<Outcome>(() => Play(release: true));

        private static Outcome Play(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = release
                ? CompiledProgram.Build(directory, GenericDelegateProgram.Source, release: true)
                : CompiledProgram.Build(directory, GenericDelegateProgram.Source);
            string file = Path.Combine(directory, "scenes.varsave");
            string uninterrupted = program.Run(directory, "run");
            Assert.Equal("saved\n", program.Run(directory, "save", file));
            return new Outcome(uninterrupted, program.Run(directory, "load", file));
        }

        /// <summary>The resumed line that starts with <paramref name="prefix"/>, checked against the uninterrupted run's.</summary>
        private static string Line(Outcome outcome, string prefix)
        {
            string Find(string output) => Array.Find(output.Split('\n'), l => l.StartsWith(prefix, StringComparison.Ordinal))
                ?? throw new Xunit.Sdk.XunitException($"No line starts with '{prefix}' in:\n{output}");
            string resumed = Find(outcome.Resumed);
            Assert.Equal(Find(outcome.Uninterrupted), resumed);
            return resumed;
        }

        [Fact]
        public void Generic_method_groups_closures_and_local_functions_of_generic_code_resume()
        {
            Assert.Equal("labelled=step:2,step:3", Line(Debug.Value, "labelled="));
            Assert.Equal("pipeline=20 word=word show=<5> show(shared)=True", Line(Debug.Value, "pipeline="));
        }

        [Fact]
        public void Statics_of_each_closed_generic_type_are_saved_apart()
        {
            Assert.Equal("cache<int>=1,2 hits 3; cache<string>=one,two hits 4", Line(Debug.Value, "cache<int>="));
        }

        [Fact]
        public void The_ink_runtime_shape_resumes_identically_in_another_process()
        {
            Assert.Equal("ink: negate=-4 identity=9 echo=hi identity_f=1.5 identity_list=1 table=5", Line(Debug.Value, "ink:"));
            Assert.Equal("bound: square=144 shout=GO!", Line(Debug.Value, "bound:"));
        }

        [Fact]
        public void Delegates_load_whatever_their_order_and_target()
        {
            Assert.Equal("forward=3 source=4", Line(Debug.Value, "forward="));
            Assert.Equal("2 subscribers", Line(Debug.Value, "2 subscribers"));
            Assert.Equal("heard=inner:hello,inner:hello,inner:bye,inner:bye", Line(Debug.Value, "heard="));
            Assert.Equal("added bob=True ann again=False names=ann,bob", Line(Debug.Value, "added bob="));
            Assert.Equal("same length=True by length has ccc=True", Line(Debug.Value, "same length="));
        }

        [Fact]
        public void A_delegate_is_judged_by_what_it_holds_not_by_its_signature()
        {
            Assert.Equal("doubled=42", Line(Debug.Value, "doubled="));
        }

        [Fact]
        public void Struct_methods_and_extension_method_groups_keep_their_target()
        {
            Assert.Equal("roll=84,82", Line(Debug.Value, "roll="));
            Assert.Equal("twice=10 after change=100", Line(Debug.Value, "twice="));
        }

        [Fact]
        public void A_release_build_resumes_exactly_as_it_runs()
        {
            Assert.Equal(Release.Value.Uninterrupted, Release.Value.Resumed);
            Assert.Equal(Debug.Value.Uninterrupted, Release.Value.Resumed);
        }

        [Fact]
        public void A_delegate_that_cannot_be_rebound_is_refused_with_the_true_reason_and_where_it_is_made()
        {
            var directory = Processes.NewTemporaryDirectory();
            var program = CompiledProgram.Build(directory, GenericDelegateProgram.Source);
            var run = Processes.RunDotnet(directory, new[] { program.Path, "refused", Path.Combine(directory, "refused.varsave") });
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("static Scenes.Refused", run.Error);
            Assert.Contains("Shelf`1.Describe", run.Error);
            Assert.Contains("a virtual method of generic code bound late cannot be rebound; wrap the call in a lambda", run.Error);
            Assert.Contains("Program.cs(", run.Error);
            Assert.DoesNotContain("no woven code turns", run.Error);
        }
    }
}
