using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Collections
{
    /// <summary>
    /// Where a <c>Dictionary</c> or <c>HashSet</c> will put its next entries: its slot count and the
    /// free slots that removals left, in the order the next adds reuse them. Saved only when the
    /// collection has free slots; loading reproduces it with the public API (entries added in slot
    /// order with a stand-in key in each free slot, stand-ins removed in reverse free-list order), so
    /// enumeration after further adds and removes matches an uninterrupted run.
    /// </summary>
    internal sealed class EntryLayout
    {
        private EntryLayout(int slots, int[] freeList)
        {
            Slots = slots;
            FreeList = freeList;
        }

        /// <summary>Slots used so far, entries and free ones.</summary>
        public int Slots { get; }

        /// <summary>The free slots, the one the next add takes first.</summary>
        public int[] FreeList { get; }

        /// <summary>The layout of <paramref name="collection"/>, or null when it has no free slot (or the runtime's collections are not laid out as expected).</summary>
        public static EntryLayout? Capture<TCollection>(TCollection collection) where TCollection : class
        {
            var fields = EntryFields<TCollection>.Instance;
            if (fields == null) return null;
            int free = fields.FreeCount(collection);
            if (free <= 0) return null;
            int slots = fields.Slots(collection);
            var list = new int[free];
            int at = fields.FreeHead(collection);
            try
            {
                for (int k = 0; k < free; k++)
                {
                    // A list that does not hold together means another thread changes the collection; the save's stamp check reports it.
                    if ((uint)at >= (uint)slots) return null;
                    list[k] = at;
                    at = FreeListEncoding.StartOfFreeList - fields.Next(collection, at);
                }
            }
            catch (Exception e) when (e is IndexOutOfRangeException || e is NullReferenceException)
            {
                return null; // its entries array replaced (TrimExcess, Clear) by another thread
            }
            return new EntryLayout(slots, list);
        }

        /// <summary>What changes whenever the collection's layout does; compared before and after its entries are written.</summary>
        public static (int, int, int, int) Stamp<TCollection>(TCollection collection) where TCollection : class
        {
            var fields = EntryFields<TCollection>.Instance;
            return fields == null ? default : (fields.Slots(collection), fields.FreeHead(collection), fields.FreeCount(collection), fields.Version(collection));
        }

        /// <summary>
        /// Whether a load puts <paramref name="collection"/>'s entries back in the slots they hold now
        /// (it has free slots, their layout is saved and its key type has stand-ins), so an enumerator's
        /// slot index into it stays valid; otherwise the load is compact.
        /// </summary>
        public static bool KeepsSlots(object collection)
        {
            for (var type = collection.GetType(); type != null; type = type.BaseType)
            {
                if (!type.IsGenericType || !FreeListEncoding.Holds(type)) continue;
                bool hasFree = type.GetField("_freeCount", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(collection) is int free && free > 0;
                return hasFree && typeof(StandInKeys<>).MakeGenericType(type.GetGenericArguments()[0]).GetField(nameof(StandInKeys<int>.Make))!.GetValue(null) != null;
            }
            return false;
        }

        /// <summary>Written as int values after the comparer, so a reference scan steps over them as values.</summary>
        public void Write(StateWriter writer)
        {
            writer.WriteElement(-1, Slots, "Slots");
            for (int k = 0; k < FreeList.Length; k++) writer.WriteElement(k, FreeList[k], "FreeSlot");
        }

        /// <summary>Reads and checks a layout for <paramref name="count"/> entries: every free slot in range and listed once.</summary>
        public static EntryLayout Read(StateReader reader, LoadedType type, int count)
        {
            var input = reader.Input;
            int slots = reader.ReadElement<int>(type, -1);
            long free = (long)slots - count;
            // Each free slot is at least one byte of the record: the slot count cannot outgrow the bytes left.
            if (free <= 0 || free > input.Remaining)
                throw input.Corrupt($"{type.Name}'s entry layout has {slots} slots for {count} entries and {input.Remaining} bytes left");
            var isFree = new bool[slots];
            var list = new int[free];
            for (int k = 0; k < list.Length; k++)
            {
                int slot = reader.ReadElement<int>(type, k);
                if ((uint)slot >= (uint)slots) throw input.Corrupt($"{type.Name}'s free slot {slot} is out of range (there are {slots} slots)");
                if (isFree[slot]) throw input.Corrupt($"{type.Name}'s free slot {slot} is listed twice");
                isFree[slot] = true;
                list[k] = slot;
            }
            return new EntryLayout(slots, list);
        }

        /// <summary>
        /// Refills <paramref name="target"/>, which holds the saved entries in saved order, in this
        /// layout. Returns false, leaving the entries in saved order, where no stand-in keys can be
        /// made that differ from every entry under the collection's comparer.
        /// </summary>
        public bool Rebuild<TKey>(SlotFiller<TKey> target)
        {
            var make = StandInKeys<TKey>.Make;
            if (make == null) return false;
            int free = FreeList.Length, count = Slots - free;
            var standIns = new TKey[free];
            // A comparer that treats every key as equal never lets a stand-in in: the tries are bounded.
            long tries = (long)count + 2L * free + 64;
            ulong next = StandInKeys<TKey>.Start();
            for (int k = 0; k < free; k++)
            {
                while (true)
                {
                    if (--tries < 0 || !TryAdd(target, make, next++, out standIns[k], out bool added))
                    {
                        // Saved order, without free slots (removing the stand-ins would leave some at the end).
                        target.Clear();
                        for (int i = 0; i < count; i++) target.AddSaved(i);
                        return false;
                    }
                    if (added) break;
                }
            }
            // Every key now differs from every other: refill slot by slot, then free the stand-ins' slots, head last.
            var standInAt = new int[Slots];
            for (int k = 0; k < free; k++) standInAt[FreeList[k]] = k + 1;
            target.Clear();
            int saved = 0;
            for (int slot = 0; slot < Slots; slot++)
            {
                if (standInAt[slot] > 0) target.TryAdd(standIns[standInAt[slot] - 1]);
                else target.AddSaved(saved++);
            }
            for (int k = free - 1; k >= 0; k--) target.Remove(standIns[k]);
            return true;
        }

        // A stand-in the key type's code or the program's comparer refuses (throws on) only costs the order: false ends the rebuild.
        private static bool TryAdd<TKey>(SlotFiller<TKey> target, Func<ulong, TKey> make, ulong n, out TKey standIn, out bool added)
        {
            standIn = default!;
            try
            {
                standIn = make(n);
                added = target.TryAdd(standIn);
                return true;
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                added = false;
                return false;
            }
        }
    }

    /// <summary>The operations <see cref="EntryLayout.Rebuild"/> needs on a collection holding the saved entries.</summary>
    internal abstract class SlotFiller<TKey>
    {
        /// <summary>Adds a stand-in key; false if the collection holds an equal key.</summary>
        public abstract bool TryAdd(TKey key);

        /// <summary>Adds the saved entry of that index (in saved order).</summary>
        public abstract void AddSaved(int index);

        public abstract void Remove(TKey key);

        public abstract void Clear();
    }

    /// <summary>
    /// Checks once, on a probe collection, that this runtime chains free slots as the layout
    /// expects (the constant is not in the runtime's metadata, so it is observed).
    /// </summary>
    internal static class FreeListEncoding
    {
        /// <summary>A free entry's next field holds this minus the next free slot (-1 ending the list).</summary>
        public const int StartOfFreeList = -3;

        private static readonly bool DictionaryHolds = Check(new Dictionary<int, int> { { 0, 0 }, { 1, 1 }, { 2, 2 } }, d => { d.Remove(1); d.Remove(0); });
        private static readonly bool HashSetHolds = Check(new HashSet<int> { 0, 1, 2 }, s => { s.Remove(1); s.Remove(0); });

        public static bool Holds(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? DictionaryHolds
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(HashSet<>) ? HashSetHolds
            : false;

        // Slots 1 then 0 freed: the list is 0 -> 1 -> end, each next holding StartOfFreeList minus the next free slot.
        private static bool Check<TProbe>(TProbe probe, Action<TProbe> removeTwo) where TProbe : class
        {
            const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
            try
            {
                removeTwo(probe);
                var type = typeof(TProbe);
                if (!(type.GetField("_entries", Private)?.GetValue(probe) is Array entries)) return false;
                var next = entries.GetType().GetElementType()!.GetField("next") ?? entries.GetType().GetElementType()!.GetField("Next");
                int NextOf(int slot) => next?.GetValue(entries.GetValue(slot)) is int value ? value : int.MinValue;
                return Equals(type.GetField("_freeList", Private)?.GetValue(probe), 0) && Equals(type.GetField("_freeCount", Private)?.GetValue(probe), 2)
                    && Equals(type.GetField("_count", Private)?.GetValue(probe), 3)
                    && NextOf(0) == StartOfFreeList - 1 && NextOf(1) == StartOfFreeList + 1;
            }
            catch (Exception e) when (e is MemberAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Compiled reads of the private fields of .NET's <c>Dictionary</c> and <c>HashSet</c> (.NET Core
    /// 3.0 and later: <c>_count</c> slots used, <c>_freeList</c> head, <c>_freeCount</c>, and each
    /// free entry's next field holding <c>StartOfFreeList - nextFree</c>). Null on a runtime laid out
    /// otherwise (.NET Framework), where collections are saved in enumeration order only.
    /// </summary>
    internal sealed class EntryFields<TCollection> where TCollection : class
    {
        public static readonly EntryFields<TCollection>? Instance = TryBuild();

        private EntryFields(Func<TCollection, int> slots, Func<TCollection, int> freeHead, Func<TCollection, int> freeCount,
            Func<TCollection, int> version, Func<TCollection, int, int> next)
        {
            Slots = slots;
            FreeHead = freeHead;
            FreeCount = freeCount;
            Version = version;
            Next = next;
        }

        public Func<TCollection, int> Slots { get; }
        public Func<TCollection, int> FreeHead { get; }
        public Func<TCollection, int> FreeCount { get; }
        public Func<TCollection, int> Version { get; }
        public Func<TCollection, int, int> Next { get; }

        private static EntryFields<TCollection>? TryBuild()
        {
            const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
            var type = typeof(TCollection);
            if (!FreeListEncoding.Holds(type)) return null;
            var entries = type.GetField("_entries", Private);
            var entryType = entries?.FieldType.GetElementType();
            var next = entryType?.GetField("next") ?? entryType?.GetField("Next");
            if (entries == null || next == null || next.FieldType != typeof(int)) return null;
            var count = IntField(type, "_count");
            var freeList = IntField(type, "_freeList");
            var freeCount = IntField(type, "_freeCount");
            var version = IntField(type, "_version");
            if (count == null || freeList == null || freeCount == null || version == null) return null;
            try
            {
                var collection = Expression.Parameter(type, "collection");
                var index = Expression.Parameter(typeof(int), "index");
                var readNext = Expression.Lambda<Func<TCollection, int, int>>(
                    Expression.Field(Expression.ArrayIndex(Expression.Field(collection, entries), index), next), collection, index).Compile();
                return new EntryFields<TCollection>(Read(collection, count), Read(collection, freeList), Read(collection, freeCount), Read(collection, version), readNext);
            }
            catch (Exception e) when (e is InvalidOperationException || e is NotSupportedException || e is ArgumentException || e is MemberAccessException)
            {
                return null;
            }
        }

        private static FieldInfo? IntField(Type type, string name)
        {
            var field = type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic);
            return field?.FieldType == typeof(int) ? field : null;
        }

        private static Func<TCollection, int> Read(ParameterExpression collection, FieldInfo field) =>
            Expression.Lambda<Func<TCollection, int>>(Expression.Field(collection, field), collection).Compile();
    }
}
