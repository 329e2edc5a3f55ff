#if NET
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Immutable
{
    /// <summary>A set built from its items: count, comparer, items. Items are keys (hashed or ordered as it is built).</summary>
    internal abstract class BuiltSetCodec<TSet, T> : BuiltCodec<TSet, T> where TSet : class, IEnumerable<T>
    {
        protected override bool ItemsAreKeys => true;

        protected override void ScanHeader(StateReader reader, ReferenceScan scan) => Comparers.Scan(reader, scan);

        /// <summary>
        /// Reads <paramref name="count"/> items into <paramref name="set"/>, none repeated; with <paramref name="hashing"/>, each
        /// item's hash code is counted against the load's <see cref="CollisionBudget"/> first.
        /// </summary>
        protected static void AddItems(ISet<T> set, StateReader reader, LoadedType type, int count, IEqualityComparer<T>? hashing)
        {
            for (int i = 0; i < count; i++)
            {
                var item = reader.ReadElement<T>(type, i);
                if (hashing != null) reader.Collisions.Add(item == null ? 0 : hashing.GetHashCode(item), type.Name);
                if (!set.Add(item)) throw reader.Input.Corrupt($"{type.Name} has a repeated item at {i}");
            }
        }
    }

    /// <summary>
    /// An <see cref="ImmutableHashSet{T}"/>. Its items sit in a tree keyed by their hash codes; equal codes share a
    /// list, so each item's hash is counted against the load's <see cref="CollisionBudget"/> as a HashSet's is.
    /// </summary>
    internal sealed class ImmutableHashSetCodec<T> : BuiltSetCodec<ImmutableHashSet<T>, T>
    {
        protected override void WriteHeader(ImmutableHashSet<T> set, StateWriter writer) => Comparers.Write(set.KeyComparer, EqualityComparer<T>.Default, writer);

        protected override ImmutableHashSet<T> Build(StateReader reader, LoadedType type, int count)
        {
            var builder = ImmutableHashSet.CreateBuilder(Comparers.Read<IEqualityComparer<T>>(reader, type));
            AddItems(builder, reader, type, count, reader.Collisions.Begin(builder.KeyComparer, count) ? builder.KeyComparer : null);
            // Empty with the default comparer: the BCL's singleton, as a live program's empty set is.
            return builder.ToImmutable();
        }
    }

    /// <summary>An <see cref="ImmutableSortedSet{T}"/>: a balanced tree, so no hash flooding; its comparer orders the items.</summary>
    internal sealed class ImmutableSortedSetCodec<T> : BuiltSetCodec<ImmutableSortedSet<T>, T>
    {
        protected override void WriteHeader(ImmutableSortedSet<T> set, StateWriter writer) => Comparers.Write(set.KeyComparer, Comparer<T>.Default, writer);

        protected override ImmutableSortedSet<T> Build(StateReader reader, LoadedType type, int count)
        {
            var builder = ImmutableSortedSet.CreateBuilder(Comparers.Read<IComparer<T>>(reader, type));
            AddItems(builder, reader, type, count, hashing: null);
            return builder.ToImmutable();
        }
    }

    /// <summary>
    /// A <see cref="FrozenSet{T}"/>, named by its public type (its class is one of the BCL's internal ones, chosen from
    /// the contents). The items go into a HashSet first, counted as a HashSet's are, then <c>ToFrozenSet</c> picks the
    /// layout, as it did in the saving program.
    /// </summary>
    internal sealed class FrozenSetCodec<T> : BuiltSetCodec<FrozenSet<T>, T>
    {
        protected override void WriteHeader(FrozenSet<T> set, StateWriter writer) => Comparers.Write(set.Comparer, EqualityComparer<T>.Default, writer);

        protected override FrozenSet<T> Build(StateReader reader, LoadedType type, int count)
        {
            var comparer = Comparers.Read<IEqualityComparer<T>>(reader, type);
            if (count == 0 && comparer == null) return FrozenSet<T>.Empty;
            var set = new HashSet<T>(comparer);
            AddItems(set, reader, type, count, reader.Collisions.Begin(set.Comparer, CollisionBudget.BucketsOf(set, count)) ? set.Comparer : null);
            return set.ToFrozenSet(set.Comparer);
        }
    }
}
#endif
