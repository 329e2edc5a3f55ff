using System;
using VarSave.Runtime;

namespace VarSave.Codecs.Values
{
    /// <summary>
    /// A struct saved as a few plain parts (numbers, strings) rather than its fields: a
    /// <c>BigInteger</c> as its words, a <c>DateOnly</c> as its day number. Written with the struct
    /// tag (type id, part count, parts) and rebuilt through the type's public constructors, which
    /// check the parts, so no invariant of the type can be broken by a snapshot.
    /// </summary>
    internal sealed class ValueCodec
    {
        private readonly Func<object, StateWriter, object?[]> _decompose;
        private readonly Func<ValueParts, object> _compose;

        private ValueCodec(Func<object, StateWriter, object?[]> decompose, Func<ValueParts, object> compose)
        {
            _decompose = decompose;
            _compose = compose;
        }

        public static ValueCodec Of<T>(Func<T, object?[]> decompose, Func<ValueParts, T> compose) where T : struct =>
            new ValueCodec((value, _) => decompose((T)value), parts => compose(parts));

        /// <summary>A codec over boxed values, for types known only at run time (a generic struct's instantiations).</summary>
        public static ValueCodec OfBoxed(Func<object, object?[]> decompose, Func<ValueParts, object> compose) =>
            new ValueCodec((value, _) => decompose(value), compose);

        /// <summary>As <see cref="OfBoxed(Func{object, object[]}, Func{ValueParts, object})"/>, for parts made by the program's code, whose failures name the value's path.</summary>
        public static ValueCodec OfBoxed(Func<object, StateWriter, object?[]> decompose, Func<ValueParts, object> compose) => new ValueCodec(decompose, compose);

        public object?[] Decompose(object value, StateWriter writer) => _decompose(value, writer);

        public object Compose(StateReader reader, object?[] parts, string typeName)
        {
            try
            {
                return _compose(new ValueParts(reader, parts, typeName));
            }
            catch (Exception e) when (e is ArgumentException || e is OverflowException || e is FormatException)
            {
                throw new SnapshotFormatException($"The snapshot is corrupt: a {typeName} value cannot be built ({e.Message}).");
            }
        }
    }

    /// <summary>The decoded parts of one value, read by position and type; any mismatch names the value.</summary>
    internal readonly struct ValueParts
    {
        private readonly object?[] _parts;
        private readonly string _typeName;

        public ValueParts(StateReader reader, object?[] parts, string typeName)
        {
            Reader = reader;
            _parts = parts;
            _typeName = typeName;
        }

        /// <summary>The load in progress, for values that must be finished once every object is filled.</summary>
        public StateReader Reader { get; }

        public string TypeName => _typeName;

        public int Count => _parts.Length;

        public T Get<T>(int index)
        {
            if (index >= _parts.Length) throw new SnapshotFormatException($"The snapshot is corrupt: a {_typeName} value has {_parts.Length} parts; part {index} is missing.");
            return StateReader.Convert<T>(_parts[index], _typeName + "#" + index);
        }

        /// <summary>Checks the part count, for types with a fixed one.</summary>
        public ValueParts Expect(int count)
        {
            if (_parts.Length != count) throw new SnapshotFormatException($"The snapshot is corrupt: a {_typeName} value has {_parts.Length} parts, not {count}.");
            return this;
        }
    }
}
