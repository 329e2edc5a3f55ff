#if NET
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Immutable
{
    /// <summary>
    /// An <see cref="ImmutableDictionary{TKey, TValue}"/>: count, key comparer, value comparer, entries. Keys sit in a
    /// tree keyed by their hash codes, so each is counted against the load's <see cref="CollisionBudget"/>.
    /// </summary>
    internal sealed class ImmutableDictionaryCodec<TKey, TValue> : BuiltMapCodec<ImmutableDictionary<TKey, TValue>, TKey, TValue> where TKey : notnull
    {
        protected override void WriteHeader(ImmutableDictionary<TKey, TValue> map, StateWriter writer)
        {
            Comparers.Write(map.KeyComparer, EqualityComparer<TKey>.Default, writer);
            Comparers.Write(map.ValueComparer, EqualityComparer<TValue>.Default, writer);
        }

        protected override ImmutableDictionary<TKey, TValue> Build(StateReader reader, LoadedType type, int count)
        {
            var keys = Comparers.Read<IEqualityComparer<TKey>>(reader, type);
            var builder = ImmutableDictionary.CreateBuilder(keys, Comparers.Read<IEqualityComparer<TValue>>(reader, type));
            MapEntries.Read(builder, reader, type, count, reader.Collisions.Begin(builder.KeyComparer, count) ? builder.KeyComparer : null);
            return builder.ToImmutable();
        }
    }

    /// <summary>An <see cref="ImmutableSortedDictionary{TKey, TValue}"/>: count, key comparer (ordering), value comparer, entries.</summary>
    internal sealed class ImmutableSortedDictionaryCodec<TKey, TValue> : BuiltMapCodec<ImmutableSortedDictionary<TKey, TValue>, TKey, TValue> where TKey : notnull
    {
        protected override void WriteHeader(ImmutableSortedDictionary<TKey, TValue> map, StateWriter writer)
        {
            Comparers.Write(map.KeyComparer, Comparer<TKey>.Default, writer);
            Comparers.Write(map.ValueComparer, EqualityComparer<TValue>.Default, writer);
        }

        protected override ImmutableSortedDictionary<TKey, TValue> Build(StateReader reader, LoadedType type, int count)
        {
            var keys = Comparers.Read<IComparer<TKey>>(reader, type);
            var builder = ImmutableSortedDictionary.CreateBuilder(keys, Comparers.Read<IEqualityComparer<TValue>>(reader, type));
            MapEntries.Read(builder, reader, type, count, hashing: null);
            return builder.ToImmutable();
        }
    }

    /// <summary>
    /// A <see cref="FrozenDictionary{TKey, TValue}"/>, named by its public type: the entries go into a Dictionary first,
    /// counted as a Dictionary's are, then <c>ToFrozenDictionary</c> picks the layout.
    /// </summary>
    internal sealed class FrozenDictionaryCodec<TKey, TValue> : BuiltMapCodec<FrozenDictionary<TKey, TValue>, TKey, TValue> where TKey : notnull
    {
        protected override void WriteHeader(FrozenDictionary<TKey, TValue> map, StateWriter writer) => Comparers.Write(map.Comparer, EqualityComparer<TKey>.Default, writer);

        // The key comparer only.
        protected override void ScanHeader(StateReader reader, ReferenceScan scan) => Comparers.Scan(reader, scan);

        protected override FrozenDictionary<TKey, TValue> Build(StateReader reader, LoadedType type, int count)
        {
            var comparer = Comparers.Read<IEqualityComparer<TKey>>(reader, type);
            if (count == 0 && comparer == null) return FrozenDictionary<TKey, TValue>.Empty;
            var map = new Dictionary<TKey, TValue>(count, comparer);
            MapEntries.Read(map, reader, type, count, reader.Collisions.Begin(map.Comparer, CollisionBudget.BucketsOf(map, count)) ? map.Comparer : null);
            return map.ToFrozenDictionary(map.Comparer);
        }
    }
}
#endif
