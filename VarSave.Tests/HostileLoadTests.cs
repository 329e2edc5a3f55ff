using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using VarSave.Tests.Fuzzing;
using Xunit;
using Xunit.Abstractions;
using static VarSave.Tests.Fuzzing.SnapshotBuilder;

namespace VarSave.Tests
{
    /// <summary>
    /// Snapshots written by hand to attack the load path (issue 13, findings 1-6, files in
    /// <see cref="HostileFiles"/>): each must fail with a VarSave exception quickly, or load without
    /// running anything the program did not ask for. Each test failed before the fix it guards.
    /// </summary>
    public class HostileLoadTests
    {
        /// <summary>A hang guard, not a speed test: each attack file is refused in milliseconds; the figures are printed for docs/security.md.</summary>
        private static readonly TimeSpan Quick = HangGuard.HangAfter;
        private readonly ITestOutputHelper _output;

        /// <summary>The woven test assembly registers its types when it is first used: before that, no snapshot names anything known.</summary>
        public HostileLoadTests(ITestOutputHelper output)
        {
            _output = output;
            Assert.Null(Woven.GetStatic("Roots", "Current"));
        }

        private static Exception? Load(byte[] bytes, LoadOptions? options = null)
        {
            try
            {
                ProgramState.LoadEverything(Snapshot.FromBytes(bytes), options ?? new LoadOptions());
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
            finally
            {
                Woven.SetStatic("Roots", "Current", null);
            }
        }

        /// <summary>Loads on a thread of its own with a deadline, so a hang fails the test instead of the run; also measures the load.</summary>
        private static (Exception? Error, TimeSpan Time, long Allocated) Measured(byte[] bytes, TimeSpan deadline, LoadOptions? options = null)
        {
            var load = Task.Factory.StartNew(() =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                var error = Load(bytes, options);
                return (error, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
            }, TaskCreationOptions.LongRunning);
            Assert.True(load.Wait(deadline), $"the load did not end within {deadline.TotalSeconds} s");
            return load.Result;
        }

        private static T Refused<T>(byte[] bytes, LoadOptions? options = null, long maxAllocated = 64L << 20) where T : VarSaveException
        {
            var (error, _, allocated) = Measured(bytes, Quick, options);
            Assert.InRange(allocated, 0, maxAllocated);
            Assert.NotNull(error);
            return Assert.IsType<T>(error);
        }

        private static void CollectGarbage()
        {
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }

        private static string NewGadgetPath() => Path.Combine(Processes.NewTemporaryDirectory(), "owned");

        private static void AssertGadgetDidNothing(string path)
        {
            CollectGarbage();
            Assert.False(File.Exists(path), "a gadget's [AfterLoad] hook ran");
            Assert.False(File.Exists(path + ".finalized"), "a gadget's finalizer ran");
        }

        // ---- 1. gadgets ----

        [Fact]
        public void A_record_nothing_refers_to_is_never_created_so_its_hook_and_finalizer_never_run()
        {
            string path = NewGadgetPath();
            Assert.Null(Load(HostileFiles.UnreferencedGadget(path)));
            AssertGadgetDidNothing(path);
        }

        [Fact]
        public void A_failed_load_runs_no_hook_and_no_finalizer_of_the_objects_it_created()
        {
            string path = NewGadgetPath();
            var error = Load(HostileFiles.GadgetInFailingLoad(path));

            Assert.IsType<SnapshotMismatchException>(error);
            Assert.Contains("AssemblyToProcess.LocalsAndStatics.Counter", error!.Message);
            AssertGadgetDidNothing(path);
        }

        [Fact]
        public void A_field_the_loading_type_no_longer_has_does_not_make_what_it_holds_reachable()
        {
            string path = NewGadgetPath();
            Assert.Null(Measured(HostileFiles.GadgetInDroppedField(path), Quick).Error);
            AssertGadgetDidNothing(path);
        }

        // ---- 2. cycles through immutable values, deep tuples ----

        [Fact]
        public void A_tuple_that_contains_itself_is_refused()
        {
            var error = Refused<SnapshotFormatException>(HostileFiles.SelfContainingTuple());
            Assert.Contains("contains itself", error.Message);
        }

        [Fact]
        public void Two_tuples_that_contain_themselves_as_sorted_keys_are_refused_without_looping() =>
            Refused<SnapshotFormatException>(HostileFiles.SelfContainingSortedKeys());

        [Fact]
        public void A_tuple_chain_deeper_than_the_limit_is_refused_before_it_is_hashed()
        {
            var error = Refused<SnapshotFormatException>(HostileFiles.DeepTupleChain(), maxAllocated: 256L << 20);
            Assert.Contains(nameof(LoadLimits.MaxStructuralDepth), error.Message);
        }

        [Fact]
        public void A_tuple_that_holds_a_large_tuple_shared_with_others_is_refused_before_hashing_repeats_it() =>
            Assert.Contains("held by 2 tuples", Refused<SnapshotFormatException>(HostileFiles.ExponentialTupleSharing()).Message);

        [Fact]
        public void Small_tuples_shared_by_several_tuples_still_load()
        {
            var shared = Tuple.Create(1, "one");
            var set = new HashSet<object> { Tuple.Create(shared, 2), Tuple.Create(shared, 3) };
            Assert.Null(Load(Woven.Save(set).ToArray()));
        }

        [Fact]
        public void A_tuple_chain_within_the_limit_loads_and_hashes()
        {
            var chain = Tuple.Create<object?>(null);
            for (int i = 0; i < 900; i++) chain = Tuple.Create<object?>(chain);
            var set = new HashSet<object> { chain };
            Assert.Null(Load(Woven.Save(set).ToArray()));
        }

        // ---- 3. type-table bombs ----

        [Fact]
        public void Arrays_of_arrays_nested_past_the_limit_are_refused()
        {
            var error = Refused<SnapshotFormatException>(HostileFiles.DeepArrays(4000));
            Assert.Contains(nameof(LoadLimits.MaxTypeNesting), error.Message);
        }

        [Theory]
        [InlineData(typeof(List<>))]
        [InlineData(typeof(ValueTuple<>))]
        public void Generic_types_nested_past_the_limit_are_refused(Type definition)
        {
            var error = Refused<SnapshotFormatException>(HostileFiles.DeepGeneric(definition, 10_000));
            Assert.Contains(nameof(LoadLimits.MaxTypeNesting), error.Message);
        }

        [Fact]
        public void Tuple_types_whose_names_grow_exponentially_are_refused_within_a_few_megabytes()
        {
            var error = Refused<SnapshotFormatException>(HostileFiles.ExponentialTupleNames(), maxAllocated: 16L << 20);
            Assert.Contains(nameof(LoadLimits.MaxTypeNodes), error.Message);
        }

        // ---- 4. counts against the element's size ----

        [Fact]
        public void An_array_of_a_large_struct_cannot_claim_more_elements_than_its_bytes_can_hold()
        {
            var error = Refused<SnapshotFormatException>(HostileFiles.LargeStructArray());
            Assert.Contains("array element count", error.Message);
        }

        [Theory]
        [InlineData(typeof(System.Collections.Concurrent.ConcurrentStack<>))]
        [InlineData(typeof(PriorityQueue<,>))]
        [InlineData(typeof(SortedList<,>))]
        public void A_collection_of_a_large_struct_cannot_claim_more_items_than_its_bytes_can_hold(Type definition)
        {
            // 150 KB of payload claiming 150,000 items of 3.1 KB: the codec must not size an array for them.
            var file = new SnapshotBuilder();
            int element = HostileFiles.BigStruct(file, 28);
            int type = definition.GetGenericArguments().Length == 1 ? file.Generic(definition, element) : file.Generic(definition, element, file.Builtin(typeof(int)));
            int collection = file.Record(type, Count(150_000), new byte[] { 0 }, new byte[150_000]);
            file.Root(Ref(collection));
            var error = Refused<SnapshotFormatException>(file.Build());
            Assert.Contains("count 150000 is more than", error.Message);
        }

        [Fact]
        public void A_struct_larger_than_the_runtime_allows_is_refused_cleanly_even_with_the_name_limits_raised()
        {
            var generous = new LoadOptions { Limits = { MaxTypeNodes = int.MaxValue, MaxTypeNesting = 1000 } };
            var error = Refused<SnapshotFormatException>(HostileFiles.HugeStruct(), generous);
            Assert.Contains("struct", error.Message);
        }

        // ---- 5. hash flooding ----

        [Fact]
        public void Keys_with_equal_hash_codes_are_refused_quickly() =>
            Assert.Contains("collide", Refused<SnapshotFormatException>(HostileFiles.EqualHashKeys()).Message);

        [Fact]
        public void Many_sets_each_below_a_per_set_bound_are_refused_together() =>
            Assert.Contains("collide", Refused<SnapshotFormatException>(HostileFiles.ManyCollidingSets(), maxAllocated: 256L << 20).Message);

        [Fact]
        public void Keys_with_distinct_hash_codes_in_one_bucket_are_refused_quickly() =>
            Assert.Contains("collide", Refused<SnapshotFormatException>(HostileFiles.OneBucketInts()).Message);

        [Fact]
        public void A_legitimate_large_set_of_longs_still_loads()
        {
            var set = new HashSet<long>(Enumerable.Range(0, 200_000).Select(i => (long)i * 7919));
            Assert.Null(Load(Woven.Save(set).ToArray()));
        }

        // ---- 6. foreign exceptions and half-applied loads ----

        [Fact]
        public void A_key_whose_hash_code_throws_on_loaded_data_fails_with_a_VarSave_exception_naming_it()
        {
            var error = Refused<VarSaveException>(HostileFiles.ThrowingHashKey());
            Assert.Contains("HashSet<AssemblyToProcess.NamedKey>", error.Message);
            Assert.Contains("NullReferenceException", error.Message);
        }

        [Fact]
        public void A_sorted_key_whose_comparison_throws_fails_with_a_VarSave_exception_naming_it() =>
            Assert.Contains("SortedDictionary", Refused<VarSaveException>(HostileFiles.ThrowingSortedKeys()).Message);

        [Fact]
        public void A_char_saved_where_a_double_is_loaded_widens_like_CSharp()
        {
            var file = new SnapshotBuilder();
            int holder = file.Woven("AssemblyToProcess.LocalsAndStatics", Array.Empty<string>());
            file.Static(holder, "Ratio", Char('A'));
            file.Static(holder, "Counter", Int(7));
            var before = (Woven.GetStatic("LocalsAndStatics", "Ratio"), Woven.GetStatic("LocalsAndStatics", "Counter"));
            try
            {
                Assert.Null(Load(file.Build()));
                Assert.Equal(65.0, Woven.GetStatic("LocalsAndStatics", "Ratio"));
                Assert.Equal(7, Woven.GetStatic("LocalsAndStatics", "Counter"));
            }
            finally
            {
                Woven.SetStatic("LocalsAndStatics", "Ratio", before.Item1);
                Woven.SetStatic("LocalsAndStatics", "Counter", before.Item2);
            }
        }

        // ---- the figures of docs/security.md ----

        [Fact]
        public void Every_attack_file_ends_without_hanging_and_within_a_bounded_allocation()
        {
            string gadget = NewGadgetPath();
            _output.WriteLine("| attack file | bytes | outcome | time | allocated |");
            _output.WriteLine("|---|---:|---|---:|---:|");
            foreach (var (name, build) in HostileFiles.All(gadget))
            {
                var bytes = build();
                var (error, time, allocated) = Measured(bytes, Quick);
                _output.WriteLine($"| {name} | {bytes.Length:N0} | {error?.GetType().Name ?? "loaded"} | {time.TotalMilliseconds:N0} ms | {allocated / 1024.0 / 1024.0:N1} MB |");
                Assert.True(error == null || error is VarSaveException, $"{name}: {error}");
                Assert.True(allocated < Math.Max(64L << 20, 16L * bytes.Length), $"{name} allocated {allocated >> 20} MB for {bytes.Length} bytes");
            }
            AssertGadgetDidNothing(gadget);
        }
    }
}
