using System;
using VarSave.Codecs;
using VarSave.Format;

namespace VarSave.Runtime
{
    /// <summary>Encoding single values: inline for primitives, strings and structs, by reference for objects.</summary>
    public sealed partial class StateWriter
    {
        /// <summary>
        /// Writes primitives and strings straight to the buffer. The JIT compiles this once per
        /// value type T and drops the tests that do not apply, so nothing is boxed.
        /// </summary>
        private bool TryWriteInline<T>(T value)
        {
            var o = _out;
            if (typeof(T) == typeof(int)) { o.WriteByte((byte)ValueTag.Int32); o.WriteVarInt((int)(object)value!); return true; }
            if (typeof(T) == typeof(long)) { o.WriteByte((byte)ValueTag.Int64); o.WriteVarInt((long)(object)value!); return true; }
            if (typeof(T) == typeof(bool)) { o.WriteByte((byte)((bool)(object)value! ? ValueTag.True : ValueTag.False)); return true; }
            if (typeof(T) == typeof(double)) { o.WriteByte((byte)ValueTag.Double); o.WriteUInt64((ulong)BitConverter.DoubleToInt64Bits((double)(object)value!)); return true; }
            if (typeof(T) == typeof(float)) { o.WriteByte((byte)ValueTag.Single); o.WriteUInt32(SingleBits((float)(object)value!)); return true; }
            if (value is string text)
            {
                WriteString(text);
                return true;
            }
            return false;
        }

        /// <summary>A string value: its index in the string table.</summary>
        private void WriteString(string text)
        {
            _out.WriteByte((byte)ValueTag.String);
            _out.WriteCount(_work.Strings.IdOf(text));
        }

        private void WriteValueCore(object? value)
        {
            var o = _out;
            if (value == null) { o.WriteByte((byte)ValueTag.Null); return; }
            if (value is string text)
            {
                WriteString(text);
                return;
            }
            var type = value.GetType();
            if (!type.IsValueType)
            {
                WriteObject(value, type);
                return;
            }
            if (type.IsEnum) { WriteEnum(value, type); return; }
            switch (Type.GetTypeCode(type))
            {
                case TypeCode.Boolean: o.WriteByte((byte)((bool)value ? ValueTag.True : ValueTag.False)); return;
                case TypeCode.Int32: o.WriteByte((byte)ValueTag.Int32); o.WriteVarInt((int)value); return;
                case TypeCode.Int64: o.WriteByte((byte)ValueTag.Int64); o.WriteVarInt((long)value); return;
                case TypeCode.Double: o.WriteByte((byte)ValueTag.Double); o.WriteUInt64((ulong)BitConverter.DoubleToInt64Bits((double)value)); return;
                case TypeCode.Single: o.WriteByte((byte)ValueTag.Single); o.WriteUInt32(SingleBits((float)value)); return;
                case TypeCode.Byte: o.WriteByte((byte)ValueTag.Byte); o.WriteByte((byte)value); return;
                case TypeCode.SByte: o.WriteByte((byte)ValueTag.SByte); o.WriteByte((byte)(sbyte)value); return;
                case TypeCode.Int16: o.WriteByte((byte)ValueTag.Int16); o.WriteUInt16((ushort)(short)value); return;
                case TypeCode.UInt16: o.WriteByte((byte)ValueTag.UInt16); o.WriteUInt16((ushort)value); return;
                case TypeCode.UInt32: o.WriteByte((byte)ValueTag.UInt32); o.WriteVarUInt((uint)value); return;
                case TypeCode.UInt64: o.WriteByte((byte)ValueTag.UInt64); o.WriteVarUInt((ulong)value); return;
                case TypeCode.Char: o.WriteByte((byte)ValueTag.Char); o.WriteUInt16((char)value); return;
                case TypeCode.DateTime: o.WriteByte((byte)ValueTag.DateTime); o.WriteUInt64((ulong)((DateTime)value).ToBinary()); return;
                case TypeCode.Decimal: WriteDecimal((decimal)value); return;
            }
            WriteStruct(value, type);
        }

        private void WriteObject(object value, Type type)
        {
            if (_external != null && _external.KeyOf(value) is string key)
            {
                _out.WriteByte((byte)ValueTag.External);
                _out.WriteString(key);
                return;
            }
            WriteReference(value, type);
        }

        private void WriteEnum(object value, Type type)
        {
            int typeId = _types.TryGetId(type) ?? throw Unsaveable(type, "enums are saved only when a woven module defines them.");
            _out.WriteByte((byte)ValueTag.Enum);
            _out.WriteCount(typeId);
            _out.WriteVarInt(EnumBits(value));
        }

        private static long EnumBits(object value) => Type.GetTypeCode(value.GetType()) switch
        {
            TypeCode.UInt64 => unchecked((long)(ulong)value),
            _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        };

        private void WriteDecimal(decimal value)
        {
            _out.WriteByte((byte)ValueTag.Decimal);
            foreach (int part in decimal.GetBits(value)) _out.WriteUInt32((uint)part);
        }

        private void WriteStruct(object value, Type type)
        {
            var o = _out;
            switch (value)
            {
                case TimeSpan span: o.WriteByte((byte)ValueTag.TimeSpan); o.WriteUInt64((ulong)span.Ticks); return;
                case DateTimeOffset time:
                    o.WriteByte((byte)ValueTag.DateTimeOffset);
                    o.WriteUInt64((ulong)time.Ticks);
                    o.WriteUInt16((ushort)(short)time.Offset.TotalMinutes);
                    return;
                case Guid guid: o.WriteByte((byte)ValueTag.Guid); var bytes = guid.ToByteArray(); o.WriteBytes(bytes, 0, 16); return;
            }

            int typeId = _types.TryGetId(type)
                ?? throw Unsaveable(type, Advice(type));
            if (_structDepth + 1 > FormatConstants.MaxStructDepth)
                throw Unsaveable(type, $"structs nest deeper than {FormatConstants.MaxStructDepth} levels.");
            o.WriteByte((byte)ValueTag.Struct);
            o.WriteCount(typeId);
            var (savedNames, savedIndex, savedSlot, savedSlotIndex) = (_fieldNames, _fieldIndex, _slotName, _slotIndex);
            _structDepth++;
            try
            {
                if (value is IStateful stateful)
                {
                    var names = Registry.TypeRegistry.FindByType(type)!.FieldNames;
                    o.WriteCount(names.Length);
                    BeginFields(names);
                    stateful.CaptureState(this);
                }
                else if (Codecs.Values.ValueCodecs.For(type) is Codecs.Values.ValueCodec codec)
                {
                    var parts = codec.Decompose(value, this);
                    o.WriteCount(parts.Length);
                    for (int i = 0; i < parts.Length; i++) WriteElement(i, parts[i]);
                }
                else
                {
                    var fields = StructuralFields.Of(type);
                    o.WriteCount(fields.Length);
                    for (int i = 0; i < fields.Length; i++) WriteElement(i, fields[i].GetValue(value));
                }
            }
            finally
            {
                (_fieldNames, _fieldIndex, _slotName, _slotIndex) = (savedNames, savedIndex, savedSlot, savedSlotIndex);
                _structDepth--;
            }
        }

        private static uint SingleBits(float value) => (uint)BitConverter.ToInt32(BitConverter.GetBytes(value), 0);
    }
}
