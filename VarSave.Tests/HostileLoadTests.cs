using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using VarSave.Tests.Fuzzing;
using Xunit;
using static VarSave.Tests.Fuzzing.SnapshotBuilder;

namespace VarSave.Tests
{
    /// <summary>
    /// Snapshots written by hand to attack the load path (issue 13, findings 1-6): each is small,
    /// each must fail with a VarSave exception quickly, or load without running anything the
    /// program did not ask for.
    /// </summary>
    public class HostileLoadTests
    {
        private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

        /// <summary>The woven test assembly registers its types when it loads: before that, no snapshot names anything known.</summary>
        public HostileLoadTests() => Assert.Null(Woven.GetStatic("Roots", "Current"));

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

        /// <summary>Loads on a thread of its own with a deadline, so a hang fails the test instead of the run.</summary>
        private static Exception? LoadWithin(byte[] bytes, TimeSpan deadline, LoadOptions? options = null)
        {
            var load = Task.Factory.StartNew(() => Load(bytes, options), TaskCreationOptions.LongRunning);
            Assert.True(load.Wait(deadline), $"the load did not end within {deadline.TotalSeconds} s");
            return load.Result;
        }

        private static T Refused<T>(byte[] bytes, LoadOptions? options = null) where T : VarSaveException
        {
            var error = LoadWithin(bytes, Quick, options);
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

        // ---- 1. gadgets ----

        private static int GadgetType(SnapshotBuilder file) => file.Woven("AssemblyToProcess.Gadget", new[] { "Path" });

        [Fact]
        public void A_record_nothing_refers_to_is_never_created_so_its_hook_and_finalizer_never_run()
        {
            string path = Path.Combine(Processes.NewTemporaryDirectory(), "owned");
            var file = new SnapshotBuilder();
            file.Record(GadgetType(file), file.String(path));
            file.Root(Int(1));

            Assert.Null(Load(file.Build()));
            CollectGarbage();

            Assert.False(File.Exists(path), "the [AfterLoad] hook of an unreferenced object ran");
            Assert.False(File.Exists(path + ".finalized"), "the finalizer of an unreferenced object ran");
        }

        [Fact]
        public void A_failed_load_runs_no_hook_and_no_finalizer_of_the_objects_it_created()
        {
            string path = Path.Combine(Processes.NewTemporaryDirectory(), "owned");
            var file = new SnapshotBuilder();
            int gadget = file.Record(GadgetType(file), file.String(path));
            file.Root(Ref(gadget));
            // A static of type int given a string: the statics cannot be applied.
            file.Static(file.Woven("AssemblyToProcess.LocalsAndStatics", Array.Empty<string>()), "Counter", file.String("not a number"));

            var error = Load(file.Build());
            CollectGarbage();

            Assert.IsType<SnapshotMismatchException>(error);
            Assert.Contains("AssemblyToProcess.LocalsAndStatics.Counter", error!.Message);
            Assert.False(File.Exists(path), "an [AfterLoad] hook ran in a load that failed");
            Assert.False(File.Exists(path + ".finalized"), "an object of a failed load ran its finalizer");
        }

        [Fact]
        public void A_field_the_loading_type_no_longer_has_does_not_make_what_it_holds_reachable()
        {
            string path = Path.Combine(Processes.NewTemporaryDirectory(), "owned");
            var file = new SnapshotBuilder();
            int gadget = file.Record(GadgetType(file), file.String(path));
            // A Holder saved with an extra field "Gone" that holds the gadget: today's Holder has no such field.
            int holder = file.Record(file.Woven("AssemblyToProcess.Holder", new[] { "Anything", "Gone" }), Null, Ref(gadget));
            file.Root(Ref(holder));

            Assert.Null(LoadWithin(file.Build(), Quick));
            CollectGarbage();

            Assert.False(File.Exists(path), "the hook of an object held only by a dropped field ran");
            Assert.False(File.Exists(path + ".finalized"), "the finalizer of an object held only by a dropped field ran");
        }

        // ---- 2. cycles through immutable values, deep tuples ----

        [Fact]
        public void A_tuple_that_contains_itself_is_refused()
        {
            var file = new SnapshotBuilder();
            int objectType = file.Builtin(typeof(object));
            int tuple = file.Record(file.Generic(typeof(Tuple<>), objectType), Ref(0));
            int set = file.Record(file.Generic(typeof(HashSet<>), objectType), Count(1), new byte[] { 0 }, Ref(tuple));
            file.Root(Ref(set));

            var error = Refused<SnapshotFormatException>(file.Build());
            Assert.Contains("contains itself", error.Message);
        }

        [Fact]
        public void Two_tuples_that_contain_themselves_as_sorted_keys_are_refused_without_looping()
        {
            var file = new SnapshotBuilder();
            int objectType = file.Builtin(typeof(object));
            int tupleType = file.Generic(typeof(Tuple<>), objectType);
            file.Record(tupleType, Ref(0));
            file.Record(tupleType, Ref(1));
            int map = file.Record(file.Generic(typeof(SortedDictionary<,>), objectType, objectType), Count(2), new byte[] { 0 }, Ref(0), Int(1), Ref(1), Int(2));
            file.Root(Ref(map));

            Refused<SnapshotFormatException>(file.Build());
        }

        [Fact]
        public void A_tuple_chain_deeper_than_the_limit_is_refused_before_it_is_hashed()
        {
            const int depth = 200_000;
            var file = new SnapshotBuilder();
            int objectType = file.Builtin(typeof(object));
            int tupleType = file.Generic(typeof(Tuple<>), objectType);
            file.Record(tupleType, Null);
            for (int i = 1; i < depth; i++) file.Record(tupleType, Ref(i - 1));
            int set = file.Record(file.Generic(typeof(HashSet<>), objectType), Count(1), new byte[] { 0 }, Ref(depth - 1));
            file.Root(Ref(set));

            var error = Refused<SnapshotFormatException>(file.Build());
            Assert.Contains(nameof(LoadLimits.MaxStructuralDepth), error.Message);
        }

        // ---- 3. type-table bombs ----

        [Fact]
        public void Arrays_of_arrays_nested_past_the_limit_are_refused()
        {
            var file = new SnapshotBuilder();
            int type = file.Builtin(typeof(int));
            for (int i = 0; i < 4000; i++) type = file.ArrayOf(type);
            file.Root(Int(1));

            var error = Refused<SnapshotFormatException>(file.Build());
            Assert.Contains(nameof(LoadLimits.MaxTypeNesting), error.Message);
        }

        [Theory]
        [InlineData(typeof(List<>))]
        [InlineData(typeof(ValueTuple<>))]
        public void Generic_types_nested_past_the_limit_are_refused(Type definition)
        {
            var file = new SnapshotBuilder();
            int type = file.Builtin(typeof(int));
            for (int i = 0; i < 10_000; i++) type = file.Generic(definition, type);
            file.Root(Int(1));

            var error = Refused<SnapshotFormatException>(file.Build());
            Assert.Contains(nameof(LoadLimits.MaxTypeNesting), error.Message);
        }

        [Fact]
        public void Tuple_types_whose_names_grow_exponentially_are_refused_within_a_few_megabytes()
        {
            var file = new SnapshotBuilder();
            int type = file.Builtin(typeof(int));
            for (int i = 0; i < 7; i++) type = file.Generic(typeof(Tuple<,,,,,,>), type, type, type, type, type, type, type);
            file.Root(Int(1));
            var bytes = file.Build();
            long before = GC.GetAllocatedBytesForCurrentThread();

            var error = Load(bytes);

            Assert.IsType<SnapshotFormatException>(error);
            Assert.Contains(nameof(LoadLimits.MaxTypeNodes), error!.Message);
            Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16L << 20);
        }

