using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using VarSave.Tests.Fuzzing;
using Xunit;
using static VarSave.Tests.Fuzzing.SnapshotBuilder;

namespace VarSave.Tests.BclTypes
{
    /// <summary>
    /// Files no program writes, for the collections built from their contents: built objects that hold each other,
    /// colliding keys, and a chain of immutables as deep as a program can make (built without recursion).
    /// </summary>
    public class ImmutableSnapshotTests
    {
        private static readonly TimeSpan Quick = TimeSpan.FromSeconds(20);

        /// <summary>Loads an object snapshot on a thread of its own with a deadline, so a hang fails the test instead of the run.</summary>
        private static Exception? Load(byte[] bytes)
        {
            var load = Task.Factory.StartNew(() =>
            {
                try { ObjectSnapshot.Deserialize<object>(bytes); return null; }
                catch (Exception e) { return e; }
            }, TaskCreationOptions.LongRunning);
            Assert.True(load.Wait(Quick), $"the load did not end within {Quick.TotalSeconds} s");
            return load.Result;
        }

        private static byte[] ObjectFile(SnapshotBuilder file, int root)
        {
            file.Local("<object>", Ref(root));
            return file.Build();
        }

        [Fact]
        public void Immutable_lists_that_hold_each_other_are_refused_as_corrupt()
        {
            var file = new SnapshotBuilder();
            int list = file.Generic(typeof(ImmutableList<>), file.Builtin(typeof(object)));
            int a = file.Record(list, Count(1), Ref(1));
            file.Record(list, Count(2), Int(7), Ref(a));
            var error = Assert.IsType<SnapshotFormatException>(Load(ObjectFile(file, a)));
            Assert.Contains("hold each other", error.Message);
            Assert.Contains("(ImmutableList<", error.Message);
        }

        [Fact]
        public void A_frozen_set_holding_itself_through_an_immutable_dictionary_is_refused_as_corrupt()
        {
            var file = new SnapshotBuilder();
            int objectType = file.Builtin(typeof(object));
            int set = file.Generic(typeof(FrozenSet<>), objectType);
            int map = file.Generic(typeof(ImmutableDictionary<,>), objectType, objectType);
            // The set's item is the dictionary, whose value is the set: no program can build either first.
            int a = file.Record(set, Count(1), new byte[] { 0 }, Ref(1));
            file.Record(map, Count(1), new byte[] { 0, 0 }, Int(1), Ref(a));
            var error = Assert.IsType<SnapshotFormatException>(Load(ObjectFile(file, a)));
            Assert.Contains("hold each other", error.Message);
        }

        [Theory]
        [InlineData(typeof(ImmutableHashSet<>))]
        [InlineData(typeof(FrozenSet<>))]
        [InlineData(typeof(ImmutableDictionary<,>))]
        [InlineData(typeof(FrozenDictionary<,>))]
        public void Keys_with_equal_hash_codes_are_refused_quickly(Type definition)
        {
            const int count = 40_000;
            var file = new SnapshotBuilder();
            int longType = file.Builtin(typeof(long));
            bool map = definition.GetGenericArguments().Length == 2;
            int type = map ? file.Generic(definition, longType, longType) : file.Generic(definition, longType);
            // long.GetHashCode is the low word XOR the high word: (i << 32) | i hashes to 0 for every i.
            var keys = Enumerable.Range(1, count).Select(i => Long(((long)i << 32) | (uint)i));
            var items = map ? keys.Select(k => Concat(k, Long(1))) : keys;
            int root = file.Record(type, Count(count), map && definition == typeof(ImmutableDictionary<,>) ? new byte[] { 0, 0 } : new byte[] { 0 }, Concat(items.ToArray()));
            var clock = Stopwatch.StartNew();
            var error = Assert.IsType<SnapshotFormatException>(Load(ObjectFile(file, root)));
            Assert.Contains("collide", error.Message);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0, 10);
        }

        [Fact]
        public void A_chain_of_immutable_lists_as_deep_as_a_program_makes_loads_without_recursion()
        {
            const int depth = 200_000;
            object chain = ImmutableList<object>.Empty;
            for (int i = 0; i < depth; i++) chain = ImmutableList.Create<object>(i, chain);
            var loaded = ObjectSnapshot.Deserialize<ImmutableList<object>>(ObjectSnapshot.Serialize(chain));
            int levels = 0;
            for (var list = loaded; list.Count > 0; list = (ImmutableList<object>)list[1]) levels++;
            Assert.Equal(depth, levels);
            Assert.Same(ImmutableList<object>.Empty, Innermost(loaded));
        }

        [Fact]
        public void An_enumerator_of_an_immutable_list_goes_on_at_the_same_item_after_a_round_trip()
        {
            var list = ImmutableList.CreateRange(Enumerable.Range(0, 40));
            var enumerator = list.GetEnumerator();
            for (int i = 0; i < 25; i++) enumerator.MoveNext();
            var loaded = ObjectSnapshot.Deserialize<List<object>>(ObjectSnapshot.Serialize(new List<object> { list, enumerator }));
            var walk = (ImmutableList<int>.Enumerator)loaded[1];
            Assert.Equal(24, walk.Current);
            var rest = new List<int>();
            while (walk.MoveNext()) rest.Add(walk.Current);
            Assert.Equal(Enumerable.Range(25, 15), rest);
        }

        [Fact]
        public void An_enumerator_of_an_immutable_hash_set_is_refused_at_save_with_its_path()
        {
            object enumerator = ImmutableHashSet.Create(1, 2).GetEnumerator();
            var error = Assert.ThrowsAny<VarSaveException>(() => ObjectSnapshot.Serialize(new List<object> { enumerator }));
            Assert.Contains("Enumerator", error.Message);
            Assert.Contains("[0]", error.Message);
        }

        private static ImmutableList<object> Innermost(ImmutableList<object> list)
        {
            while (list.Count > 0) list = (ImmutableList<object>)list[1];
            return list;
        }
    }
}
