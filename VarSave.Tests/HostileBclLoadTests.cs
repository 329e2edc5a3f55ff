using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using VarSave.Tests.Fuzzing;
using Xunit;
using static VarSave.Tests.Fuzzing.SnapshotBuilder;

namespace VarSave.Tests
{
    /// <summary>
    /// Hand-made snapshots aimed at the BCL codecs of issue 12, one per finding of the structure-aware
    /// generator (<see cref="HostileGenerator"/>): each failed before its fix (the figures are in
    /// docs/security.md) and must now be refused with a VarSave exception, cheaply.
    /// </summary>
    public class HostileBclLoadTests
    {
        public HostileBclLoadTests() => Assert.Null(Woven.GetStatic("Roots", "Current"));

        /// <summary>Loads <paramref name="file"/> with <paramref name="root"/> as Roots.Current; returns the error and the bytes the load allocated.</summary>
        private static (Exception? Error, long Allocated) Load(SnapshotBuilder file, byte[] root, LoadOptions? options = null)
        {
            file.Root(root);
            var bytes = file.Build();
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                ProgramState.LoadEverything(Snapshot.FromBytes(bytes), options ?? new LoadOptions());
                return (null, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            catch (Exception e)
            {
                return (e, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            finally
            {
                Woven.SetStatic("Roots", "Current", null);
            }
        }

        private static byte[] Regex(SnapshotBuilder file, string pattern, RegexOptions options) =>
            Ref(file.Record(file.Builtin(typeof(Regex)), file.String(pattern), ZigZag((long)options), ZigZag(TimeSpan.FromSeconds(1).Ticks)));

        private static string OverlappingClasses(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"[{(char)(40 + i)}-{(char)(300 + i)}]"));

        [Fact]
        public void A_non_backtracking_Regex_whose_automaton_explodes_is_refused_before_it_is_built()
        {
            // Before: 400 overlapping classes (2.4 KB) took 3.4 s and 651 MB to construct.
            var file = new SnapshotBuilder();
            var (error, allocated) = Load(file, Regex(file, OverlappingClasses(400), RegexOptions.NonBacktracking));
            var refused = Assert.IsType<SnapshotFormatException>(error);
            Assert.Contains(nameof(LoadLimits.MaxRegexPatternChars), refused.Message);
            Assert.InRange(allocated, 0, 16L << 20);
        }

        [Fact]
        public void Regex_patterns_share_one_budget_per_load_and_a_trusting_program_can_raise_it()
        {
            var file = new SnapshotBuilder();
            var many = Enumerable.Range(0, 40).Select(i => Regex(file, new string('a', 500) + i, RegexOptions.None)).ToArray();
            int list = file.Record(file.Generic(typeof(System.Collections.Generic.List<>), file.Builtin(typeof(object))), Count(many.Length), Concat(many));
            Assert.IsType<SnapshotFormatException>(Load(file, Ref(list)).Error);

            var trusted = new SnapshotBuilder();
            var regex = Regex(trusted, OverlappingClasses(20), RegexOptions.NonBacktracking);
            Assert.Null(Load(trusted, regex, new LoadOptions { Limits = new LoadLimits { MaxRegexPatternChars = 1 << 20 } }).Error);
        }

        [Fact]
        public void A_Regex_the_engine_refuses_to_build_is_a_format_error_not_the_programs_code()
        {
            // Before: NotSupportedException from the engine was reported as "the program's own code threw".
            var file = new SnapshotBuilder();
            var error = Assert.IsType<SnapshotFormatException>(Load(file, Regex(file, "a{100000}", RegexOptions.NonBacktracking)).Error);
            Assert.Contains("a Regex cannot be built", error.Message);
        }

        [Theory]
        [InlineData("xx-FAKE")]
        [InlineData("en-x-123456")]
        [InlineData("en\0US")]
        public void A_culture_that_is_not_predefined_is_refused_instead_of_made_and_cached_for_good(string name)
        {
            // Before: ICU made any well-formed name and the runtime cached each one for the life of the process.
            var file = new SnapshotBuilder();
            var root = Ref(file.Record(file.Builtin(typeof(CultureInfo)), file.String(name), new byte[] { 1 }));
            var error = Assert.IsType<SnapshotMismatchException>(Load(file, root).Error);
            Assert.Contains("which this machine does not have", error.Message);
        }

        private static byte[] Exception(SnapshotBuilder file, byte[] inner) =>
            Concat(file.String("boom"), inner, Null, Null, Null, Int(-2146233088), Count(0), Count(0));

        [Fact]
        public void An_exception_that_is_its_own_inner_exception_is_refused()
        {
            // Before: it loaded, and the program's first ToString overflowed the stack (GetBaseException looped forever).
            var file = new SnapshotBuilder();
            int type = file.Builtin(typeof(Exception));
            int first = file.Record(type, Null);
            int second = file.Record(type, Exception(file, Ref(first)));
            file.SetRecord(first, Exception(file, Ref(second)));
            var error = Assert.IsType<SnapshotFormatException>(Load(file, Ref(first)).Error);
            Assert.Contains("contains itself through its inner exceptions", error.Message);
        }

        [Fact]
        public void An_inner_exception_chain_deeper_than_the_structural_limit_is_refused_and_one_within_it_loads()
        {
            foreach (var (depth, loads) in new[] { (50_000, false), (500, true) })
            {
                var file = new SnapshotBuilder();
                int type = file.Builtin(typeof(Exception));
                int previous = file.Record(type, Exception(file, Null));
                for (int i = 1; i < depth; i++) previous = file.Record(type, Exception(file, Ref(previous)));
                var error = Load(file, Ref(previous)).Error;
                if (loads) Assert.Null(error);
                else Assert.Contains(nameof(LoadLimits.MaxStructuralDepth), Assert.IsType<SnapshotFormatException>(error).Message);
            }
        }

        [Fact]
        public void Aggregate_exceptions_that_share_inner_exceptions_exponentially_are_refused()
        {
            // 40 levels of two aggregates, each holding both of the level below: ToString would visit 2^40 exceptions.
            var file = new SnapshotBuilder();
            int type = file.Builtin(typeof(Exception)), aggregate = file.Builtin(typeof(AggregateException)), array = file.ArrayOf(type);
            int a = file.Record(type, Exception(file, Null)), b = file.Record(type, Exception(file, Null));
            for (int i = 1; i < 40; i++)
            {
                int both = file.Record(array, Count(2), Ref(a), Ref(b));
                byte[] Level() => Concat(file.String("all"), Ref(a), Null, Null, Null, Int(0), Count(0), Count(1), Str("AggregateException._innerExceptions"), Ref(both));
                (a, b) = (file.Record(aggregate, Level()), file.Record(aggregate, Level()));
            }
            int previous = a;
            var error = Assert.IsType<SnapshotFormatException>(Load(file, Ref(previous)).Error);
            Assert.Contains("shared inner exceptions", error.Message);
        }

        [Fact]
        public void An_exception_with_tens_of_thousands_of_Data_entries_is_refused_by_the_collision_budget()
        {
            // Before: 58,000 entries took 5.2 s (Exception.Data is a linked list that walks every entry on insert).
            var file = new SnapshotBuilder();
            var entries = Concat(Enumerable.Range(0, 60_000).Select(i => Concat(Int(i), Null)).ToArray());
            var root = Ref(file.Record(file.Builtin(typeof(Exception)), file.String("data"), Null, Null, Null, Null, Int(0), Count(60_000), entries, Count(0)));
            var error = Assert.IsType<SnapshotFormatException>(Load(file, root).Error);
            Assert.Contains(".Data", error.Message);
        }

        private static byte[][] CollidingLongs(int count) => Enumerable.Range(1, count).Select(i => Long(((long)i << 32) | (uint)i)).ToArray();

        [Fact]
        public void A_Hashtable_or_ConcurrentDictionary_of_colliding_keys_is_refused_by_the_collision_budget()
        {
            var table = new SnapshotBuilder();
            var tableRoot = Ref(table.Record(table.Builtin(typeof(Hashtable)), Count(40_000), new byte[] { 0 }, Concat(CollidingLongs(40_000).Select(k => Concat(k, Null)).ToArray())));
            Assert.Contains("collide", Assert.IsType<SnapshotFormatException>(Load(table, tableRoot).Error).Message);

            var map = new SnapshotBuilder();
            int type = map.Generic(typeof(ConcurrentDictionary<,>), map.Builtin(typeof(long)), map.Builtin(typeof(int)));
            var mapRoot = Ref(map.Record(type, Count(40_000), new byte[] { 0 }, Concat(CollidingLongs(40_000).Select(k => Concat(k, Int(0))).ToArray())));
            Assert.Contains("collide", Assert.IsType<SnapshotFormatException>(Load(map, mapRoot).Error).Message);
        }

        [Fact]
        public void A_SortedSet_LinkedList_ImmutableArray_or_ImmutableList_enumerator_past_its_collection_s_count_is_refused_without_walking_it()
        {
            var set = new SnapshotBuilder();
            int intType = set.Builtin(typeof(int));
            int tree = set.Record(set.Generic(typeof(System.Collections.Generic.SortedSet<>), intType), Count(3), new byte[] { 0 }, Int(1), Int(2), Int(3));
            // (set, at an item, items passed, version, current, not reversed)
            var setRoot = Struct(set.Generic(typeof(System.Collections.Generic.SortedSet<>.Enumerator), intType), Ref(tree), Int(1), Int(int.MaxValue), Int(0), Int(2), new byte[] { 1 });
            var (setError, setAllocated) = Load(set, setRoot);
            Assert.Contains("position 2147483647 of 3 items", Assert.IsType<SnapshotFormatException>(setError).Message);
            Assert.InRange(setAllocated, 0, 16L << 20);

            var list = new SnapshotBuilder();
            int linked = list.Record(list.Generic(typeof(System.Collections.Generic.LinkedList<>), list.Builtin(typeof(int))), Count(3), Int(1), Int(2), Int(3));
            // (list, index, version, current, holds a next node)
            var listRoot = Struct(list.Generic(typeof(System.Collections.Generic.LinkedList<>.Enumerator), list.Builtin(typeof(int))), Ref(linked), Int(1_000_000), Int(0), Int(2), new byte[] { 2 });
            Assert.Contains("position 1000000 of 3 items", Assert.IsType<SnapshotFormatException>(Load(list, listRoot).Error).Message);

            var immutable = new SnapshotBuilder();
            int objectType = immutable.Builtin(typeof(object));
            int items = immutable.Record(immutable.ArrayOf(objectType), Count(2), Null, Null);
            // (array, index)
            var immutableRoot = Struct(immutable.Generic(typeof(System.Collections.Immutable.ImmutableArray<>.Enumerator), objectType), Ref(items), Int(5));
            Assert.Contains("position 5 of 2 items", Assert.IsType<SnapshotFormatException>(Load(immutable, immutableRoot).Error).Message);

            var listed = new SnapshotBuilder();
            int element = listed.Builtin(typeof(object));
            int built = listed.Record(listed.Generic(typeof(System.Collections.Immutable.ImmutableList<>), element), Count(2), Null, Null);
            // (list, items passed, at an item)
            var listedRoot = Struct(listed.Generic(typeof(System.Collections.Immutable.ImmutableList<>.Enumerator), element), Ref(built), Int(int.MaxValue), new byte[] { 2 });
            Assert.Contains("position 2147483647 of 2 items", Assert.IsType<SnapshotFormatException>(Load(listed, listedRoot).Error).Message);
        }
    }
}
