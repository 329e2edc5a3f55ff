using System;
using System.Collections.Generic;

namespace VarSave.Graph
{
    /// <summary>
    /// Bounds the work of filling hash collections. A hash set or dictionary walks one bucket's
    /// chain per insert, so keys a file chose to share a bucket (equal hash codes, or codes equal
    /// modulo the bucket count, which is predictable) cost quadratic time. Before each key is
    /// inserted, the load hashes it with the collection's comparer, models the bucket it lands in,
    /// and counts the chain steps the insert will take; the whole load may take
    /// n·log2(n)/8 steps for a body of n bytes (random keys take about half a step per key, and a key takes at
    /// least two bytes), and is
    /// refused past that. Strings with the BCL's own comparers are not counted: the runtime
    /// randomizes their hashing once it sees collisions.
    /// </summary>
    internal sealed class CollisionBudget
    {
        private readonly long _limit;
        private readonly int _bodyBytes;
        private long _steps;
        private int[] _chains = Array.Empty<int>();
        private int _buckets;

        public CollisionBudget(int bodyBytes)
        {
            _bodyBytes = bodyBytes;
            double n = Math.Max(bodyBytes, 4096);
            _limit = (long)(n * Math.Log(n, 2) / 8);
        }

        /// <summary>Starts a collection of <paramref name="buckets"/> buckets; false when its comparer needs no counting.</summary>
        public bool Begin<T>(IEqualityComparer<T> comparer, int buckets)
        {
            if (typeof(T) == typeof(string) && (ReferenceEquals(comparer, EqualityComparer<string>.Default)
                || ReferenceEquals(comparer, StringComparer.Ordinal) || ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase)))
                return false;
            _buckets = Math.Max(buckets, 1);
            if (_chains.Length < _buckets) _chains = new int[_buckets];
            else Array.Clear(_chains, 0, _buckets);
            return true;
        }

        /// <summary>Counts the insert of a key whose hash code is <paramref name="hash"/>.</summary>
        public void Add(int hash, string owner)
        {
            _steps += _chains[(uint)hash % (uint)_buckets]++;
            if (_steps > _limit)
                throw new SnapshotFormatException(
                    $"The snapshot is refused: the keys of {owner} collide in its hash table ({_steps} probes for a {_bodyBytes} byte snapshot, over the {_limit} allowed). " +
                    "A file made to flood hash tables would take quadratic time to load; if the program's own keys hash this badly, give their type a better GetHashCode.");
        }

        /// <summary>The buckets a hash collection will have once it holds <paramref name="count"/> items (exact on .NET, where the capacity is asked for).</summary>
        public static int BucketsOf<T>(HashSet<T> set, int count)
        {
#if NET
            return set.EnsureCapacity(count);
#else
            return count;
#endif
        }

        /// <inheritdoc cref="BucketsOf{T}(HashSet{T}, int)"/>
        public static int BucketsOf<TKey, TValue>(Dictionary<TKey, TValue> map, int count) where TKey : notnull
        {
#if NET
            return map.EnsureCapacity(count);
#else
            return count;
#endif
        }
    }
}
