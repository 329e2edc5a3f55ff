using System;
using System.Collections.Generic;
using System.Text;

namespace VarSave.Codecs
{
    /// <summary>
    /// The fixed list of BCL types a snapshot may name, besides woven ones. A code is the
    /// position in its list plus one; appending keeps old snapshots readable.
    /// </summary>
    internal static class BuiltinTypes
    {
        private static readonly Type[] Simple =
        {
            typeof(object), typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort),
            typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(char), typeof(float),
            typeof(double), typeof(decimal), typeof(string), typeof(DateTime), typeof(DateTimeOffset),
            typeof(TimeSpan), typeof(Guid), typeof(StringBuilder), typeof(Action), typeof(EventHandler),
            // BCL exceptions held in fields (issue 12).
            typeof(Exception), typeof(SystemException), typeof(ApplicationException), typeof(ArgumentException),
            typeof(ArgumentNullException), typeof(ArgumentOutOfRangeException), typeof(ArithmeticException), typeof(DivideByZeroException),
            typeof(OverflowException), typeof(FormatException), typeof(IndexOutOfRangeException), typeof(InvalidCastException),
            typeof(InvalidOperationException), typeof(ObjectDisposedException), typeof(NotImplementedException), typeof(NotSupportedException),
            typeof(NullReferenceException), typeof(TimeoutException), typeof(KeyNotFoundException), typeof(System.IO.IOException),
            typeof(System.IO.FileNotFoundException), typeof(System.IO.DirectoryNotFoundException), typeof(System.IO.EndOfStreamException),
            typeof(UnauthorizedAccessException), typeof(OperationCanceledException), typeof(AggregateException),
            typeof(PlatformNotSupportedException), typeof(RankException), typeof(ArrayTypeMismatchException),
            // BCL values and objects (issue 12). Types this runtime lacks keep their place, so codes match across builds.
            typeof(System.Numerics.BigInteger), typeof(System.Numerics.Complex),
#if NET
            typeof(Half), typeof(Int128), typeof(UInt128), typeof(DateOnly), typeof(TimeOnly),
#else
            typeof(NotOnThisRuntime), typeof(NotOnThisRuntime), typeof(NotOnThisRuntime), typeof(NotOnThisRuntime), typeof(NotOnThisRuntime),
#endif
            typeof(Random), typeof(Version), typeof(Uri), typeof(System.Text.RegularExpressions.Regex), typeof(System.Globalization.CultureInfo),
            typeof(StringComparer), typeof(System.Collections.BitArray), typeof(System.Collections.ArrayList), typeof(System.Collections.Hashtable),
            typeof(System.Diagnostics.Stopwatch),
        };

        private static readonly Type[] GenericDefinitions =
        {
            typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(SortedDictionary<,>),
            typeof(Queue<>), typeof(Stack<>), typeof(LinkedList<>), typeof(Nullable<>), typeof(KeyValuePair<,>),
            typeof(Tuple<>), typeof(Tuple<,>), typeof(Tuple<,,>), typeof(Tuple<,,,>),
            typeof(Tuple<,,,,>), typeof(Tuple<,,,,,>), typeof(Tuple<,,,,,,>), typeof(Tuple<,,,,,,,>),
            typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>),
            typeof(ValueTuple<,,,,>), typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>), typeof(ValueTuple<,,,,,,,>),
            // Delegate types, so saved lambdas can name them.
            typeof(Func<>), typeof(Func<,>), typeof(Func<,,>), typeof(Func<,,,>), typeof(Func<,,,,>), typeof(Func<,,,,,>),
            typeof(Action<>), typeof(Action<,>), typeof(Action<,,>), typeof(Action<,,,>), typeof(Action<,,,,>),
            typeof(EventHandler<>), typeof(Predicate<>), typeof(Comparison<>), typeof(Converter<,>),
            // Issue 12.
            typeof(System.Collections.ObjectModel.Collection<>), typeof(System.Collections.ObjectModel.ObservableCollection<>),
            typeof(SortedSet<>), typeof(SortedList<,>), typeof(System.Collections.ObjectModel.ReadOnlyCollection<>),
            typeof(System.Collections.ObjectModel.ReadOnlyDictionary<,>), typeof(System.Collections.Concurrent.ConcurrentDictionary<,>),
            typeof(System.Collections.Concurrent.ConcurrentQueue<>), typeof(System.Collections.Concurrent.ConcurrentStack<>),
            typeof(System.Collections.Concurrent.ConcurrentBag<>),
#if NET
            typeof(PriorityQueue<,>),
#else
            typeof(NotOnThisRuntime),
#endif
            typeof(Lazy<>), typeof(EqualityComparer<>), typeof(Comparer<>),
            // Enumerators a foreach keeps in an iterator or async state machine.
            typeof(List<>.Enumerator), typeof(Dictionary<,>.Enumerator), typeof(Dictionary<,>.KeyCollection.Enumerator),
            typeof(Dictionary<,>.ValueCollection.Enumerator), typeof(HashSet<>.Enumerator), typeof(Queue<>.Enumerator), typeof(Stack<>.Enumerator),
            Enumerators.ArrayEnumeratorCodec<int>.Definition ?? typeof(NotOnThisRuntime),
            // Collections built from their contents (issue 12, BuildOrder).
