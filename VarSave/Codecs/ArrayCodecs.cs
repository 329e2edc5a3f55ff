using System;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>Single-dimension, zero-based arrays (<c>T[]</c>, and so jagged arrays too): a length, then the elements.</summary>
    internal sealed class VectorCodec<T> : ObjectCodec
    {
        public override void Write(object value, StateWriter writer)
        {
            var array = (T[])value;
            writer.WriteCount(array.Length);
            for (int i = 0; i < array.Length; i++) writer.WriteElement(i, array[i]);
        }

        public override object Create(StateReader reader, LoadedType type) => new T[reader.ReadCountOf<T>("array element")];

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var array = (T[])instance;
            if (reader.ReadCountOf<T>("array element") != array.Length) throw reader.Input.Corrupt("an array length changed between reads");
            for (int i = 0; i < array.Length; i++) array[i] = reader.ReadElement<T>(type, i);
        }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            reader.ReadCountOf<T>("array element");
            reader.ScanToEnd(scan);
        }
    }

    /// <summary>Multi-dimensional arrays: each length, then the elements in row-major order.</summary>
    internal sealed class MultiArrayCodec : ObjectCodec
    {
        private readonly Type _elementType;
        private readonly int _rank;

        public MultiArrayCodec(Type arrayType)
        {
            _elementType = arrayType.GetElementType()!;
            _rank = arrayType.GetArrayRank();
        }

        public override void Write(object value, StateWriter writer)
        {
            var array = (Array)value;
            for (int d = 0; d < _rank; d++)
            {
                if (array.GetLowerBound(d) != 0) throw writer.Unsaveable(array.GetType(), "arrays with a non-zero lower bound are not supported.");
                writer.WriteCount(array.GetLength(d));
            }
            int i = 0;
            foreach (var item in array) writer.WriteElement(i++, item);
        }

        public override object Create(StateReader reader, LoadedType type) => Array.CreateInstance(_elementType, ReadLengths(reader));

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var array = (Array)instance;
            var lengths = ReadLengths(reader);
            var index = new int[_rank];
            for (int n = 0; n < array.Length; n++)
            {
                var value = reader.ReadValue();
                if (!StateReader.Fits(value, _elementType))
                    throw StateReader.Mismatch(value, _elementType, $"{type.Name}[{string.Join(",", index)}]");
                array.SetValue(value, index);
                for (int d = _rank - 1; d >= 0 && ++index[d] == lengths[d]; d--) index[d] = 0;
            }
        }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            ReadLengths(reader);
            reader.ScanToEnd(scan);
        }

        /// <summary>Array.MaxLength (.NET 6+), which bounds each dimension too.</summary>
        private const ulong MaxDimension = 0x7FFFFFC7;

        private int[] ReadLengths(StateReader reader)
        {
            // A length is not a count of bytes that follow (double[3, 0] holds nothing): only the product is.
            var input = reader.Input;
            var lengths = new int[_rank];
            long total = 1;
            ulong running = 1;
            for (int d = 0; d < _rank; d++)
            {
                ulong length = input.ReadVarUInt();
                if (length > (ulong)input.Limits.MaxItems) throw input.OverLimit($"array dimension {length}", nameof(LoadLimits.MaxItems), input.Limits.MaxItems);
                // The runtime refuses (OutOfMemoryException) a dimension over Array.MaxLength, or lengths whose product so far
                // passes 2^32, even when a later dimension is 0 and the array holds nothing: no program saved such an array.
                running *= length;
                if (length > MaxDimension || running > uint.MaxValue) throw input.Corrupt("an array's dimensions are larger than any array can have");
                lengths[d] = (int)length;
                total = Math.Min(total * lengths[d], int.MaxValue);
            }
            if (total * ValueSize.MinEncodedBytes(_elementType) > input.Remaining) throw input.Corrupt("an array has more elements than the bytes left can hold");
            return lengths;
        }
    }
}
