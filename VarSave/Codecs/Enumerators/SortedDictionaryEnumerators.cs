using System;
using System.Collections.Generic;
using System.Reflection;
using VarSave.Codecs.Values;
using VarSave.Runtime;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>
    /// The enumerators of <c>SortedDictionary</c> and of its Keys and Values, which wrap an enumerator of the
    /// dictionary's tree (<see cref="TreeWalker"/>) and hold no reference to the dictionary itself: saved as
    /// (dictionary, tree enumerator parts, kind). The dictionary is the one this save reached whose tree it is;
    /// when the enumerator alone holds the tree (a Release build keeps no other reference to a dictionary used
    /// only by its <c>foreach</c>), a copy of its entries with the same comparer stands in, which nothing else can tell apart.
    /// </summary>
    internal static class SortedDictionaryEnumerators
    {
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

        private static readonly EnumeratorCodecCache Codecs = new EnumeratorCodecCache(Build, typeof(SortedDictionary<,>.Enumerator),
            typeof(SortedDictionary<,>.KeyCollection.Enumerator), typeof(SortedDictionary<,>.ValueCollection.Enumerator));

        public static ValueCodec? For(Type type) => Codecs.For(type);

        private static ValueCodec? Build(Type type)
        {
            var arguments = type.GetGenericArguments();
            var dictionaryType = typeof(SortedDictionary<,>).MakeGenericType(arguments);
            var set = dictionaryType.GetField("_set", Private);
            // Keys and Values wrap the dictionary's own enumerator.
            var wrapped = type.GetField("_dictEnum", Private);
            var inner = wrapped?.FieldType ?? type;
            var treeEnumerator = inner.GetField("_treeEnum", Private);
            var kind = inner.GetField("_getEnumeratorRetType", Private);
            var walker = treeEnumerator == null ? null : TreeWalker.Of(treeEnumerator.FieldType);
            var copy = typeof(SortedDictionaryEnumerators).GetMethod(nameof(Copy), BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(arguments);
            if (set == null || treeEnumerator == null || kind == null || walker == null) return null;

            object?[] Decompose(object boxed, StateWriter writer)
            {
                var dictionaryEnumerator = wrapped == null ? boxed : wrapped.GetValue(boxed)!;
                var treeBoxed = treeEnumerator.GetValue(dictionaryEnumerator)!;
                var tree = walker.TreeOf(treeBoxed);
                var owner = tree == null ? null : ReachedOwners.Of(writer, typeof(SortedDictionary<,>), "_set").Find(writer, tree, part => copy.Invoke(null, new[] { part })!);
                var parts = walker.Parts(owner, treeBoxed);
                Array.Resize(ref parts, TreeWalker.PartCount + 1);
                parts[TreeWalker.PartCount] = kind.GetValue(dictionaryEnumerator);
                return parts;
            }

            object Compose(ValueParts parts)
            {
                var dictionary = CollectionEnumerators.Fit(parts.Expect(TreeWalker.PartCount + 1), 0, dictionaryType);
                var tree = dictionary == null ? null : set.GetValue(dictionary)
                    ?? throw new SnapshotFormatException($"The snapshot is corrupt: a {parts.TypeName} walks a dictionary that is not built yet.");
                var dictionaryEnumerator = Activator.CreateInstance(inner)!;
                treeEnumerator.SetValue(dictionaryEnumerator, walker.Build(tree, parts, 0));
                kind.SetValue(dictionaryEnumerator, parts.Get<int>(TreeWalker.PartCount));
                if (wrapped == null) return dictionaryEnumerator;
                var boxed = Activator.CreateInstance(type)!;
                wrapped.SetValue(boxed, dictionaryEnumerator);
                return boxed;
            }

            return ValueCodec.OfBoxed(Decompose, Compose);
        }

        private static SortedDictionary<TKey, TValue> Copy<TKey, TValue>(object tree) where TKey : notnull
        {
            var entries = (SortedSet<KeyValuePair<TKey, TValue>>)tree;
            var keyComparer = entries.Comparer.GetType().GetField("keyComparer", Private)?.GetValue(entries.Comparer) as IComparer<TKey>;
            var copy = new SortedDictionary<TKey, TValue>(keyComparer);
            foreach (var entry in entries) copy.Add(entry.Key, entry.Value);
            return copy;
        }
    }
}
