using System;
using System.Collections.Generic;
using System.Reflection;
using VarSave.Codecs.Inheritance;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Collections
{
    /// <summary>A <see cref="SortedSet{T}"/>: count, comparer, items in order.</summary>
    internal sealed class SortedSetCodec<T> : SequenceCodec<SortedSet<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(SortedSet<T>), typeof(IComparer<T>));
        public override bool FillsLate => true;
        protected override void Clear(SortedSet<T> collection) => collection.Clear();
        protected override int CountOf(SortedSet<T> collection) => collection.Count;
        protected override SortedSet<T> New(int count, object? header) => new SortedSet<T>((IComparer<T>?)header);
        protected override void Construct(SortedSet<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance, header);
        protected override void Add(SortedSet<T> collection, T item) => collection.Add(item);
        protected override void WriteHeader(SortedSet<T> collection, StateWriter writer) => Comparers.Write(collection.Comparer, Comparer<T>.Default, writer);
        protected override object? ReadHeader(StateReader reader, LoadedType type) => Comparers.Read<IComparer<T>>(reader, type);
        protected override void SkipHeaderCode(StateReader reader) => Comparers.SkipCode(reader);
    }

    /// <summary>
    /// A <see cref="SortedList{TKey, TValue}"/>: count, comparer, entries in key order. The entries are
    /// sorted before they are added, so a file in reverse order cannot make loading quadratic.
    /// </summary>
    internal sealed class SortedListCodec<TKey, TValue> : MapCodec<SortedList<TKey, TValue>, TKey, TValue> where TKey : notnull
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(SortedList<TKey, TValue>), typeof(int), typeof(IComparer<TKey>));
        protected override object ComparerOf(SortedList<TKey, TValue> map) => map.Comparer;
        protected override object DefaultComparer => Comparer<TKey>.Default;
        protected override SortedList<TKey, TValue> New(int count, object? comparer) => new SortedList<TKey, TValue>(count, (IComparer<TKey>?)comparer);
        protected override void Construct(SortedList<TKey, TValue> instance, int count, object? comparer) => BaseConstructor.Run(BaseCtor, instance, count, comparer);
        protected override object? ReadComparer(StateReader reader, LoadedType type) => Comparers.Read<IComparer<TKey>>(reader, type);

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var list = (SortedList<TKey, TValue>)instance;
            int count = reader.ReadCountOf<TKey, TValue>("dictionary entry");
            ReadComparer(reader, type);
            var keys = new TKey[count];
            var values = new TValue[count];
            for (int i = 0; i < count; i++)
            {
                keys[i] = reader.ReadElement<TKey>(type, i) ?? throw reader.Input.Corrupt($"{type.Name} has a null key at entry {i}");
                values[i] = reader.ReadElement<TValue>(type, i);
            }
            Array.Sort(keys, values, list.Comparer);
            for (int i = 0; i < count; i++)
            {
                if (list.ContainsKey(keys[i])) throw reader.Input.Corrupt($"{type.Name} has a repeated key");
                list.Add(keys[i], values[i]);
            }
        }
    }
}
