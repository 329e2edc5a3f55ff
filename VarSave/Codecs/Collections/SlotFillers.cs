using System.Collections.Generic;

namespace VarSave.Codecs.Collections
{
    /// <summary>A dictionary holding the saved entries in saved order, refilled slot by slot by <see cref="EntryLayout.Rebuild"/>.</summary>
    internal sealed class DictionarySlots<TKey, TValue> : SlotFiller<TKey> where TKey : notnull
    {
        private readonly Dictionary<TKey, TValue> _map;
        private readonly KeyValuePair<TKey, TValue>[] _saved;

        public DictionarySlots(Dictionary<TKey, TValue> map)
        {
            _map = map;
            _saved = new KeyValuePair<TKey, TValue>[map.Count];
            ((ICollection<KeyValuePair<TKey, TValue>>)map).CopyTo(_saved, 0);
        }

        public override bool TryAdd(TKey key)
        {
            if (_map.ContainsKey(key)) return false;
            _map.Add(key, default!);
            return true;
        }

        public override void AddSaved(int index) => _map.Add(_saved[index].Key, _saved[index].Value);

        public override void Remove(TKey key) => _map.Remove(key);

        public override void Clear() => _map.Clear();
    }

    /// <summary>A hash set holding the saved items in saved order, refilled slot by slot by <see cref="EntryLayout.Rebuild"/>.</summary>
    internal sealed class HashSetSlots<T> : SlotFiller<T>
    {
        private readonly HashSet<T> _set;
        private readonly T[] _saved;

        public HashSetSlots(HashSet<T> set)
        {
            _set = set;
            _saved = new T[set.Count];
            set.CopyTo(_saved);
        }

        public override bool TryAdd(T key) => _set.Add(key);

        public override void AddSaved(int index) => _set.Add(_saved[index]);

        public override void Remove(T key) => _set.Remove(key);

        public override void Clear() => _set.Clear();
    }
}
