using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using VarSave.Codecs.Values;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>
    /// <c>SortedSet&lt;T&gt;.Enumerator</c>, which holds a stack of the set's tree nodes: saved as (set, state,
    /// items passed, version, current, reverse). A load gives it an empty stack and a node of its own holding the
    /// current item, then, once the set is filled, copies the stack of a fresh enumerator walked past as many items
    /// (<see cref="EnumeratorWalks"/>). Versions behave as in <see cref="CollectionEnumerators"/>: valid stays valid,
    /// invalid invalid. A SortedDictionary's enumerators wrap one over the dictionary's tree (<see cref="SortedDictionaryEnumerators"/>).
    /// </summary>
    internal static class SortedSetEnumerators
    {
        private static readonly EnumeratorCodecCache Codecs = new EnumeratorCodecCache(Build, typeof(SortedSet<>.Enumerator));

        public static ValueCodec? For(Type type) => Codecs.For(type);

        private static ValueCodec? Build(Type type)
        {
            var walker = TreeWalker.Of(type);
            if (walker == null) return null;
            return ValueCodec.OfBoxed(
                boxed => walker.Parts(walker.TreeOf(boxed), boxed),
                parts => walker.Build(CollectionEnumerators.Fit(parts.Expect(TreeWalker.PartCount), 0, walker.TreeType), parts, 0));
        }
    }

    /// <summary>Saves and rebuilds a <c>SortedSet&lt;T&gt;.Enumerator</c> as (tree, state, items passed, version, current, reverse).</summary>
    internal sealed class TreeWalker
    {
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        private const BindingFlags Any = Private | BindingFlags.Public;
        private const int Invalid = int.MinValue;
        private const int NotStarted = 0, AtItem = 1, Ended = 2;

        /// <summary>The parts it writes, the tree's place (first) included.</summary>
        public const int PartCount = 6;

        private readonly Type _type;
        private readonly FieldInfo _tree, _version, _stack, _current, _reverse, _treeVersion;
        private readonly PropertyInfo _item;
        private readonly MethodInfo _push;
        private readonly ConstructorInfo _create;

        private TreeWalker(Type type, FieldInfo tree, FieldInfo version, FieldInfo stack, FieldInfo current, FieldInfo reverse, FieldInfo treeVersion, PropertyInfo item, MethodInfo push, ConstructorInfo create)
        {
            _type = type;
            _tree = tree;
            _version = version;
            _stack = stack;
            _current = current;
            _reverse = reverse;
            _treeVersion = treeVersion;
            _item = item;
            _push = push;
            _create = create;
        }

        /// <summary>The walker of a closed <c>SortedSet&lt;T&gt;.Enumerator</c>; null when the runtime lays it out otherwise (the save then fails with the path).</summary>
        public static TreeWalker? Of(Type type)
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
            if (tree == null || version == null || stack == null || current == null || reverse == null || treeVersion == null || item == null || push == null || create == null) return null;
            return new TreeWalker(type, tree, version, stack, current, reverse, treeVersion, item, push, create);
        }

        public Type TreeType => _tree.FieldType;

        public object? TreeOf(object boxed) => _tree.GetValue(boxed);

        /// <summary>The parts of <paramref name="boxed"/>, with <paramref name="owner"/> (the tree, or what holds it) first.</summary>
        public object?[] Parts(object? owner, object boxed)
        {
            var tree = _tree.GetValue(boxed);
            int saved = (int)_version.GetValue(boxed)!;
            bool valid = tree == null || saved == (int)_treeVersion.GetValue(tree)!;
            bool backwards = (bool)_reverse.GetValue(boxed)!;
            var node = _current.GetValue(boxed);
            int state = node != null ? AtItem : ((ICollection?)_stack.GetValue(boxed))?.Count > 0 ? NotStarted : Ended;
            int passed = node != null && valid ? Passed(_create.Invoke(new[] { tree, backwards }), node) : 0;
            return new[] { owner, state, passed, valid ? saved : Invalid, node == null ? null : _item.GetValue(node), backwards };
        }

        /// <summary>Rebuilds the enumerator over <paramref name="tree"/> from the parts that follow <paramref name="first"/> (the owner's place).</summary>
        public object Build(object? tree, ValueParts parts, int first)
        {
            int state = parts.Get<int>(first + 1), passed = parts.Get<int>(first + 2), saved = parts.Get<int>(first + 3);
            bool backwards = parts.Get<bool>(first + 5);
            var boxed = Activator.CreateInstance(_type)!;
            if (tree == null) return boxed;
            // A reversed enumerator lives only in SortedSet.Reverse()'s iterator, which is never saved.
            if (backwards || state < NotStarted || state > Ended || (saved != Invalid && (state == AtItem) != (passed > 0)))
                throw new SnapshotFormatException($"The snapshot is corrupt: a {parts.TypeName} is in state {state} after {passed} items.");
            var nodes = Activator.CreateInstance(_stack.FieldType)!;
            _tree.SetValue(boxed, tree);
            _version.SetValue(boxed, saved);
            _stack.SetValue(boxed, nodes);
            if (state == AtItem)
            {
                // The enumerator reads only the item of its current node: a node of its own stands in for the tree's.
                var node = Allocator.Uninitialized(_current.FieldType);
                _item.SetValue(node, CollectionEnumerators.Fit(parts, first + 4, _item.PropertyType));
                _current.SetValue(boxed, node);
            }
            if (saved != Invalid) parts.Reader.AfterFill(() => _treeVersion.SetValue(tree, saved));
            if (state != Ended && saved != Invalid)
            {
                EnumeratorWalks.Request(parts.Reader, tree, () => ((ICollection)tree).Count, () => (IEnumerator)_create.Invoke(new[] { tree, (object)false }), passed, parts.TypeName, fresh =>
                {
                    var path = new List<object>();
                    foreach (var step in (IEnumerable)_stack.GetValue(fresh)!) path.Add(step);
                    for (int i = path.Count - 1; i >= 0; i--) _push.Invoke(nodes, new[] { path[i] });
                });
            }
            return boxed;
        }

        /// <summary>How many items a fresh enumerator passes to reach <paramref name="node"/>, that item included.</summary>
        private int Passed(object fresh, object node)
        {
            var walk = (IEnumerator)fresh;
            int passed = 0;
            while (walk.MoveNext())
            {
                passed++;
                if (ReferenceEquals(_current.GetValue(walk), node)) return passed;
            }
            return 0;
        }
    }
}
