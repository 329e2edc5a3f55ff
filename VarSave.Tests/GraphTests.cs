using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>Round trips of every supported type and shape, through a static root of the woven assembly.</summary>
    public class GraphTests
    {
        public static IEnumerable<object?[]> Values() => new[]
        {
            new object?[] { true }, new object?[] { (byte)200 }, new object?[] { (sbyte)-100 }, new object?[] { (short)-30000 },
            new object?[] { (ushort)60000 }, new object?[] { int.MinValue }, new object?[] { uint.MaxValue }, new object?[] { long.MinValue },
            new object?[] { ulong.MaxValue }, new object?[] { 'ß' }, new object?[] { 1.5f }, new object?[] { double.NaN },
            new object?[] { -79228162514264337593543950335m }, new object?[] { 0.0001m }, new object?[] { "héllo ✓" }, new object?[] { "" },
            new object?[] { new DateTime(2026, 11, 21, 9, 53, 0, DateTimeKind.Utc) }, new object?[] { new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Local) },
            new object?[] { new DateTimeOffset(2026, 11, 21, 9, 53, 0, TimeSpan.FromHours(-5.5)) }, new object?[] { TimeSpan.FromTicks(-123456789) },
            new object?[] { Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
            new object?[] { (1, "two", 3.0) }, new object?[] { (1, 2, 3, 4, 5, 6, 7, 8, 9) }, new object?[] { new KeyValuePair<string, int>("k", 1) },
        };

        [Theory]
        [MemberData(nameof(Values))]
        public void Boxed_values_keep_type_and_value(object value)
        {
            var restored = Woven.RoundTrip(value);
            Assert.Equal(value.GetType(), restored!.GetType());
            Assert.Equal(value, restored);
            if (value is DateTime time) Assert.Equal(time.Kind, ((DateTime)restored).Kind);
            if (value is DateTimeOffset offset) Assert.Equal(offset.Offset, ((DateTimeOffset)restored).Offset);
        }

        [Fact]
        public void Nullable_values_in_a_list_keep_nulls()
        {
            var list = new List<int?> { 1, null, 3 };
            Assert.Equal(list, (List<int?>)Woven.RoundTrip(list)!);
        }

        [Fact]
        public void Arrays_single_jagged_and_multidimensional()
        {
            var value = new object[]
            {
                new[] { 1, 2, 3 },
                new[] { new[] { "a" }, new[] { "b", "c" }, Array.Empty<string>() },
                new int[,] { { 1, 2, 3 }, { 4, 5, 6 } },
                new string?[2, 2, 2] { { { "a", null }, { "c", "d" } }, { { "e", "f" }, { "g", "h" } } },
                new byte[0],
                new double[3, 0],
            };
            var restored = (object[])Woven.RoundTrip(value)!;
            Assert.Equal(new[] { 1, 2, 3 }, (int[])restored[0]);
            Assert.Equal(new[] { "b", "c" }, ((string[][])restored[1])[1]);
            Assert.Equal(value[2], restored[2]);
            Assert.Equal(6, ((int[,])restored[2])[1, 2]);
            Assert.Equal("h", ((string?[,,])restored[3])[1, 1, 1]);
            Assert.Null(((string?[,,])restored[3])[0, 0, 1]);
            Assert.Empty((byte[])restored[4]);
            Assert.Equal(3, ((double[,])restored[5]).GetLength(0));
            Assert.Equal(0, ((double[,])restored[5]).GetLength(1));
        }

        [Fact]
        public void Collections_keep_items_order_and_comparers()
        {
            var ordinal = new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 1 };
            var ignoreCase = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Key"] = 2 };
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "x", "Y" };
            var stack = new Stack<int>(new[] { 1, 2, 3 });
            var value = new object[]
            {
                new List<string> { "sword", "potion" }, ordinal, ignoreCase, set, new HashSet<int> { 5, 7 },
                new SortedDictionary<int, string> { [3] = "c", [1] = "a" }, new Queue<string>(new[] { "first", "second" }),
                stack, new LinkedList<int>(new[] { 9, 8, 7 }), new StringBuilder("built"), Tuple.Create(1, "one"),
                new Dictionary<int, List<string>> { [1] = new List<string> { "nested" } },
            };
            var restored = (object[])Woven.RoundTrip(value)!;
            Assert.Equal(new[] { "sword", "potion" }, (List<string>)restored[0]);
            Assert.Same(StringComparer.Ordinal, ((Dictionary<string, int>)restored[1]).Comparer);
            Assert.Equal(2, ((Dictionary<string, int>)restored[2])["KEY"]);
            Assert.Contains("y", (HashSet<string>)restored[3]);
            Assert.Equal(new[] { 5, 7 }, ((HashSet<int>)restored[4]).OrderBy(i => i));
            Assert.Equal(new[] { 1, 3 }, ((SortedDictionary<int, string>)restored[5]).Keys);
            Assert.Equal("first", ((Queue<string>)restored[6]).Dequeue());
            Assert.Equal(new[] { 3, 2, 1 }, (Stack<int>)restored[7]);
            Assert.Equal(new[] { 9, 8, 7 }, (LinkedList<int>)restored[8]);
            Assert.Equal("built", restored[9].ToString());
            Assert.Equal(Tuple.Create(1, "one"), restored[10]);
            Assert.Equal("nested", ((Dictionary<int, List<string>>)restored[11])[1][0]);
        }

        [Fact]
        public void Cross_references_and_cycles_come_back_as_one_graph()
        {
            dynamic player = Woven.New("Game.Character", "Player");
            dynamic enemy = Woven.New("Game.Boss", "Enemy", 2);
            player.Target = enemy;
            enemy.Target = player;
            player.Inventory.Add("sword");
            var shared = new List<object> { player, enemy, player.Inventory };

            var restored = (List<object>)Woven.RoundTrip(shared)!;

            dynamic p = restored[0];
            dynamic e = restored[1];
            Assert.Same(p, p.Target.Target);
            Assert.Same(e, p.Target);
            Assert.Same(p.Inventory, restored[2]);
            Assert.Equal("Enemy", (string)e.Name);
            Assert.Equal(2, (int)e.Phase);
            Assert.Equal("hidden", (string)e.Secret);
            Assert.Equal(100, (int)e.Health);
        }

        [Fact]
        public void Structs_generics_and_transient_fields()
        {
            var point = Activator.CreateInstance(Woven.Type("Game.Point"), 3, -4)!;
            dynamic box = Activator.CreateInstance(Woven.Type("Game.Box`1").MakeGenericType(Woven.Type("Game.Point")))!;
            box.Value = (dynamic)point;
            box.History.Add((dynamic)point);
            dynamic transient = Woven.New("WithTransient");
            transient.Kept = 10;
            transient.Dropped = 20;

            var restored = (object[])Woven.RoundTrip(new object[] { point, box, transient })!;

            Assert.Equal("(3,-4)", restored[0].ToString());
            dynamic b = restored[1];
            Assert.Equal("(3,-4)", b.Value.ToString());
            Assert.Equal(1, (int)b.History.Count);
            dynamic t = restored[2];
            Assert.Equal(10, (int)t.Kept);
            Assert.Equal(0, (int)t.Dropped);
        }

        [Fact]
        public void A_million_node_linked_list_round_trips_without_recursion()
        {
            var type = Woven.Type("Game.Node");
            var valueField = type.GetField("Value")!;
            var nextField = type.GetField("Next")!;
            object? head = null;
            for (int i = 1_000_000; i >= 1; i--)
            {
                var node = Activator.CreateInstance(type)!;
                valueField.SetValue(node, i);
                nextField.SetValue(node, head);
                head = node;
            }

            var restored = Woven.RoundTrip(head);

            int count = 0;
            long sum = 0;
            for (var node = restored; node != null; node = nextField.GetValue(node))
            {
                count++;
                sum += (int)valueField.GetValue(node)!;
            }
            Assert.Equal(1_000_000, count);
            Assert.Equal(500_000_500_000L, sum);
        }

        [Fact]
        public void Saves_on_several_threads_at_once_each_keep_shared_references_and_cycles()
        {
            dynamic a = Woven.New("Game.Character", "A");
            dynamic b = Woven.New("Game.Character", "B");
            a.Target = b;
            b.Target = a;
            var graph = new List<object>();
            for (int i = 0; i < 2000; i++) graph.Add(i % 2 == 0 ? (object)a : b);
            var snapshots = new System.Collections.Concurrent.ConcurrentBag<Snapshot>();
            Woven.WithRoot(graph, () =>
                System.Threading.Tasks.Parallel.For(0, 16, _ => snapshots.Add(ProgramState.SaveEverything())));

            var sizes = snapshots.Select(s => s.Length).Distinct().ToList();
            Assert.Single(sizes);
            foreach (var snapshot in snapshots)
            {
                var restored = (List<object>)Woven.RoundTripSnapshot(snapshot)!;
                dynamic first = restored[0];
                Assert.Same(restored[1], first.Target);
                Assert.Same(first, first.Target.Target);
                Assert.Equal(2, restored.Distinct().Count());
            }
        }

        [Fact]
        public void A_paused_iterator_resumes_where_it_was()
        {
            var squares = (IEnumerator<int>)Woven.Call("Iterators", "Squares", 5)!;
            squares.MoveNext();
            squares.MoveNext();
            var restored = (IEnumerator<int>)Woven.RoundTrip(squares)!;
            Assert.True(restored.MoveNext());
            Assert.Equal(9, restored.Current);
        }

        [Fact]
        public void An_iterator_paused_inside_foreach_over_a_list_resumes_at_the_next_element()
        {
            var walk = (IEnumerator<int>)Woven.Call("Iterators", "Walk", new List<int> { 10, 20, 30 })!;
            walk.MoveNext();
            var restored = (IEnumerator<int>)Woven.RoundTrip(walk)!;
            Assert.True(restored.MoveNext());
            Assert.Equal(20, restored.Current);
            Assert.True(restored.MoveNext());
            Assert.Equal(30, restored.Current);
            Assert.False(restored.MoveNext());
        }

        [Fact]
        public void An_unsaveable_object_deep_in_the_graph_fails_with_its_full_path()
        {
            dynamic holder = Woven.New("Holder");
            holder.Anything = new List<object> { 1, new MemoryStream() };
            var error = Assert.Throws<UnsaveableObjectException>(() => Woven.Save((object)holder));
            Assert.Equal("static AssemblyToProcess.Roots.Current.Anything[1]", error.ObjectPath);
            Assert.Equal(typeof(MemoryStream), error.ObjectType);
            Assert.Contains("[Transient]", error.Message);
        }

        [Fact]
        public void A_custom_comparer_that_is_not_woven_is_refused_with_its_path()
        {
            var map = new Dictionary<string, int>(new LengthComparer());
            var error = Assert.Throws<UnsaveableObjectException>(() => Woven.Save(map));
            Assert.StartsWith("static AssemblyToProcess.Roots.Current", error.ObjectPath);
        }

        // A comparer of this (not woven) test assembly; culture-aware BCL comparers are saved since issue 12.
        private sealed class LengthComparer : IEqualityComparer<string>
        {
            public bool Equals(string? x, string? y) => x?.Length == y?.Length;
            public int GetHashCode(string obj) => obj.Length;
        }
    }
}
