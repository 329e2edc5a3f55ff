using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Reflection;
using VarSave.Codecs.Inheritance;
using VarSave.Runtime;

namespace VarSave.Codecs.Collections
{
    /// <summary>
    /// <see cref="Collection{T}"/> and its subclasses, saved as their items. Items are added to the
    /// inner list (the protected <c>Items</c>), so no overridden <c>InsertItem</c> of the program runs
    /// and no change event is raised while loading. A collection that wrapped a list of the
    /// program's is loaded over a list of its own with the same items.
    /// </summary>
    internal abstract class CollectionOfTCodec<TCollection, T> : SequenceCodec<TCollection, T> where TCollection : Collection<T>
    {
        private static readonly Func<Collection<T>, IList<T>> Items = (Func<Collection<T>, IList<T>>)Delegate.CreateDelegate(
            typeof(Func<Collection<T>, IList<T>>),
            typeof(Collection<T>).GetProperty("Items", BindingFlags.Instance | BindingFlags.NonPublic)!.GetGetMethod(nonPublic: true)!);

        protected override void Clear(TCollection collection) => Items(collection).Clear();
        protected override int CountOf(TCollection collection) => collection.Count;
        protected override void Add(TCollection collection, T item) => Items(collection).Add(item);

        protected override int WriteItems(TCollection collection, StateWriter writer)
        {
            var items = Items(collection);
            int i = 0;
            for (; i < items.Count; i++) writer.WriteElement(i, items[i]);
            return i;
        }
    }

    internal sealed class CollectionCodec<T> : CollectionOfTCodec<Collection<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(Collection<T>), typeof(IList<T>));
        protected override Collection<T> New(int count, object? header) => new Collection<T>(new List<T>(count));
        protected override void Construct(Collection<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance, new List<T>(count));
    }

    /// <summary>Change subscribers (views, bindings) belong to the process and are not saved.</summary>
    internal sealed class ObservableCollectionCodec<T> : CollectionOfTCodec<ObservableCollection<T>, T>
    {
        private static readonly ConstructorInfo BaseCtor = BaseConstructor.Find(typeof(ObservableCollection<T>));
        protected override ObservableCollection<T> New(int count, object? header) => new ObservableCollection<T>();
        protected override void Construct(ObservableCollection<T> instance, int count, object? header) => BaseConstructor.Run(BaseCtor, instance);
    }
}
