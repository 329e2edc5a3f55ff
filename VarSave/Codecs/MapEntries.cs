using System.Collections.Generic;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>Reading a dictionary's saved entries into a map or a builder: the same checks for every kind of dictionary.</summary>
    internal static class MapEntries
    {
        /// <summary>
        /// Reads <paramref name="count"/> key and value pairs into <paramref name="map"/>; keys are never null nor repeated,
        /// and with <paramref name="hashing"/> each key's hash code is counted against the load's <see cref="CollisionBudget"/> first.
        /// </summary>
        public static void Read<TKey, TValue>(IDictionary<TKey, TValue> map, StateReader reader, LoadedType type, int count, IEqualityComparer<TKey>? hashing)
        {
            for (int i = 0; i < count; i++)
            {
                var key = reader.ReadElement<TKey>(type, i);
                var value = reader.ReadElement<TValue>(type, i);
                if (key == null) throw reader.Input.Corrupt($"{type.Name} has a null key at entry {i}");
                if (hashing != null) reader.Collisions.Add(hashing.GetHashCode(key), type.Name);
                // One hash lookup: a repeated key overwrites, and the count tells.
                int before = map.Count;
                map[key] = value;
                if (map.Count == before) throw reader.Input.Corrupt($"{type.Name} has a repeated key at entry {i}");
            }
        }
    }
}
