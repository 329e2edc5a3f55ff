using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using VarSave.Codecs.Values;
using VarSave.Runtime;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>
    /// The struct enumerators of <c>List</c>, <c>Dictionary</c> (and its Keys and Values), <c>HashSet</c>,
    /// <c>Queue</c> and <c>Stack</c>, which a <c>foreach</c> across <c>yield return</c> or <c>await</c> keeps in
    /// the state machine. Saved as (collection, position, version, current, kind): the position counts
    /// the items already passed, except for a Dictionary or HashSet whose free slots a load reproduces
    /// (<see cref="Collections.EntryLayout.KeepsSlots"/>), where it is the entry slot itself; any other
    /// one loads compact, so items passed and slots agree. The enumerator gets its saved version and, once every object is filled, so does
    /// its collection: the version check passes exactly when it passed in the saving process (an
    /// enumerator already invalid then stays invalid). Positions are checked against the loaded count.
    /// </summary>
    internal static class CollectionEnumerators
    {
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        private const int Invalid = int.MinValue;

        private sealed class Shape
        {
            public Shape(string collection, string index, string current, bool rawSlots, string? kind = null)
            {
                Collection = collection;
                Index = index;
                Current = current;
                RawSlots = rawSlots;
                Kind = kind;
            }

            public string Collection { get; }
            public string Index { get; }
            public string Current { get; }
            /// <summary>The index counts slots of an entries array that may have holes (Dictionary, HashSet).</summary>
            public bool RawSlots { get; }
            public string? Kind { get; }
        }

        private static readonly Dictionary<Type, Shape> Shapes = new Dictionary<Type, Shape>
        {
            [typeof(List<>.Enumerator)] = new Shape("_list", "_index", "_current", rawSlots: false),
            [typeof(Dictionary<,>.Enumerator)] = new Shape("_dictionary", "_index", "_current", rawSlots: true, kind: "_getEnumeratorRetType"),
            [typeof(Dictionary<,>.KeyCollection.Enumerator)] = new Shape("_dictionary", "_index", "_currentKey", rawSlots: true),
            [typeof(Dictionary<,>.ValueCollection.Enumerator)] = new Shape("_dictionary", "_index", "_currentValue", rawSlots: true),
            [typeof(HashSet<>.Enumerator)] = new Shape("_hashSet", "_index", "_current", rawSlots: true),
            [typeof(Queue<>.Enumerator)] = new Shape("_queue", "_i", "_currentElement", rawSlots: false),
            [typeof(Stack<>.Enumerator)] = new Shape("_stack", "_index", "_currentElement", rawSlots: false),
        };

        /// <summary>The generic definitions, for the type table.</summary>
        public static IEnumerable<Type> Definitions => Shapes.Keys;

        private static readonly EnumeratorCodecCache Codecs = new EnumeratorCodecCache(Build, new List<Type>(Shapes.Keys).ToArray());

        public static ValueCodec? For(Type type) => Codecs.For(type);

        private static ValueCodec? Build(Type type)
        {
            var shape = Shapes[type.GetGenericTypeDefinition()];
            var collection = type.GetField(shape.Collection, Private);
            var index = type.GetField(shape.Index, Private);
            var version = type.GetField("_version", Private);
            var current = type.GetField(shape.Current, Private);
            var kind = shape.Kind == null ? null : type.GetField(shape.Kind, Private);
            var collectionVersion = collection?.FieldType.GetField("_version", Private);
            // Positions are bounded by the items, or for entry slots by the slots used (ended: one past them).
            var collectionCount = shape.RawSlots ? null : collection?.FieldType.GetProperty("Count");
            var collectionSlots = shape.RawSlots ? collection?.FieldType.GetField("_count", Private) : null;
            // A runtime whose enumerators are laid out otherwise cannot save them: the save fails with the path.
            if (collection == null || index == null || version == null || current == null || collectionVersion == null || (collectionCount == null && collectionSlots == null) || (shape.Kind != null && kind == null)) return null;

            object?[] Decompose(object boxed)
            {
                var owner = collection.GetValue(boxed);
                int position = (int)index.GetValue(boxed)!, saved = (int)version.GetValue(boxed)!;
                if (owner != null && shape.RawSlots && !Collections.EntryLayout.KeepsSlots(owner)) position = PositionOf(owner, position);
                bool valid = owner == null || saved == (int)collectionVersion.GetValue(owner)!;
                return new[] { owner, position, valid ? saved : Invalid, current.GetValue(boxed), kind == null ? 0 : kind.GetValue(boxed) };
            }

            object Compose(ValueParts parts)
            {
                parts.Expect(5);
                var owner = Fit(parts, 0, collection.FieldType);
                int position = parts.Get<int>(1), saved = parts.Get<int>(2);
                var boxed = Activator.CreateInstance(type)!;
                collection.SetValue(boxed, owner);
                index.SetValue(boxed, position);
                version.SetValue(boxed, saved);
                current.SetValue(boxed, Fit(parts, 3, current.FieldType));
                kind?.SetValue(boxed, parts.Get<int>(4));
                if (owner != null)
                {
                    string name = parts.TypeName;
                    parts.Reader.AfterFill(() =>
                    {
                        int count = collectionCount != null ? (int)collectionCount.GetValue(owner)! : (int)collectionSlots!.GetValue(owner)! + 1;
                        // Queue and Stack read their arrays at the position: -2, -1 mark not started and ended.
                        if (position < -2 || position > count) throw new SnapshotFormatException($"The snapshot is corrupt: a {name} is at position {position} of {count} items.");
                        if (saved != Invalid) collectionVersion.SetValue(owner, saved);
                    });
                }
                return boxed;
            }

            return ValueCodec.OfBoxed(Decompose, Compose);
        }

        /// <summary>Part <paramref name="index"/> as a <paramref name="type"/>, or a mismatch naming the part.</summary>
        internal static object? Fit(ValueParts parts, int index, Type type)
        {
            var value = parts.Get<object?>(index);
            if (!StateReader.TryFit(value, type, out var fitted)) throw StateReader.Mismatch(value, type, parts.TypeName + "#" + index);
            return fitted;
        }

        /// <summary>How many items of a Dictionary or HashSet lie before entry slot <paramref name="slot"/>: a fresh enumerator counts them.</summary>
        private static int PositionOf(object owner, int slot)
        {
            var fresh = ((IEnumerable)owner).GetEnumerator();
            var freshIndex = fresh.GetType().GetField("_index", Private)!;
            int passed = 0;
            while ((int)freshIndex.GetValue(fresh)! < slot && fresh.MoveNext()) passed++;
            return passed;
        }
    }
}
