#if NET
using System;
using System.Collections.Immutable;
using System.Reflection;
using VarSave.Codecs.Values;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>
    /// <c>ImmutableArray&lt;T&gt;.Enumerator</c>: its array (the same record as the ImmutableArray's, so they stay
    /// shared) and index, checked against the array's length. An immutable array has no version.
    /// </summary>
    internal static class ImmutableArrayEnumerators
    {
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

        private static readonly EnumeratorCodecCache Codecs = new EnumeratorCodecCache(Build, typeof(ImmutableArray<>.Enumerator));

        public static ValueCodec? For(Type type) => Codecs.For(type);

        private static ValueCodec? Build(Type type)
        {
            var array = type.GetField("_array", Private);
            var index = type.GetField("_index", Private);
            if (array == null || index == null) return null;

            object Compose(ValueParts parts)
            {
                parts.Expect(2);
                var items = (Array?)CollectionEnumerators.Fit(parts, 0, array.FieldType);
                int position = parts.Get<int>(1);
                // A covariant array would break the struct's reads, as for ImmutableArray itself.
                if (items != null && items.GetType() != array.FieldType) throw new SnapshotFormatException($"The snapshot is corrupt: an {parts.TypeName} holds a {items.GetType().Name}.");
                if (items == null ? position != 0 : position < -1 || position > items.Length) throw new SnapshotFormatException($"The snapshot is corrupt: an {parts.TypeName} is at position {position} of {items?.Length ?? 0} items.");
                var boxed = Activator.CreateInstance(type)!;
                array.SetValue(boxed, items);
                index.SetValue(boxed, position);
                return boxed;
            }

            return ValueCodec.OfBoxed(boxed => new[] { array.GetValue(boxed), index.GetValue(boxed) }, Compose);
        }
    }
}
#endif
