#if NET
using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VarSave.Codecs.Values;

namespace VarSave.Codecs.Immutable
{
    /// <summary>
    /// <see cref="ImmutableArray{T}"/>, a struct over one array: written as a one-part value whose part is the array
    /// (an ordinary record, so two values over the same array still share it), and rebuilt over the loaded array
    /// without a copy. A default value has no array and loads as default; an empty one loads as <c>Empty</c>.
    /// </summary>
    internal static class ImmutableArrayValues
    {
        private static readonly ConcurrentDictionary<Type, ValueCodec> Codecs = new ConcurrentDictionary<Type, ValueCodec>();

        public static ValueCodec? For(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) ? Codecs.GetOrAdd(type, Make) : null;

        private static ValueCodec Make(Type type) =>
            (ValueCodec)typeof(ImmutableArrayValues).GetMethod(nameof(Of), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()).Invoke(null, null)!;

        private static ValueCodec Of<T>() => ValueCodec.Of<ImmutableArray<T>>(
            value => new object?[] { ImmutableCollectionsMarshal.AsArray(value) },
            parts =>
            {
                var array = parts.Expect(1).Get<T[]?>(0);
                if (array == null) return default;
                // A covariant array (a string[] saved where an object[] is expected) would break the struct's writes through builders.
                if (array.GetType() != typeof(T[])) throw new SnapshotFormatException($"The snapshot is corrupt: an {parts.TypeName} holds a {array.GetType().Name}.");
                return array.Length == 0 ? ImmutableArray<T>.Empty : ImmutableCollectionsMarshal.AsImmutableArray(array);
            });
    }
}
#endif
