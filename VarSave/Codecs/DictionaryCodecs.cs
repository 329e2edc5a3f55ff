using System.Collections.Generic;
using System.Reflection;
using VarSave.Codecs.Collections;
using VarSave.Codecs.Inheritance;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>
    /// A dictionary saved as its count, its comparer, where it has free slots their
    /// <see cref="EntryLayout"/>, then key and value per entry in enumeration order.
    /// </summary>
    internal abstract class MapCodec<TMap, TKey, TValue> : ObjectCodec, IBaseCodec where TMap : class, IDictionary<TKey, TValue>
    {
        public override bool FillsLate => true;

        public override bool FillsInPlace => true;

        public override void Reset(object instance) => ((TMap)instance).Clear();

        protected abstract object ComparerOf(TMap map);
        protected abstract object DefaultComparer { get; }
        protected abstract TMap New(int count, object? comparer);
        protected abstract object? ReadComparer(StateReader reader, LoadedType type);

        /// <summary>Reads the comparer and whether an <see cref="EntryLayout"/> follows it (never, by default).</summary>
        protected virtual object? ReadComparer(StateReader reader, LoadedType type, out bool layoutFollows)
        {
            layoutFollows = false;
            return ReadComparer(reader, type);
        }

        /// <summary>Whether the map's free slots are saved (a hash map's are: they decide where the next adds go).</summary>
        protected virtual bool KeepsLayout => false;

        protected virtual EntryLayout? LayoutOf(TMap map) => null;

        protected virtual (int, int, int, int) StampOf(TMap map) => default;

        /// <summary>Puts the entries, filled in saved order, in the saved layout.</summary>
        protected virtual void Arrange(TMap map, EntryLayout layout) { }

        /// <summary>Runs the dictionary's own constructor on an instance of a woven class derived from it.</summary>
        protected abstract void Construct(TMap instance, int count, object? comparer);

        public void InitializeBase(object instance, StateReader reader, LoadedType type)
        {
            int count = reader.ReadCountOf<TKey, TValue>("dictionary entry");
            Construct((TMap)instance, count, ReadComparer(reader, type, out _));
        }

        public override void Write(object value, StateWriter writer)
        {
            var map = (TMap)value;
            var stamp = StampOf(map);
            int count = map.Count;
            writer.WriteCount(count);
            var layout = LayoutOf(map);
            Comparers.Write(ComparerOf(map), DefaultComparer, writer, layout != null);
            layout?.Write(writer);
            int written = WriteEntries(map, writer);
            if (written != count || map.Count != count)
                throw writer.ChangedWhileSaving(value.GetType(), $"it had {count} entries when the save began, {written} as they were written, {map.Count} after");
            if (!StampOf(map).Equals(stamp)) throw writer.ChangedWhileSaving(value.GetType(), "its entries or free slots changed as they were written");
        }

        /// <summary>Writes key and value per entry in enumeration order and returns how many; overridden where the map can be walked without an enumerator object.</summary>
        protected virtual int WriteEntries(TMap map, StateWriter writer)
        {
            int i = 0;
            foreach (var entry in map) WriteEntry(i++, entry, writer);
            return i;
        }

        protected static void WriteEntry(int index, KeyValuePair<TKey, TValue> entry, StateWriter writer)
        {
            writer.WriteElement(index, entry.Key, "Key");
            writer.WriteElement(index, entry.Value, "Value");
        }

        public override object Create(StateReader reader, LoadedType type)
        {
            int count = reader.ReadCountOf<TKey, TValue>("dictionary entry");
            return New(count, ReadComparer(reader, type, out _));
        }

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var map = (TMap)instance;
            int count = reader.ReadCount("dictionary entry");
            ReadComparer(reader, type, out bool layoutFollows);
            var layout = layoutFollows ? EntryLayout.Read(reader, type, count) : null;
            MapEntries.Read(map, reader, type, count, HashingOf(map, count, reader));
            if (layout != null) Arrange(map, layout);
        }

        /// <summary>The comparer whose hash codes decide the map's buckets, once the load's <see cref="CollisionBudget"/> counts them; null for maps that do not hash.</summary>
        protected virtual IEqualityComparer<TKey>? HashingOf(TMap map, int count, StateReader reader) => null;

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            reader.ReadCount("dictionary entry");
            Comparers.SkipCode(reader, KeepsLayout);
            reader.ScanToEnd(scan);
        }
    }

    internal sealed class DictionaryCodec<TKey, TValue> : MapCodec<Dictionary<TKey, TValue>, TKey, TValue> where TKey : notnull
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(Dictionary<TKey, TValue>), typeof(int), typeof(IEqualityComparer<TKey>));
        protected override void Construct(Dictionary<TKey, TValue> instance, int count, object? comparer) => BaseConstructor.Run(BaseCtor, instance, count, comparer);
        protected override object ComparerOf(Dictionary<TKey, TValue> map) => map.Comparer;
        protected override object DefaultComparer => EqualityComparer<TKey>.Default;
        protected override Dictionary<TKey, TValue> New(int count, object? comparer) =>
            new Dictionary<TKey, TValue>(count, (IEqualityComparer<TKey>?)comparer);
        protected override object? ReadComparer(StateReader reader, LoadedType type, out bool layoutFollows) =>
            Comparers.Read<IEqualityComparer<TKey>>(reader, type, layoutAllowed: true, out layoutFollows);
        protected override object? ReadComparer(StateReader reader, LoadedType type) => ReadComparer(reader, type, out _);
        protected override bool KeepsLayout => true;
        protected override EntryLayout? LayoutOf(Dictionary<TKey, TValue> map) => EntryLayout.Capture(map);
        protected override (int, int, int, int) StampOf(Dictionary<TKey, TValue> map) => EntryLayout.Stamp(map);
        protected override void Arrange(Dictionary<TKey, TValue> map, EntryLayout layout) => layout.Rebuild(new DictionarySlots<TKey, TValue>(map));
        protected override IEqualityComparer<TKey>? HashingOf(Dictionary<TKey, TValue> map, int count, StateReader reader) =>
            reader.Collisions.Begin(map.Comparer, CollisionBudget.BucketsOf(map, count)) ? map.Comparer : null;

        // The same loop over Dictionary's own struct enumerator: no enumerator object, no interface calls.
        protected override int WriteEntries(Dictionary<TKey, TValue> map, StateWriter writer)
        {
            int i = 0;
            foreach (var entry in map) WriteEntry(i++, entry, writer);
            return i;
        }
    }

    internal sealed class SortedDictionaryCodec<TKey, TValue> : MapCodec<SortedDictionary<TKey, TValue>, TKey, TValue> where TKey : notnull
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(SortedDictionary<TKey, TValue>), typeof(IComparer<TKey>));
        protected override void Construct(SortedDictionary<TKey, TValue> instance, int count, object? comparer) => BaseConstructor.Run(BaseCtor, instance, comparer);
        protected override object ComparerOf(SortedDictionary<TKey, TValue> map) => map.Comparer;
        protected override object DefaultComparer => Comparer<TKey>.Default;
        protected override SortedDictionary<TKey, TValue> New(int count, object? comparer) =>
            new SortedDictionary<TKey, TValue>((IComparer<TKey>?)comparer);
        protected override object? ReadComparer(StateReader reader, LoadedType type) => Comparers.Read<IComparer<TKey>>(reader, type);
    }
}
