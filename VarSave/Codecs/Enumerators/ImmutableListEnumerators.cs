#if NET
using System;
using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using VarSave.Codecs.Values;
using VarSave.Runtime;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>
    /// <c>ImmutableList&lt;T&gt;.Enumerator</c>, which holds the list's root node and a pooled stack of nodes: saved as
    /// (list, items passed, whether it is at an item). The list is the one this save reached whose root it walks, or a
    /// list over that root (immutable, so nothing can tell them apart). A load starts a new enumerator of the loaded
    /// list at the item before the position (O(log count): the list finds an index by its tree) and moves it onto
    /// it, so no walk is needed; only <c>Reset</c> differs, going back to that item rather than the start.
    /// An enumerator of a Builder, whose version can change, is not saved.
    /// </summary>
    internal static class ImmutableListEnumerators
    {
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

        private static readonly EnumeratorCodecCache Codecs = new EnumeratorCodecCache(Build, typeof(ImmutableList<>.Enumerator));

        public static ValueCodec? For(Type type) => Codecs.For(type);

        private static ValueCodec? Build(Type type)
        {
            var listType = typeof(ImmutableList<>).MakeGenericType(type.GetGenericArguments());
            var builder = type.GetField("_builder", Private);
            var root = type.GetField("_root", Private);
            var start = type.GetField("_startIndex", Private);
            var count = type.GetField("_count", Private);
            var remaining = type.GetField("_remainingCount", Private);
            var reversed = type.GetField("_reversed", Private);
            var current = type.GetField("_current", Private);
            var listRoot = listType.GetField("_root", Private);
            var wrap = root == null ? null : listType.GetConstructor(Private, null, new[] { root.FieldType }, null);
            var create = root == null || builder == null ? null : type.GetConstructor(Private, null, new[] { root.FieldType, builder.FieldType, typeof(int), typeof(int), typeof(bool) }, null);
            // A runtime whose enumerator is laid out otherwise cannot save it: the save fails with the path.
            if (builder == null || root == null || start == null || count == null || remaining == null || reversed == null || current == null || listRoot == null || wrap == null || create == null) return null;

            object?[] Decompose(object boxed, StateWriter writer)
            {
                var node = root.GetValue(boxed);
                if (node == null) return new object?[] { null, 0, false };
                if (builder.GetValue(boxed) != null || (bool)reversed.GetValue(boxed)!)
                    throw writer.Unsaveable(type, "it enumerates an ImmutableList.Builder or runs backwards. Enumerate the ImmutableList itself (builder.ToImmutable()) in the loop.");
                var list = ReachedOwners.Of(writer, typeof(ImmutableList<>), "_root").Find(writer, node, part => wrap.Invoke(new[] { part }));
                int passed = (int)start.GetValue(boxed)! + (int)count.GetValue(boxed)! - (int)remaining.GetValue(boxed)!;
                return new object?[] { list, passed, current.GetValue(boxed) != null };
            }

            object Compose(ValueParts parts)
            {
                parts.Expect(3);
                var list = CollectionEnumerators.Fit(parts, 0, listType);
                int passed = parts.Get<int>(1);
                bool atItem = parts.Get<bool>(2);
                if (list == null) return Activator.CreateInstance(type)!;
                int total = ((ICollection)list).Count;
                if (passed < 0 || passed > total || (atItem && passed == 0))
                    throw new SnapshotFormatException($"The snapshot is corrupt: an {parts.TypeName} is at position {passed} of {total} items.");
                if (passed == 0) return ((IEnumerable)list).GetEnumerator();
                var enumerator = (IEnumerator)create.Invoke(new[] { listRoot.GetValue(list), null, passed - 1, total - passed + 1, false });
                enumerator.MoveNext();
                if (!atItem) enumerator.MoveNext();
                return enumerator;
            }

            return ValueCodec.OfBoxed(Decompose, Compose);
        }
    }
}
#endif
