using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace VarSave.Codecs.Values
{
    /// <summary>The structs saved through a <see cref="ValueCodec"/>: a fixed BCL list, the collections' struct enumerators, and ImmutableArray.</summary>
    internal static class ValueCodecs
    {
        private static readonly Dictionary<Type, ValueCodec> Builtin = Create();

        // Decided once per type: saves and loads ask for every struct value they meet.
        private static readonly ConcurrentDictionary<Type, ValueCodec?> Cache = new ConcurrentDictionary<Type, ValueCodec?>();

        public static ValueCodec? For(Type type) => Cache.GetOrAdd(type, Choose);

        /// <summary>Drops the cached choice for a type (a surrogate was registered for it, or taken back).</summary>
        public static void Forget(Type type) => Cache.TryRemove(type, out _);

        private static ValueCodec? Choose(Type type) =>
            Builtin.TryGetValue(type, out var codec) ? codec : Enumerators.CollectionEnumerators.For(type)
                ?? Enumerators.SortedSetEnumerators.For(type) ?? Enumerators.SortedDictionaryEnumerators.For(type)
                ?? Enumerators.LinkedListEnumerators.For(type)
#if NET
                ?? Enumerators.ImmutableArrayEnumerators.For(type) ?? Enumerators.ImmutableListEnumerators.For(type)
                ?? Immutable.ImmutableArrayValues.For(type)
#endif
                ?? Surrogates.SurrogateRegistry.ValueCodecFor(type);

        private static Dictionary<Type, ValueCodec> Create()
        {
            var codecs = new Dictionary<Type, ValueCodec>();
            Numerics.NumericValues.AddTo(codecs);
            Time.DateAndTimeValues.AddTo(codecs);
            return codecs;
        }
    }
}