        // ---- 4. counts against the element's size ----

        /// <summary>ValueTuples of seven decimals and a rest, nested: 112 bytes and 8 type names more per level.</summary>
        private static int BigStruct(SnapshotBuilder file, int levels)
        {
            int leaf = file.Builtin(typeof(decimal));
            int type = file.Generic(typeof(ValueTuple<>), leaf);
            for (int i = 0; i < levels; i++)
                type = file.Generic(typeof(ValueTuple<,,,,,,,>), leaf, leaf, leaf, leaf, leaf, leaf, leaf, type);
            return type;
        }

        [Fact]
        public void An_array_of_a_large_struct_cannot_claim_more_elements_than_its_bytes_can_hold()
        {
            var file = new SnapshotBuilder();
            int element = BigStruct(file, 28);   // 3.1 KB each
            // 150 KB of payload claims 150,000 elements: 470 MB at one byte per element.
            var payload = new byte[150_000];
            int array = file.Record(file.ArrayOf(element), Count(150_000), payload);
            file.Root(Ref(array));
            long before = GC.GetAllocatedBytesForCurrentThread();

            var error = Refused<SnapshotFormatException>(file.Build());

            Assert.Contains("array element count", error.Message);
            Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 64L << 20);
        }

        [Fact]
        public void A_struct_larger_than_the_runtime_allows_is_refused_cleanly_even_with_the_name_limits_raised()
        {
            var file = new SnapshotBuilder();
            int leaf = file.Builtin(typeof(decimal));
            int type = leaf;
            for (int i = 0; i < 6; i++) type = file.Generic(typeof(ValueTuple<,,,,,,>), type, type, type, type, type, type, type);
            file.Root(Int(1));
            var generous = new LoadOptions { Limits = { MaxTypeNodes = int.MaxValue, MaxTypeNesting = 1000 } };

            var error = Refused<SnapshotFormatException>(file.Build(), generous);
            Assert.Contains("struct", error.Message);
        }

