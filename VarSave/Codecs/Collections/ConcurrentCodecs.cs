using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using VarSave.Codecs.Inheritance;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Collections
{
    /// <summary>A <see cref="ConcurrentDictionary{TKey, TValue}"/>: as a dictionary, with its comparer (the concurrency level is the loading machine's default).</summary>
    internal sealed class ConcurrentDictionaryCodec<TKey, TValue> : MapCodec<ConcurrentDictionary<TKey, TValue>, TKey, TValue> where TKey : notnull
    {
        private static readonly ConstructorInfo BaseCtor =
            BaseConstructor.Find(typeof(ConcurrentDictionary<TKey, TValue>), typeof(int), typeof(int), typeof(IEqualityComparer<TKey>));
#if NET
        protected override object ComparerOf(ConcurrentDictionary<TKey, TValue> map) => map.Comparer;
#else
        protected override object ComparerOf(ConcurrentDictionary<TKey, TValue> map) => EqualityComparer<TKey>.Default;
#endif
        protected override object DefaultComparer => EqualityComparer<TKey>.Default;
        protected override ConcurrentDictionary<TKey, TValue> New(int count, object? comparer) =>
            new ConcurrentDictionary<TKey, TValue>(Environment.ProcessorCount, Math.Max(count, 1), (IEqualityComparer<TKey>?)comparer ?? EqualityComparer<TKey>.Default);
        protected override void Construct(ConcurrentDictionary<TKey, TValue> instance, int count, object? comparer) =>
            BaseConstructor.Run(BaseCtor, instance, Environment.ProcessorCount, Math.Max(count, 1), comparer ?? EqualityComparer<TKey>.Default);
        protected override object? ReadComparer(StateReader reader, LoadedType type) => Comparers.Read<IEqualityComparer<TKey>>(reader, type);
#if NET
        // Chained buckets, one per capacity slot at first: the load's collision budget counts keys that share one.
        protected override IEqualityComparer<TKey>? HashingOf(ConcurrentDictionary<TKey, TValue> map, int count, StateReader reader) =>
            reader.Collisions.Begin(map.Comparer, Math.Max(count, 1)) ? map.Comparer : null;
#endif
    }

    /// <summary>A concurrent collection written from one snapshot of its items, so the count and the items agree while other threads change it.</summary>
    internal abstract class ConcurrentSequenceCodec<TCollection, T> : SequenceCodec<TCollection, T> where TCollection : class, IEnumerable<T>
    {
        protected abstract T[] ItemsOf(TCollection collection);

        public sealed override void Write(object value, StateWriter writer)
        {
            var items = ItemsOf((TCollection)value);
            writer.WriteCount(items.Length);
            for (int i = 0; i < items.Length; i++) writer.WriteElement(i, items[i]);
        }
    }

    internal sealed class ConcurrentQueueCodec<T> : ConcurrentSequenceCodec<ConcurrentQueue<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(ConcurrentQueue<T>));
        protected override void Clear(ConcurrentQueue<T> collection) { while (collection.TryDequeue(out _)) { } }
        protected override int CountOf(ConcurrentQueue<T> collection) => collection.Count;
        protected override ConcurrentQueue<T> New(int count, object? header) => new ConcurrentQueue<T>();
        protected override void Construct(ConcurrentQueue<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance);
        protected override void Add(ConcurrentQueue<T> collection, T item) => collection.Enqueue(item);

        protected override T[] ItemsOf(ConcurrentQueue<T> collection) => collection.ToArray();
    }

    /// <summary>Enumerates top first, like <see cref="Stack{T}"/>: pushed back in reverse.</summary>
    internal sealed class ConcurrentStackCodec<T> : ConcurrentSequenceCodec<ConcurrentStack<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(ConcurrentStack<T>));
        protected override void Clear(ConcurrentStack<T> collection) => collection.Clear();
        protected override int CountOf(ConcurrentStack<T> collection) => collection.Count;
        protected override ConcurrentStack<T> New(int count, object? header) => new ConcurrentStack<T>();
        protected override void Construct(ConcurrentStack<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance);
        protected override void Add(ConcurrentStack<T> collection, T item) => collection.Push(item);

        protected override T[] ItemsOf(ConcurrentStack<T> collection) => collection.ToArray();

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var items = new T[reader.ReadCountOf<T>("stack item")];
            for (int i = 0; i < items.Length; i++) items[i] = reader.ReadElement<T>(type, i);
            if (items.Length > 0)
            {
                Array.Reverse(items);
                ((ConcurrentStack<T>)instance).PushRange(items);
            }
        }
    }

    /// <summary>A <see cref="ConcurrentBag{T}"/> keeps its items; a bag has no order to keep.</summary>
    internal sealed class ConcurrentBagCodec<T> : ConcurrentSequenceCodec<ConcurrentBag<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(ConcurrentBag<T>));
        protected override void Clear(ConcurrentBag<T> collection) { while (collection.TryTake(out _)) { } }
        protected override int CountOf(ConcurrentBag<T> collection) => collection.Count;
        protected override ConcurrentBag<T> New(int count, object? header) => new ConcurrentBag<T>();
        protected override void Construct(ConcurrentBag<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance);
        protected override void Add(ConcurrentBag<T> collection, T item) => collection.Add(item);

        protected override T[] ItemsOf(ConcurrentBag<T> collection) => collection.ToArray();
    }
}