#if NET
            typeof(System.Collections.Immutable.ImmutableList<>), typeof(System.Collections.Immutable.ImmutableArray<>),
            typeof(System.Collections.Immutable.ImmutableHashSet<>), typeof(System.Collections.Immutable.ImmutableSortedSet<>),
            typeof(System.Collections.Immutable.ImmutableDictionary<,>), typeof(System.Collections.Immutable.ImmutableSortedDictionary<,>),
            typeof(System.Collections.Immutable.ImmutableStack<>), typeof(System.Collections.Immutable.ImmutableQueue<>),
            typeof(System.Collections.Frozen.FrozenSet<>), typeof(System.Collections.Frozen.FrozenDictionary<,>),
#else
            typeof(NotOnThisRuntime), typeof(NotOnThisRuntime), typeof(NotOnThisRuntime), typeof(NotOnThisRuntime), typeof(NotOnThisRuntime),
            typeof(NotOnThisRuntime), typeof(NotOnThisRuntime), typeof(NotOnThisRuntime), typeof(NotOnThisRuntime), typeof(NotOnThisRuntime),
#endif
            // Enumerators of tree and linked collections, rebuilt by a walk once their collection is filled.
            typeof(SortedSet<>.Enumerator), typeof(LinkedList<>.Enumerator),
#if NET
            typeof(System.Collections.Immutable.ImmutableArray<>.Enumerator),
#else
            typeof(NotOnThisRuntime),
#endif
            typeof(SortedDictionary<,>.Enumerator), typeof(SortedDictionary<,>.KeyCollection.Enumerator), typeof(SortedDictionary<,>.ValueCollection.Enumerator),
#if NET
            typeof(System.Collections.Immutable.ImmutableList<>.Enumerator),
#else
            typeof(NotOnThisRuntime),
#endif
        };

        /// <summary>Holds the place of a type this build's runtime does not have.</summary>
        private sealed class NotOnThisRuntime { }

        private static readonly Dictionary<Type, byte> SimpleCodes = CodesOf(Simple);
        private static readonly Dictionary<Type, byte> GenericCodes = CodesOf(GenericDefinitions);

        public static bool TryGetCode(Type type, out byte code) => SimpleCodes.TryGetValue(type, out code);

        public static bool TryGetGenericCode(Type definition, out byte code) => GenericCodes.TryGetValue(definition, out code);

        public static Type? FromCode(byte code) => code >= 1 && code <= Simple.Length && Simple[code - 1] != typeof(NotOnThisRuntime) ? Simple[code - 1] : null;

        public static Type? GenericFromCode(byte code) =>
            code >= 1 && code <= GenericDefinitions.Length && GenericDefinitions[code - 1] != typeof(NotOnThisRuntime) ? GenericDefinitions[code - 1] : null;

        /// <summary>
        /// The public type a snapshot names for an object whose run-time class is internal to the BCL:
        /// <c>Random.Shared</c>'s class is Random, the ordinal and culture-aware comparers' StringComparer,
        /// a default comparer's <c>EqualityComparer&lt;T&gt;</c> or <c>Comparer&lt;T&gt;</c>, a frozen collection's <c>FrozenSet&lt;T&gt;</c> or
        /// <c>FrozenDictionary&lt;TKey, TValue&gt;</c>. Other types are themselves.
        /// </summary>
        public static Type PublicFace(Type type)
        {
#if NET
            if (type != typeof(Random) && Numerics.RandomCodec.Handles(type)) return typeof(Random);
#endif
            if (type != typeof(StringComparer) && Text.StringComparerCodec.Handles(type)) return typeof(StringComparer);
#if NET
            if (FrozenFace(type) is Type frozen) return frozen;
#endif
            return Values.DefaultComparerCodec.PublicFace(type) ?? type;
        }

#if NET
        /// <summary>The FrozenSet or FrozenDictionary an internal frozen class derives from; null for other types.</summary>
        private static Type? FrozenFace(Type type)
        {
            if (type.IsValueType || type.Assembly != typeof(System.Collections.Frozen.FrozenSet).Assembly) return null;
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (!current.IsGenericType) continue;
                var definition = current.GetGenericTypeDefinition();
                if (definition == typeof(System.Collections.Frozen.FrozenSet<>) || definition == typeof(System.Collections.Frozen.FrozenDictionary<,>)) return current;
            }
            return null;
        }
#endif

        /// <summary>True for ValueTuple and KeyValuePair: BCL structs written inline field by field.</summary>
        public static bool IsStructural(Type type) =>
            type.IsValueType && type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) || IsTuple(type));

        /// <summary>True for a closed or open System.Tuple or System.ValueTuple.</summary>
        public static bool IsTuple(Type type)
        {
            if (!type.IsGenericType) return false;
            string name = type.GetGenericTypeDefinition().FullName!;
            return name.StartsWith("System.Tuple`", StringComparison.Ordinal) || name.StartsWith("System.ValueTuple`", StringComparison.Ordinal);
        }

        private static Dictionary<Type, byte> CodesOf(Type[] types)
        {
            var codes = new Dictionary<Type, byte>();
            for (int i = 0; i < types.Length; i++)
                if (types[i] != typeof(NotOnThisRuntime)) codes.Add(types[i], (byte)(i + 1));
            return codes;
        }
    }
}
