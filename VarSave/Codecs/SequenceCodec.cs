using System.Collections.Generic;
using System.Reflection;
using VarSave.Codecs.Inheritance;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>
    /// A collection saved as its count, an optional header (a comparer), then its items in
    /// enumeration order. Subclasses say how to count, create and add, and how to set up the
    /// collection part of a woven class derived from it.
    /// </summary>
    internal abstract class SequenceCodec<TCollection, T> : ObjectCodec, IBaseCodec where TCollection : class, IEnumerable<T>
    {
        public override bool FillsInPlace => true;

        public override void Reset(object instance) => Clear((TCollection)instance);

        protected abstract void Clear(TCollection collection);

        protected abstract int CountOf(TCollection collection);

        protected abstract TCollection New(int count, object? header);

        protected abstract void Add(TCollection collection, T item);

        /// <summary>Runs the collection's own constructor on an instance of a woven class derived from it.</summary>
        protected abstract void Construct(TCollection instance, int count, object? header);

        /// <summary>Writes what must be known before the collection can be created (its comparer); nothing by default.</summary>
        protected virtual void WriteHeader(TCollection collection, StateWriter writer) { }

        protected virtual object? ReadHeader(StateReader reader, LoadedType type) => null;

        public override void Write(object value, StateWriter writer)
        {
            var collection = (TCollection)value;
            int count = CountOf(collection);
            writer.WriteCount(count);
            WriteHeader(collection, writer);
            int written = WriteItems(collection, writer);
            // Another thread may change the collection under the save: the count written must be the items written.
            if (written != count || CountOf(collection) != count)
                throw writer.ChangedWhileSaving(value.GetType(), $"it had {count} items when the save began, {written} as they were written, {CountOf(collection)} after");
        }

        /// <summary>Writes the items in enumeration order and returns how many; overridden where the collection can be walked without an enumerator object.</summary>
        protected virtual int WriteItems(TCollection collection, StateWriter writer)
        {
            int i = 0;
            foreach (var item in collection) writer.WriteElement(i++, item);
            return i;
        }

        public override object Create(StateReader reader, LoadedType type)
        {
            int count = reader.ReadCountOf<T>("collection item");
            return New(count, ReadHeader(reader, type));
        }

        public void InitializeBase(object instance, StateReader reader, LoadedType type)
        {
            int count = reader.ReadCountOf<T>("collection item");
            Construct((TCollection)instance, count, ReadHeader(reader, type));
        }

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var collection = (TCollection)instance;
            int count = reader.ReadCount("collection item");
            ReadHeader(reader, type);
            for (int i = 0; i < count; i++) Add(collection, reader.ReadElement<T>(type, i));
        }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            reader.ReadCount("collection item");
            SkipHeaderCode(reader);
            reader.ScanToEnd(scan);
        }

        /// <summary>Steps over the header's bytes that are not values (a comparer's code); the values after it are scanned.</summary>
        protected virtual void SkipHeaderCode(StateReader reader) { }
    }

    internal sealed class ListCodec<T> : SequenceCodec<List<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(List<T>), typeof(int));
        protected override void Construct(List<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance, count);
        protected override void Clear(List<T> collection) => collection.Clear();
        protected override int CountOf(List<T> collection) => collection.Count;
        protected override List<T> New(int count, object? header) => new List<T>(count);
        protected override void Add(List<T> collection, T item) => collection.Add(item);

        protected override int WriteItems(List<T> collection, StateWriter writer)
        {
            // An enumerator taken first notices (on MoveNext) any change made while the items were read by index.
            var unchanged = collection.GetEnumerator();
            int i = 0;
            for (; i < collection.Count; i++) writer.WriteElement(i, collection[i]);
            unchanged.MoveNext();
            return i;
        }
    }

    internal sealed class QueueCodec<T> : SequenceCodec<Queue<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(Queue<T>), typeof(int));
        protected override void Construct(Queue<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance, count);
        protected override void Clear(Queue<T> collection) => collection.Clear();
        protected override int CountOf(Queue<T> collection) => collection.Count;
        protected override Queue<T> New(int count, object? header) => new Queue<T>(count);
        protected override void Add(Queue<T> collection, T item) => collection.Enqueue(item);
    }

    internal sealed class LinkedListCodec<T> : SequenceCodec<LinkedList<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(LinkedList<T>));
        protected override void Construct(LinkedList<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance);
        protected override void Clear(LinkedList<T> collection) => collection.Clear();
        protected override int CountOf(LinkedList<T> collection) => collection.Count;
        protected override LinkedList<T> New(int count, object? header) => new LinkedList<T>();
        protected override void Add(LinkedList<T> collection, T item) => collection.AddLast(item);
    }

    /// <summary>A stack enumerates top first, so items are pushed back in reverse once all are read.</summary>
    internal sealed class StackCodec<T> : SequenceCodec<Stack<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(Stack<T>), typeof(int));
        protected override void Construct(Stack<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance, count);
        protected override void Clear(Stack<T> collection) => collection.Clear();
        protected override int CountOf(Stack<T> collection) => collection.Count;
        protected override Stack<T> New(int count, object? header) => new Stack<T>(count);
        protected override void Add(Stack<T> collection, T item) => collection.Push(item);

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var stack = (Stack<T>)instance;
            var items = new T[reader.ReadCountOf<T>("stack item")];
            for (int i = 0; i < items.Length; i++) items[i] = reader.ReadElement<T>(type, i);
            for (int i = items.Length - 1; i >= 0; i--) stack.Push(items[i]);
        }
    }

    internal sealed class HashSetCodec<T> : SequenceCodec<HashSet<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(HashSet<T>), typeof(IEqualityComparer<T>));
        protected override void Construct(HashSet<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance, header);
        protected override void Clear(HashSet<T> collection) => collection.Clear();
        public override bool FillsLate => true;
        protected override int CountOf(HashSet<T> collection) => collection.Count;
        protected override HashSet<T> New(int count, object? header) => new HashSet<T>((IEqualityComparer<T>?)header);
        protected override void Add(HashSet<T> collection, T item) => collection.Add(item);
        protected override void WriteHeader(HashSet<T> collection, StateWriter writer) =>
            Comparers.Write(collection.Comparer, EqualityComparer<T>.Default, writer);
        protected override object? ReadHeader(StateReader reader, LoadedType type) =>
            Comparers.Read<IEqualityComparer<T>>(reader, type);
        protected override void SkipHeaderCode(StateReader reader) => Comparers.SkipCode(reader);

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var set = (HashSet<T>)instance;
            int count = reader.ReadCountOf<T>("collection item");
            ReadHeader(reader, type);
            var collisions = reader.Collisions;
            bool counted = collisions.Begin(set.Comparer, CollisionBudget.BucketsOf(set, count));
            for (int i = 0; i < count; i++)
            {
                var item = reader.ReadElement<T>(type, i);
                if (counted) collisions.Add(item == null ? 0 : set.Comparer.GetHashCode(item), type.Name);
                set.Add(item);
            }
        }
    }
}
