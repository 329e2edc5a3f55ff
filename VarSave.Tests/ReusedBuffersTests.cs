using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>Saves and loads reuse one set of buffers (docs/performance.md); reuse must never keep objects alive or leak them from one call into the next.</summary>
    public class ReusedBuffersTests
    {
        [Fact]
        public void A_finished_save_keeps_none_of_the_saved_objects_alive()
        {
            var saved = SaveAndForgetAGraph();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.False(saved.Holder.IsAlive, "the woven object saved is still reachable");
            Assert.False(saved.List.IsAlive, "the list saved (kept in the identity map) is still reachable");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static (WeakReference Holder, WeakReference List) SaveAndForgetAGraph()
        {
            dynamic holder = Woven.New("Holder");
            var list = new List<object> { "one", 2 };
            holder.Anything = list;
            Woven.Save((object)holder);
            return (new WeakReference(holder), new WeakReference(list));
        }

        [Fact]
        public void A_save_after_a_failed_save_writes_the_same_bytes_as_a_first_save()
        {
            var graph = MakeGraph();
            byte[] first = Woven.Save(graph).ToArray();

            dynamic broken = Woven.New("Holder");
            broken.Anything = new List<object> { "half", "written", new MemoryStream() };
            Assert.Throws<UnsaveableObjectException>(() => Woven.Save((object)broken));

            Assert.Equal(first, Woven.Save(graph).ToArray());
            Assert.Equal(first, Woven.Save(MakeGraph()).ToArray());
        }

        [Fact]
        public void A_small_save_after_a_large_one_holds_only_its_own_objects()
        {
            var large = new List<object>();
            for (int i = 0; i < 50_000; i++) large.Add("item" + i);
            Woven.Save(large);

            var small = MakeGraph();
            var restored = (List<object>)Woven.RoundTrip(small)!;
            Assert.Equal(3, restored.Count);
            Assert.Equal("shared", restored[0]);
            Assert.Same(restored[1], restored[2]);
        }

        [Fact]
        public void A_finished_load_keeps_none_of_the_loaded_objects_alive()
        {
            var loaded = LoadAndForgetAGraph();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.False(loaded.IsAlive, "an object the load created is still reachable after the program dropped it");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference LoadAndForgetAGraph()
        {
            var restored = (List<object>)Woven.RoundTrip(MakeGraph())!;
            return new WeakReference(restored[1]);
        }

        [Fact]
        public void A_load_after_a_failed_load_has_none_of_its_objects()
        {
            var large = new List<object>();
            for (int i = 0; i < 1000; i++) large.Add(new Dictionary<string, int> { ["n"] = i });
            byte[] bytes = Woven.Save(large).ToArray();
            // A byte after the roots fails the load once every object has been created.
            var damaged = SnapshotSurgery.Reseal(bytes, body => body.Concat(new byte[] { 0 }).ToArray());
            var error = Assert.Throws<SnapshotFormatException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(damaged)));
            Assert.Contains("follow the roots", error.Message);

            var restored = (List<object>)Woven.RoundTrip(MakeGraph())!;
            // The failed load created an empty list of capacity 1000 under the same id: this one must be new.
            Assert.Equal(3, restored.Capacity);
            Assert.Equal(3, restored.Count);
            Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, (Dictionary<string, int>)restored[1]);
            Assert.Same(restored[1], restored[2]);
        }

        private static List<object> MakeGraph()
        {
            var shared = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 };
            return new List<object> { "shared", shared, shared };
        }
    }
}