        // ---- 5. hash flooding ----

        [Fact]
        public void Keys_with_equal_hash_codes_are_refused_quickly()
        {
            const int keys = 100_000;
            var file = new SnapshotBuilder();
            int longType = file.Builtin(typeof(long));
            // long.GetHashCode is the low word XOR the high word: (i << 32) | i hashes to 0 for every i.
            var items = Enumerable.Range(1, keys).Select(i => Long(((long)i << 32) | (uint)i)).ToArray();
            int set = file.Record(file.Generic(typeof(HashSet<>), longType), Count(keys), new byte[] { 0 }, Concat(items));
            file.Root(Ref(set));
            var bytes = file.Build();
            var clock = Stopwatch.StartNew();

            var error = Refused<SnapshotFormatException>(bytes);

            Assert.Contains("collide", error.Message);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quick);
        }

        [Fact]
        public void Many_sets_each_below_a_per_set_bound_are_refused_together()
        {
            var file = new SnapshotBuilder();
            int longType = file.Builtin(typeof(long));
            int setType = file.Generic(typeof(HashSet<>), longType);
            int listType = file.Generic(typeof(List<>), file.Builtin(typeof(object)));
            var sets = new List<byte[]>();
            for (int s = 0; s < 60; s++)
            {
                var items = Enumerable.Range(1, 10_000).Select(i => Long(((long)(i + s * 10_000) << 32) | (uint)(i + s * 10_000))).ToArray();
                sets.Add(Ref(file.Record(setType, Count(items.Length), new byte[] { 0 }, Concat(items))));
            }
            int list = file.Record(listType, Count(sets.Count), Concat(sets.ToArray()));
            file.Root(Ref(list));
            var bytes = file.Build();
            var clock = Stopwatch.StartNew();

            var error = Refused<SnapshotFormatException>(bytes);

            Assert.Contains("collide", error.Message);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quick);
        }

        [Fact]
        public void A_legitimate_large_set_of_longs_still_loads()
        {
            var set = new HashSet<long>(Enumerable.Range(0, 200_000).Select(i => (long)i * 7919));
            var bytes = Woven.Save(set).ToArray();
            Assert.Null(Load(bytes));
        }

        // ---- 6. foreign exceptions and half-applied loads ----

        [Fact]
        public void A_key_whose_hash_code_throws_on_loaded_data_fails_with_a_VarSave_exception_naming_it()
        {
            var file = new SnapshotBuilder();
            int keyType = file.Woven("AssemblyToProcess.NamedKey", new[] { "Name" });
            int key = file.Record(keyType, Null);   // Name is null: the key's GetHashCode throws NullReferenceException
            int set = file.Record(file.Generic(typeof(HashSet<>), keyType), Count(1), new byte[] { 0 }, Ref(key));
            file.Root(Ref(set));

            var error = Refused<VarSaveException>(file.Build());
            Assert.Contains("HashSet", error.Message);
            Assert.Contains("NullReferenceException", error.Message);
        }

        [Fact]
        public void A_sorted_key_whose_comparison_throws_fails_with_a_VarSave_exception_naming_it()
        {
            var file = new SnapshotBuilder();
            int keyType = file.Woven("AssemblyToProcess.NamedKey", new[] { "Name" });
            int a = file.Record(keyType, Null);
            int b = file.Record(keyType, Null);
            int map = file.Record(file.Generic(typeof(SortedDictionary<,>), keyType, file.Builtin(typeof(int))), Count(2), new byte[] { 0 }, Ref(a), Int(1), Ref(b), Int(2));
            file.Root(Ref(map));

            var error = Refused<VarSaveException>(file.Build());
            Assert.Contains("SortedDictionary", error.Message);
        }

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
    }
}
