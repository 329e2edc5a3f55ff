using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using VarSave.Codecs.Values;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>
    /// <c>LinkedList&lt;T&gt;.Enumerator</c>, which holds the list's next node (nodes are not saved, only items):
    /// saved as (list, index, version, current, whether a next node is held). A load gives it a node of its own,
    /// which once the list is filled gets the item and successor of the list's node at the index
    /// (<see cref="EnumeratorWalks"/>). Versions behave as in <see cref="CollectionEnumerators"/>.
    /// </summary>
    internal static class LinkedListEnumerators
    {
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        private const int Invalid = int.MinValue;

        private static readonly EnumeratorCodecCache Codecs = new EnumeratorCodecCache(Build, typeof(LinkedList<>.Enumerator));

        public static ValueCodec? For(Type type) => Codecs.For(type);

        private static ValueCodec? Build(Type type)
        {
            var list = type.GetField("_list", Private);
            var next = type.GetField("_node", Private);
            var version = type.GetField("_version", Private);
            var current = type.GetField("_current", Private);
            var index = type.GetField("_index", Private);
            var listVersion = list?.FieldType.GetField("version", Private);
            var nodeItem = next?.FieldType.GetField("item", Private);
            var nodeNext = next?.FieldType.GetField("next", Private);
            var nodeList = next?.FieldType.GetField("list", Private);
            // A runtime whose enumerator is laid out otherwise cannot save it: the save fails with the path.
            if (list == null || next == null || version == null || current == null || index == null || listVersion == null || nodeItem == null || nodeNext == null || nodeList == null) return null;

            object?[] Decompose(object boxed)
            {
                var owner = list.GetValue(boxed);
                int saved = (int)version.GetValue(boxed)!;
                bool valid = owner == null || saved == (int)listVersion.GetValue(owner)!;
                return new[] { owner, index.GetValue(boxed), valid ? saved : Invalid, current.GetValue(boxed), valid && next.GetValue(boxed) != null };
            }

            object Compose(ValueParts parts)
            {
                parts.Expect(5);
                var owner = CollectionEnumerators.Fit(parts, 0, list.FieldType);
                int position = parts.Get<int>(1), saved = parts.Get<int>(2);
                bool holdsNode = parts.Get<bool>(4);
                var boxed = Activator.CreateInstance(type)!;
                list.SetValue(boxed, owner);
                index.SetValue(boxed, position);
                version.SetValue(boxed, saved);
                current.SetValue(boxed, CollectionEnumerators.Fit(parts, 3, current.FieldType));
                if (owner == null || saved == Invalid) return boxed;
                string name = parts.TypeName;
                parts.Reader.AfterFill(() =>
                {
                    int count = ((ICollection)owner).Count;
                    // Ended: one past the items; not started or between items: the items returned.
                    if (position < 0 || position > count + 1) throw new SnapshotFormatException($"The snapshot is corrupt: a {name} is at position {position} of {count} items.");
                    listVersion.SetValue(owner, saved);
                });
                if (holdsNode)
                {
                    // The enumerator reads only the item and successor of its next node: a node of its own stands in for the list's.
                    var node = Allocator.Uninitialized(next.FieldType);
                    nodeList.SetValue(node, owner);
                    next.SetValue(boxed, node);
                    EnumeratorWalks.Request(parts.Reader, owner, () => ((ICollection)owner).Count, () => ((IEnumerable)owner).GetEnumerator(), position, name, fresh =>
                    {
                        var real = next.GetValue(fresh) ?? throw new SnapshotFormatException($"The snapshot is corrupt: a {name} holds a node after the last of its list's items.");
                        nodeItem.SetValue(node, nodeItem.GetValue(real));
                        nodeNext.SetValue(node, nodeNext.GetValue(real));
                    });
                }
                return boxed;
            }

            return ValueCodec.OfBoxed(Decompose, Compose);
        }
    }
}
