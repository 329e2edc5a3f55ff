using System;
using System.Runtime.CompilerServices;

namespace VarSave.Graph
{
    /// <summary>
    /// Object → id by reference, open addressing with linear probing. Built for the save walk:
    /// insert-only, one lookup per reference met, no comparer interface calls, no per-entry allocation.
    /// </summary>
    internal sealed class IdentityMap
    {
        private object?[] _keys;
        private int[] _values;
        private int _count;

        /// <summary>Sized for about <paramref name="expected"/> objects without growing.</summary>
        public IdentityMap(int expected = 512)
        {
            int size = 1024;
            while (size < expected * 2) size *= 2;
            _keys = new object?[size];
            _values = new int[size];
        }

        /// <summary>The id of <paramref name="key"/>, or -1.</summary>
        public int Find(object key)
        {
            int mask = _keys.Length - 1;
            for (int slot = RuntimeHelpers.GetHashCode(key) & mask; ; slot = (slot + 1) & mask)
            {
                var found = _keys[slot];
                if (found == null) return -1;
                if (ReferenceEquals(found, key)) return _values[slot];
            }
        }

        /// <summary>Adds a key known to be absent.</summary>
        public void Add(object key, int value)
        {
            if (++_count * 2 > _keys.Length) Grow();
            Insert(_keys, _values, key, value);
        }

        private static void Insert(object?[] keys, int[] values, object key, int value)
        {
            int mask = keys.Length - 1;
            int slot = RuntimeHelpers.GetHashCode(key) & mask;
            while (keys[slot] != null) slot = (slot + 1) & mask;
            keys[slot] = key;
            values[slot] = value;
        }

        private void Grow()
        {
            var keys = new object?[_keys.Length * 2];
            var values = new int[keys.Length];
            for (int i = 0; i < _keys.Length; i++)
                if (_keys[i] is object key) Insert(keys, values, key, _values[i]);
            _keys = keys;
            _values = values;
        }
    }
}
