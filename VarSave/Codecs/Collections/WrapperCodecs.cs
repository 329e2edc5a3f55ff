using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Reflection;
using VarSave.Codecs.Inheritance;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Collections
{
    /// <summary>
    /// A read-only view (<see cref="ReadOnlyCollection{T}"/>, <see cref="ReadOnlyDictionary{TKey, TValue}"/>)
    /// saved as a reference to the collection it wraps, so a view of a list the program still changes
    /// stays a view of that list. The view is made without constructors and its BCL constructor runs on
    /// it once the wrapped collection exists.
    /// </summary>
    internal abstract class WrapperCodec<TView, TWrapped> : ObjectCodec where TView : class where TWrapped : class
    {
        private static readonly FieldInfo Wrapped = typeof(TView).GetField(WrappedFieldName, BindingFlags.Instance | BindingFlags.NonPublic)!;
        private static readonly ConstructorInfo Constructor = BaseConstructor.Find(typeof(TView), typeof(TWrapped));

        // The BCL's own field names, stable since .NET Framework.
        private static string WrappedFieldName => typeof(TView).GetGenericTypeDefinition() == typeof(ReadOnlyCollection<>) ? "list" : "m_dictionary";

        public override void Write(object value, StateWriter writer) => writer.WriteMember("wrapped", Wrapped.GetValue(value));

        public override object Create(StateReader reader, LoadedType type) => Allocator.Uninitialized(typeof(TView));

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan) => reader.ScanToEnd(scan);

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var wrapped = reader.ReadItem<TWrapped>(type.Name + ".wrapped") ?? throw reader.Input.Corrupt($"{type.Name} wraps nothing");
            BaseConstructor.Run(Constructor, instance, wrapped);
        }
    }

    internal sealed class ReadOnlyCollectionCodec<T> : WrapperCodec<ReadOnlyCollection<T>, IList<T>> { }

    internal sealed class ReadOnlyDictionaryCodec<TKey, TValue> : WrapperCodec<ReadOnlyDictionary<TKey, TValue>, IDictionary<TKey, TValue>> where TKey : notnull { }
}
