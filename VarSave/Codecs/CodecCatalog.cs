using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using VarSave.Registry;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>Chooses the codec for a run-time type of reference object, or none: then the object cannot be saved.</summary>
    internal static class CodecCatalog
    {
        private static readonly ConcurrentDictionary<Type, ObjectCodec?> Cache = new ConcurrentDictionary<Type, ObjectCodec?>();

        private static readonly Dictionary<Type, Type> GenericCodecs = new Dictionary<Type, Type>
        {
            [typeof(List<>)] = typeof(ListCodec<>),
            [typeof(Queue<>)] = typeof(QueueCodec<>),
            [typeof(Stack<>)] = typeof(StackCodec<>),
            [typeof(LinkedList<>)] = typeof(LinkedListCodec<>),
            [typeof(HashSet<>)] = typeof(HashSetCodec<>),
            [typeof(Dictionary<,>)] = typeof(DictionaryCodec<,>),
            [typeof(SortedDictionary<,>)] = typeof(SortedDictionaryCodec<,>),
            [typeof(System.Collections.ObjectModel.Collection<>)] = typeof(Collections.CollectionCodec<>),
            [typeof(System.Collections.ObjectModel.ObservableCollection<>)] = typeof(Collections.ObservableCollectionCodec<>),
            [typeof(SortedSet<>)] = typeof(Collections.SortedSetCodec<>),
            [typeof(SortedList<,>)] = typeof(Collections.SortedListCodec<,>),
            [typeof(System.Collections.ObjectModel.ReadOnlyCollection<>)] = typeof(Collections.ReadOnlyCollectionCodec<>),
            [typeof(System.Collections.ObjectModel.ReadOnlyDictionary<,>)] = typeof(Collections.ReadOnlyDictionaryCodec<,>),
            [typeof(System.Collections.Concurrent.ConcurrentDictionary<,>)] = typeof(Collections.ConcurrentDictionaryCodec<,>),
            [typeof(System.Collections.Concurrent.ConcurrentQueue<>)] = typeof(Collections.ConcurrentQueueCodec<>),
            [typeof(System.Collections.Concurrent.ConcurrentStack<>)] = typeof(Collections.ConcurrentStackCodec<>),
            [typeof(System.Collections.Concurrent.ConcurrentBag<>)] = typeof(Collections.ConcurrentBagCodec<>),
#if NET
            [typeof(PriorityQueue<,>)] = typeof(Collections.PriorityQueueCodec<,>),
#endif
            [typeof(Lazy<>)] = typeof(Values.LazyCodec<>),
#if NET
            [typeof(System.Collections.Immutable.ImmutableList<>)] = typeof(Immutable.ImmutableListCodec<>),
            [typeof(System.Collections.Immutable.ImmutableStack<>)] = typeof(Immutable.ImmutableStackCodec<>),
            [typeof(System.Collections.Immutable.ImmutableQueue<>)] = typeof(Immutable.ImmutableQueueCodec<>),
            [typeof(System.Collections.Immutable.ImmutableHashSet<>)] = typeof(Immutable.ImmutableHashSetCodec<>),
            [typeof(System.Collections.Immutable.ImmutableSortedSet<>)] = typeof(Immutable.ImmutableSortedSetCodec<>),
            [typeof(System.Collections.Immutable.ImmutableDictionary<,>)] = typeof(Immutable.ImmutableDictionaryCodec<,>),
            [typeof(System.Collections.Immutable.ImmutableSortedDictionary<,>)] = typeof(Immutable.ImmutableSortedDictionaryCodec<,>),
            [typeof(System.Collections.Frozen.FrozenSet<>)] = typeof(Immutable.FrozenSetCodec<>),
            [typeof(System.Collections.Frozen.FrozenDictionary<,>)] = typeof(Immutable.FrozenDictionaryCodec<,>),
#endif
        };

        /// <summary>BCL classes saved by a codec of their own, by exact type.</summary>
        private static readonly Dictionary<Type, ObjectCodec> ExactCodecs = new Dictionary<Type, ObjectCodec>
        {
            [typeof(Version)] = Text.VersionCodec.Instance,
            [typeof(Uri)] = Text.UriCodec.Instance,
            [typeof(System.Text.RegularExpressions.Regex)] = Text.RegexCodec.Instance,
            [typeof(System.Globalization.CultureInfo)] = Text.CultureInfoCodec.Instance,
            [typeof(System.Collections.BitArray)] = Collections.BitArrayCodec.Instance,
            [typeof(System.Collections.ArrayList)] = Collections.ArrayListCodec.Instance,
            [typeof(System.Collections.Hashtable)] = Collections.HashtableCodec.Instance,
            [typeof(System.Diagnostics.Stopwatch)] = Time.StopwatchCodec.Instance,
        };

        public static ObjectCodec? For(Type type) => Cache.GetOrAdd(type, Choose);

        /// <summary>Drops the cached choices for a type and its subclasses (a surrogate was registered for it).</summary>
        public static void Forget(Type type)
        {
            foreach (var known in Cache.Keys)
                if (type.IsAssignableFrom(known)) Cache.TryRemove(known, out _);
        }

        private static ObjectCodec? Choose(Type type)
        {
            if (type.IsValueType) return null;
            if (Surrogates.SurrogateRegistry.Find(type) is Surrogates.Surrogate surrogate) return new Surrogates.SurrogateObjectCodec(surrogate);
            if (type == typeof(object)) return PlainObjectCodec.Instance;
            if (type == typeof(StringBuilder)) return StringBuilderCodec.Instance;
            if (typeof(Delegate).IsAssignableFrom(type)) return DelegateCodec.Instance;
            if (ExactCodecs.TryGetValue(type, out var exact)) return exact;
#if NET
            if (Numerics.RandomCodec.Handles(type)) return Numerics.RandomCodec.Instance;
#endif
            if (Text.StringComparerCodec.Handles(type)) return Text.StringComparerCodec.Instance;
            var face = BuiltinTypes.PublicFace(type);
            if (Values.DefaultComparerCodec.For(face) is ObjectCodec defaultComparer) return defaultComparer;
            // A frozen collection's class is internal: it is saved by its public type's codec.
            if (face != type && face.IsGenericType && GenericCodecs.TryGetValue(face.GetGenericTypeDefinition(), out var faceCodec))
                return (ObjectCodec)Activator.CreateInstance(faceCodec.MakeGenericType(face.GetGenericArguments()))!;
            if (type.IsArray)
            {
                var element = type.GetElementType()!;
                return Graph.TypeTableWriter.IsVector(type)
                    ? (ObjectCodec)Activator.CreateInstance(typeof(VectorCodec<>).MakeGenericType(element))!
                    : new MultiArrayCodec(type);
            }
            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                if (definition == Enumerators.ArrayEnumeratorCodec<int>.Definition)
                {
                    var enumerator = (ObjectCodec)Activator.CreateInstance(typeof(Enumerators.ArrayEnumeratorCodec<>).MakeGenericType(type.GetGenericArguments()))!;
                    return enumerator.GetType().GetProperty("Available")!.GetValue(null) is true ? enumerator : null;
                }
                if (GenericCodecs.TryGetValue(definition, out var codec))
                    return (ObjectCodec)Activator.CreateInstance(codec.MakeGenericType(type.GetGenericArguments()))!;
                if (BuiltinTypes.IsTuple(type)) return new TupleCodec(type);
            }
            var woven = TypeRegistry.FindByType(type);
            if (woven != null && typeof(IStateful).IsAssignableFrom(type) && !type.IsAbstract) return Inheritance.BclBases.CodecFor(woven, type);
            if (woven == null && BuiltinTypes.TryGetCode(type, out _) && Exceptions.ExceptionCodec.IsBclException(type)) return new Exceptions.ExceptionCodec(type);
            return null;
        }
    }
}
