using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using VarSave.Format;
using VarSave.Inspection;
using VarSave.Tests.Fuzzing;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// The generic decoder the varsave tool uses shows the BCL collections' records as their comparers, items,
    /// keys and values (not as undecoded bytes), each read as its codec wrote it, to the record's last byte.
    /// </summary>
    public class BclCollectionInspectionTests
    {
        [Fact]
        public void Every_bcl_collection_is_decoded_into_its_comparers_items_keys_and_values()
        {
            var backing = new List<int> { 1, 2 };
            var wrappedMap = new Dictionary<string, int> { ["k"] = 1 };
            var queue = new PriorityQueue<string, int>();
            queue.Enqueue("a", 2);
            queue.Enqueue("b", 1);
            // One object's snapshot: no statics, which other tests may have left holding collections of the same types.
            var snapshot = InspectedSnapshot.Open(ObjectSnapshot.Serialize(new object[]
            {
                new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "b", "a" },
                new SortedList<int, string> { [2] = "b", [1] = "a" },
                queue,
                new BitArray(new[] { true, false, true, true }),
                new ObservableCollection<int> { 1 },
                new Collection<string> { "c" },
                backing,
                backing.AsReadOnly(),
                wrappedMap,
                new ReadOnlyDictionary<string, int>(wrappedMap),
                new ArrayList { 1, "two", null },
                new Hashtable(StringComparer.OrdinalIgnoreCase) { ["k"] = 1 },
                new ConcurrentDictionary<string, int> { ["c"] = 3 },
                new ConcurrentQueue<int>(new[] { 1, 2 }),
                new ConcurrentStack<int>(new[] { 3, 4 }),
                new ConcurrentBag<int> { 5 },
                ImmutableList.Create(1, 2, 3),
                ImmutableStack.Create(1, 2),
                ImmutableQueue.Create("q", "r"),
                ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "x"),
                ImmutableSortedSet.Create(3, 1, 2),
                ImmutableDictionary.Create<string, string>(StringComparer.Ordinal, StringComparer.OrdinalIgnoreCase).Add("k", "v"),
                ImmutableSortedDictionary.Create<int, string>().Add(2, "b").Add(1, "a"),
                new[] { "red" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
                new Dictionary<string, int> { ["f"] = 6 }.ToFrozenDictionary(),
            }));

            var decoded = Enumerable.Range(0, snapshot.ObjectCount).ToDictionary(id => snapshot.TypeOf(id).Name, id => Describe(snapshot, id));
            string Of(string typeName) => decoded.TryGetValue(typeName, out var text) ? text : "no record of " + typeName;
            const string G = "System.Collections.Generic.", C = "System.Collections.Concurrent.", O = "System.Collections.ObjectModel.",
                I = "System.Collections.Immutable.", F = "System.Collections.Frozen.", S = "System.String", N = "System.Int32";

            Assert.Equal("Comparer=OrdinalIgnoreCase [0]=a [1]=b", Of($"{G}SortedSet<{S}>"));
            Assert.Equal("[1]=a [2]=b", Of($"{G}SortedList<{N},{S}>"));
            // The heap's own order, each element under its priority.
            Assert.Equal("[1]=b [2]=a", Of($"{G}PriorityQueue<{S},{N}>"));
            Assert.Equal("Length=4 Bits=1011", Of("System.Collections.BitArray"));
            Assert.Equal("[0]=1", Of($"{O}ObservableCollection<{N}>"));
            Assert.Equal("[0]=c", Of($"{O}Collection<{S}>"));
            Assert.Equal($"Wrapped=->{G}List<{N}>", Of($"{O}ReadOnlyCollection<{N}>"));
            Assert.Equal($"Wrapped=->{G}Dictionary<{S},{N}>", Of($"{O}ReadOnlyDictionary<{S},{N}>"));
            Assert.Equal("[0]=1 [1]=two [2]=null", Of("System.Collections.ArrayList"));
            Assert.Equal("Comparer=OrdinalIgnoreCase [k]=1", Of("System.Collections.Hashtable"));
            Assert.Equal("[c]=3", Of($"{C}ConcurrentDictionary<{S},{N}>"));
            Assert.Equal("[0]=1 [1]=2", Of($"{C}ConcurrentQueue<{N}>"));
            Assert.Equal("[0]=4 [1]=3", Of($"{C}ConcurrentStack<{N}>"));
            Assert.Equal("[0]=5", Of($"{C}ConcurrentBag<{N}>"));
            Assert.Equal("[0]=1 [1]=2 [2]=3", Of($"{I}ImmutableList<{N}>"));
            Assert.Equal("[0]=2 [1]=1", Of($"{I}ImmutableStack<{N}>"));
            Assert.Equal("[0]=q [1]=r", Of($"{I}ImmutableQueue<{S}>"));
            Assert.Equal("Comparer=OrdinalIgnoreCase [0]=x", Of($"{I}ImmutableHashSet<{S}>"));
            Assert.Equal("[0]=1 [1]=2 [2]=3", Of($"{I}ImmutableSortedSet<{N}>"));
            Assert.Equal("Comparer=Ordinal ValueComparer=OrdinalIgnoreCase [k]=v", Of($"{I}ImmutableDictionary<{S},{S}>"));
            Assert.Equal("[1]=a [2]=b", Of($"{I}ImmutableSortedDictionary<{N},{S}>"));
            Assert.Equal("Comparer=OrdinalIgnoreCase [0]=red", Of($"{F}FrozenSet<{S}>"));
            Assert.Equal("[f]=6", Of($"{F}FrozenDictionary<{S},{N}>"));

            // A view's reference leads to the very collection it wraps.
            int view = Enumerable.Range(0, snapshot.ObjectCount).Single(id => snapshot.TypeOf(id).Name == $"{O}ReadOnlyCollection<{N}>");
            Assert.Equal("[0]=1 [1]=2", Describe(snapshot, snapshot.Members(view).Single().Value.Id));
        }

        [Theory]
        [InlineData(typeof(SortedSet<>), "unknown comparer code 128")]
        [InlineData(typeof(HashSet<>), "entry layout")]
        public void A_layout_flag_is_read_only_where_the_codec_writes_one(Type definition, string error)
        {
            // Count 1, the comparer code with the layout flag, then one item: a SortedSet never has free slots.
            var file = new SnapshotBuilder();
            int set = file.Record(file.Generic(definition, file.Builtin(typeof(int))), SnapshotBuilder.Count(1), new byte[] { 0x80 }, SnapshotBuilder.Int(4));
            file.Root(SnapshotBuilder.Ref(set));
            var snapshot = InspectedSnapshot.Open(file.Build());
            var thrown = Assert.Throws<SnapshotFormatException>(() => snapshot.Members(set));
            Assert.Contains(error, thrown.Message);
        }

        /// <summary>The members in order, as <c>Name=value</c>, <c>[index]=item</c> or <c>[key]=value</c>; a reference as <c>-&gt;</c> and its type.</summary>
        private static string Describe(InspectedSnapshot snapshot, int id) =>
            string.Join(" ", snapshot.Members(id).Select(m =>
                (m.Key is InspectedValue key ? "[" + Text(snapshot, key) + "]" : m.Index >= 0 ? "[" + m.Index + "]" : m.Name) + "=" + Text(snapshot, m.Value)));

        private static string Text(InspectedSnapshot snapshot, InspectedValue value) =>
            value.IsReference ? "->" + snapshot.TypeOf(value.Id).Name
            : value.Tag == ValueTag.Null ? "null"
            : Convert.ToString(value.Scalar, CultureInfo.InvariantCulture) ?? "";
    }
}
