#if NET
using System.Collections.Generic;
using System.Linq;
using VarSave.Codecs.Values;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Immutable
{
    /// <summary>
    /// A collection that takes its items when it is made (the <c>Immutable*</c> and frozen collections): its record
    /// is read whole and the collection built by the BCL's own builders, once what it holds exists and its keys are
    /// complete (<see cref="CreationPhase.Built"/>, <see cref="BuildOrder"/>). Nothing of the program's runs but
    /// the comparers it recognises (<see cref="Comparers"/>) and its keys' hashing and ordering.
    /// </summary>
    internal abstract class BuiltCodec<TCollection, T> : ImmutableObjectCodec where TCollection : class, IEnumerable<T>
    {
        public override CreationPhase Phase => CreationPhase.Built;

        /// <summary>Whether the items are hashed or ordered (set items): what they refer to must be complete first.</summary>
        protected virtual bool ItemsAreKeys => false;

        /// <summary>Writes what comes between the count and the items (comparers); nothing by default.</summary>
        protected virtual void WriteHeader(TCollection collection, StateWriter writer) { }

        /// <summary>Scans the header's comparers (<see cref="Comparers.Scan"/>).</summary>
        protected virtual void ScanHeader(StateReader reader, ReferenceScan scan) { }

        /// <summary>Reads the header and the <paramref name="count"/> items, and builds the collection.</summary>
        protected abstract TCollection Build(StateReader reader, LoadedType type, int count);

        public override void Write(object value, StateWriter writer)
        {
            var collection = (TCollection)value;
            // Stacks and queues have no Count; enumerating an immutable collection twice sees the same items.
            int count = collection is IReadOnlyCollection<T> sized ? sized.Count : collection.Count();
            writer.WriteCount(count);
            WriteHeader(collection, writer);
            int i = 0;
            foreach (var item in collection) writer.WriteElement(i++, item);
        }

        protected override object Read(StateReader reader, LoadedType type) => Build(reader, type, reader.ReadCountOf<T>("collection item"));

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            reader.ReadCount("collection item");
            ScanHeader(reader, scan);
            scan.InKey = ItemsAreKeys;
            reader.ScanToEnd(scan);
        }

        /// <summary>The <paramref name="count"/> items, in saved order.</summary>
        protected static T[] ReadItems(StateReader reader, LoadedType type, int count)
        {
            var items = new T[count];
            for (int i = 0; i < count; i++) items[i] = reader.ReadElement<T>(type, i);
            return items;
        }
    }

    /// <summary>
    /// A dictionary that takes its entries when it is made: count, key comparer (and value comparer where it has one),
    /// then key and value per entry. Keys are hashed or ordered as it is built, so what they refer to must be complete
    /// first; values only need to exist (a <c>Player</c> value may point back at the game holding the dictionary).
    /// </summary>
    internal abstract class BuiltMapCodec<TMap, TKey, TValue> : BuiltCodec<TMap, KeyValuePair<TKey, TValue>> where TMap : class, IEnumerable<KeyValuePair<TKey, TValue>>
    {
        public override void Write(object value, StateWriter writer)
        {
            var map = (TMap)value;
            writer.WriteCount(((IReadOnlyCollection<KeyValuePair<TKey, TValue>>)map).Count);
            WriteHeader(map, writer);
            int i = 0;
            foreach (var entry in map)
            {
                writer.WriteElement(i, entry.Key, "Key");
                writer.WriteElement(i++, entry.Value, "Value");
            }
        }

        protected override object Read(StateReader reader, LoadedType type) => Build(reader, type, reader.ReadCountOf<TKey, TValue>("dictionary entry"));

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            int count = reader.ReadCount("dictionary entry");
            ScanHeader(reader, scan);
            for (int i = 0; i < count; i++)
            {
                scan.InKey = true;
                reader.ScanValue(scan);
                scan.InKey = false;
                reader.ScanValue(scan);
            }
        }

        /// <summary>The key comparer, then the value comparer (dictionaries that have one).</summary>
        protected override void ScanHeader(StateReader reader, ReferenceScan scan)
        {
            Comparers.Scan(reader, scan);
            Comparers.Scan(reader, scan);
        }
    }
}
#endif
