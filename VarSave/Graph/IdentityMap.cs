using System;
using System.Runtime.CompilerServices;

namespace VarSave.Graph
{
    /// <summary>
    /// Object → id by reference, open addressing with linear probing. Built for the save walk:
    /// insert-only, one lookup per reference met, no comparer interface calls, no per-entry
    /// allocation, and key and id side by side so a lookup touches one cache line (at a million
    /// objects the walk is bound by memory, not by instructions).
    /// </summary>
    internal sealed class IdentityMap
    {
        private struct Entry
        {
            public object? Key;
            public int Id;
        }

        private Entry[] _entries;
        private int _count;
        private int _shift;

        public IdentityMap()
        {
            _entries = new Entry[1024];
            _shift = ShiftFor(_entries.Length);
        }

        /// <summary>The id of <paramref name="key"/>, or -1.</summary>
        public int Find(object key)
        {
            var entries = _entries;
            int mask = entries.Length - 1;
            for (int slot = Slot(key, _shift); ; slot = (slot + 1) & mask)
            {
                var found = entries[slot].Key;
                if (found == null) return -1;
                if (ReferenceEquals(found, key)) return entries[slot].Id;
            }
        }

        /// <summary>Forgets every key, keeping the table's size for the next save.</summary>
        public void Clear()
        {
            if (_count == 0) return;
            Array.Clear(_entries, 0, _entries.Length);
            _count = 0;
        }

        /// <summary>Adds a key known to be absent.</summary>
        public void Add(object key, int id)
        {
            if (++_count * 2 > _entries.Length) Grow();
            Insert(_entries, _shift, key, id);
        }

        /// <summary>
        /// The runtime's object hash codes come from a per-thread linear congruential generator,
        /// whose low bits repeat with short periods; multiplying by 2^32/φ and keeping the high
        /// bits (Fibonacci hashing) spreads them over the table.
        /// </summary>
        private static int Slot(object key, int shift) => (int)(((uint)RuntimeHelpers.GetHashCode(key) * 2654435769u) >> shift);

        private static int ShiftFor(int size)
        {
            int bits = 0;
            while ((1 << bits) < size) bits++;
            return 32 - bits;
        }

        private static void Insert(Entry[] entries, int shift, object key, int id)
        {
            int mask = entries.Length - 1;
            int slot = Slot(key, shift);
            while (entries[slot].Key != null) slot = (slot + 1) & mask;
            entries[slot].Key = key;
            entries[slot].Id = id;
        }

        private void Grow()
        {
            var entries = new Entry[_entries.Length * 2];
            int shift = ShiftFor(entries.Length);
            foreach (var entry in _entries)
                if (entry.Key != null) Insert(entries, shift, entry.Key, entry.Id);
            _entries = entries;
            _shift = shift;
        }
    }
}
