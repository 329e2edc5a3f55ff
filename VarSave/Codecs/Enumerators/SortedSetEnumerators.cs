using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using VarSave.Codecs.Values;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>
    /// <c>SortedSet&lt;T&gt;.Enumerator</c>, which holds a stack of the set's tree nodes: saved as (set, state,
    /// items passed, version, current, reverse). A load gives it an empty stack and a node of its own holding the
    /// current item, then, once the set is filled, copies the stack of a fresh enumerator walked past as many items
    /// (<see cref="EnumeratorWalks"/>). Versions behave as in <see cref="CollectionEnumerators"/>: valid stays valid, invalid invalid.
    /// </summary>
    internal static class SortedSetEnumerators
    {
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        private const BindingFlags Any = Private | BindingFlags.Public;
        private const int Invalid = int.MinValue;
        private const int NotStarted = 0, AtItem = 1, Ended = 2;

        private static readonly ConcurrentDictionary<Type, ValueCodec?> Codecs = new ConcurrentDictionary<Type, ValueCodec?>();

        public static ValueCodec? For(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SortedSet<>.Enumerator) ? Codecs.GetOrAdd(type, Build) : null;

        private static ValueCodec? Build(Type type)
        {
            var tree = type.GetField("_tree", Private);
            var version = type.GetField("_version", Private);
            var stack = type.GetField("_stack", Private);
            var current = type.GetField("_current", Private);
            var reverse = type.GetField("_reverse", Private);
            var treeVersion = tree?.FieldType.GetField("version", Private);
            var item = current?.FieldType.GetProperty("Item", Any);
            var push = stack?.FieldType.GetMethod("Push", Any);
            var create = tree == null ? null : type.GetConstructor(Private, null, new[] { tree.FieldType, typeof(bool) }, null);
            // A runtime whose enumerator is laid out otherwise cannot save it: the save fails with the path.
            if (tree == null || version == null || stack == null || current == null || reverse == null || treeVersion == null || item == null || push == null || create == null) return null;

            object?[] Decompose(object boxed)
            {
                var owner = tree.GetValue(boxed);
                int saved = (int)version.GetValue(boxed)!;
                bool valid = owner == null || saved == (int)treeVersion.GetValue(owner)!;
                bool backwards = (bool)reverse.GetValue(boxed)!;
                var node = current.GetValue(boxed);
                int state = node != null ? AtItem : ((ICollection?)stack.GetValue(boxed))?.Count > 0 ? NotStarted : Ended;
                int passed = node != null && valid ? Passed(create.Invoke(new[] { owner, backwards }), current, node) : 0;
                return new[] { owner, state, passed, valid ? saved : Invalid, node == null ? null : item.GetValue(node), backwards };
            }

            object Compose(ValueParts parts)
            {
                parts.Expect(6);
                var owner = CollectionEnumerators.Fit(parts, 0, tree.FieldType);
                int state = parts.Get<int>(1), passed = parts.Get<int>(2), saved = parts.Get<int>(3);
                bool backwards = parts.Get<bool>(5);
                var boxed = Activator.CreateInstance(type)!;
                if (owner == null) return boxed;
                // A reversed enumerator lives only in SortedSet.Reverse()'s iterator, which is never saved.
                if (backwards || state < NotStarted || state > Ended || (saved != Invalid && (state == AtItem) != (passed > 0)))
                    throw new SnapshotFormatException($"The snapshot is corrupt: a {parts.TypeName} is in state {state} after {passed} items.");
                var nodes = Activator.CreateInstance(stack.FieldType)!;
                tree.SetValue(boxed, owner);
                version.SetValue(boxed, saved);
                reverse.SetValue(boxed, backwards);
                stack.SetValue(boxed, nodes);
                if (state == AtItem)
                {
                    // The enumerator reads only the item of its current node: a node of its own stands in for the tree's.
                    var node = Allocator.Uninitialized(current.FieldType);
                    item.SetValue(node, CollectionEnumerators.Fit(parts, 4, item.PropertyType));
                    current.SetValue(boxed, node);
                }
                if (saved != Invalid) parts.Reader.AfterFill(() => treeVersion.SetValue(owner, saved));
                if (state != Ended && saved != Invalid)
                {
                    EnumeratorWalks.Request(parts.Reader, owner, () => ((ICollection)owner).Count,
                        () => (IEnumerator)create.Invoke(new[] { owner, backwards }), passed, parts.TypeName, fresh =>
                        {
                            var path = new List<object>();
                            foreach (var step in (IEnumerable)stack.GetValue(fresh)!) path.Add(step);
                            for (int i = path.Count - 1; i >= 0; i--) push.Invoke(nodes, new[] { path[i] });
                        });
                }
                return boxed;
            }

            return ValueCodec.OfBoxed(Decompose, Compose);
        }

        /// <summary>How many items a fresh enumerator passes to reach <paramref name="node"/>, that item included.</summary>
        private static int Passed(object fresh, FieldInfo current, object node)
        {
            var walk = (IEnumerator)fresh;
            int passed = 0;
            while (walk.MoveNext())
            {
                passed++;
                if (ReferenceEquals(current.GetValue(walk), node)) return passed;
            }
            return 0;
        }
    }
}
