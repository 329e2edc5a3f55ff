using System;
using System.Collections.Generic;
using VarSave.Format;
using VarSave.Graph;

namespace VarSave.Runtime
{
    /// <summary>Decoding single values, and the one place decoded values become typed ones.</summary>
    public sealed partial class StateReader
    {
        internal object? ReadValue()
        {
            var tag = (ValueTag)_in.ReadByte();
            switch (tag)
            {
                case ValueTag.Null: return null;
                case ValueTag.False: return false;
                case ValueTag.True: return true;
                case ValueTag.Int32:
                {
                    long value = _in.ReadVarInt();
                    if (value < int.MinValue || value > int.MaxValue) throw _in.Corrupt("an Int32 is out of range");
                    return (int)value;
                }
                case ValueTag.Int64: return _in.ReadVarInt();
                case ValueTag.Byte: return _in.ReadByte();
                case ValueTag.SByte: return (sbyte)_in.ReadByte();
                case ValueTag.Int16: return (short)_in.ReadUInt16();
                case ValueTag.UInt16: return _in.ReadUInt16();
                case ValueTag.UInt32:
                {
                    ulong value = _in.ReadVarUInt();
                    if (value > uint.MaxValue) throw _in.Corrupt("a UInt32 is out of range");
                    return (uint)value;
                }
                case ValueTag.UInt64: return _in.ReadVarUInt();
                case ValueTag.Char: return (char)_in.ReadUInt16();
                case ValueTag.Single: return BitConverter.ToSingle(BitConverter.GetBytes(_in.ReadUInt32()), 0);
                case ValueTag.Double: return BitConverter.Int64BitsToDouble((long)_in.ReadUInt64());
                case ValueTag.Decimal: return ReadDecimal();
                case ValueTag.String: return _strings[_in.ReadIndex("string", _stringCount)];
                case ValueTag.DateTime: return ReadDateTime();
                case ValueTag.DateTimeOffset: return ReadDateTimeOffset();
                case ValueTag.TimeSpan: return new TimeSpan((long)_in.ReadUInt64());
                case ValueTag.Guid:
                {
                    var bytes = new byte[16];
                    for (int i = 0; i < 16; i++) bytes[i] = _in.ReadByte();
                    return new Guid(bytes);
                }
                case ValueTag.Enum: return ReadEnum();
                case ValueTag.Ref:
                {
                    int id = _in.ReadIndex("object reference", _objectCount);
                    return _instances[id] ?? throw _in.Corrupt($"object {id} is used before it can exist (a comparer that is a collection, a delegate or an immutable collection: no save writes that)");
                }
                case ValueTag.Struct: return ReadStruct();
                case ValueTag.External: return ResolveExternal(_in.ReadString());
                default: throw _in.Corrupt($"unknown value tag {(byte)tag}");
            }
        }

        /// <summary>
        /// Decodes the next value as <typeparamref name="T"/>. Common primitives are read without
        /// boxing (the JIT removes the type tests and boxes per T); anything else goes through
        /// <see cref="ReadValue"/> and <see cref="Convert{T}"/>, which names the field on a mismatch.
        /// </summary>
        private T ReadTyped<T>(string owner, int index, bool element)
        {
            var tag = (ValueTag)_in.ReadByte();
            if (typeof(T) == typeof(int) && tag == ValueTag.Int32)
            {
                long number = _in.ReadVarInt();
                if (number < int.MinValue || number > int.MaxValue) throw _in.Corrupt("an Int32 is out of range");
                return (T)(object)(int)number;
            }
            if (typeof(T) == typeof(long) && tag == ValueTag.Int64) return (T)(object)_in.ReadVarInt();
            if (typeof(T) == typeof(double) && tag == ValueTag.Double) return (T)(object)BitConverter.Int64BitsToDouble((long)_in.ReadUInt64());
            if (typeof(T) == typeof(bool) && (tag == ValueTag.True || tag == ValueTag.False)) return (T)(object)(tag == ValueTag.True);
            if (typeof(T) == typeof(string) && tag == ValueTag.String) return (T)(object)_strings[_in.ReadIndex("string", _stringCount)];
            if (!typeof(T).IsValueType)
            {
                // References: an object already created whose type fits needs no boxing or conversion.
                if (tag == ValueTag.Ref)
                {
                    int start = _in.Position;
                    var instance = _instances[_in.ReadIndex("object reference", _objectCount)];
                    if (instance is T fits && !(instance is MissingObject)) return fits;
                    _in.Position = start;
                }
                else if (tag == ValueTag.Null) return default!;
            }
            _in.Position--;
            var value = ReadValue();
            if (value is T typed && !(typed is MissingObject)) return typed;
            string name = element ? owner + "[" + index + "]" : owner + "." + (index < _fieldNames.Length ? _fieldNames[index] : "#" + index);
            return Convert<T>(value, name);
        }

        private object ReadDateTime()
        {
            long bits = (long)_in.ReadUInt64();
            try
            {
                return DateTime.FromBinary(bits);
            }
            catch (ArgumentException)
            {
                throw _in.Corrupt("a DateTime is out of range");
            }
        }

        private object ReadDateTimeOffset()
        {
            long ticks = (long)_in.ReadUInt64();
            short minutes = (short)_in.ReadUInt16();
            try
            {
                return new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes));
            }
            catch (ArgumentException)
            {
                throw _in.Corrupt("a DateTimeOffset is out of range");
            }
        }

        private object ReadDecimal()
        {
            var bits = new int[4];
            for (int i = 0; i < 4; i++) bits[i] = (int)_in.ReadUInt32();
            try
            {
                return new decimal(bits);
            }
            catch (ArgumentException)
            {
                throw _in.Corrupt("a decimal has invalid bits");
            }
        }

        private object ReadEnum()
        {
            var type = _types[_in.ReadIndex("enum type", _types.Length)];
            long bits = _in.ReadVarInt();
            if (type.Type == null) return new MissingObject(type);
            if (!type.Type.IsEnum) throw _in.Corrupt($"{type.Name} is used as an enum but is not one");
            return Enum.ToObject(type.Type, bits);
        }

        private object ReadStruct()
        {
            var type = _types[_in.ReadIndex("struct type", _types.Length)];
            int count = _in.ReadCount("struct field");
            if (++_structDepth > _in.Limits.MaxNesting) throw _in.OverLimit("struct nesting", nameof(LoadLimits.MaxNesting), _in.Limits.MaxNesting);
            var savedFrame = (_slots, _map, _owner, _fieldNames, _streaming);
            _streaming = false;
            var values = ReadUsedValues(count, UsedFields(type, count));
            object result;
            if (type.Type == null) result = new MissingObject(type);
            else if (type.Woven != null && type.Type.IsValueType && typeof(IStateful).IsAssignableFrom(type.Type))
            {
                if (count != type.SavedFields.Length) throw _in.Corrupt($"a {type.Name} value has {count} fields; its schema has {type.SavedFields.Length}");
                var boxed = (IStateful)(type.Woven.Factory?.Invoke() ?? Codecs.Allocator.Uninitialized(type.Type));
                EnterFrame(values, type.FieldMap, type.Name, type.Woven.FieldNames);
                boxed.RestoreState(this);
                result = boxed;
            }
            else if (Codecs.BuiltinTypes.IsStructural(type.Type)) result = Codecs.StructuralValues.Create(type, values);
            else if (Codecs.Values.ValueCodecs.For(type.Type) is Codecs.Values.ValueCodec codec) result = codec.Compose(this, values, type.Name);
            else throw _in.Corrupt($"{type.Name} is used as a struct but is not one");
            (_slots, _map, _owner, _fieldNames, _streaming) = savedFrame;
            _structDepth--;
            return result;
        }

        private object ResolveExternal(string key)
        {
            if (_external == null)
                throw new SnapshotMismatchException($"The snapshot refers to the external object '{key}', but ProgramState.ExternalReferences is not set in the loading program.");
            try
            {
                return _external.Resolve(key) ?? throw new SnapshotMismatchException($"ProgramState.ExternalReferences resolved '{key}' to null.");
            }
            catch (Exception e) when (!(e is VarSaveException))
            {
                throw new VarSaveException($"ProgramState.ExternalReferences could not resolve '{key}': {e.Message}", e);
            }
        }

        /// <summary>Reads one value without creating anything: the object id if it is a reference, else -1.</summary>
        internal int ReadReferenceOrSkip()
        {
            var tag = (ValueTag)_in.ReadByte();
            if (tag == ValueTag.Ref) return _in.ReadIndex("object reference", _objectCount);
            SkipPayload(tag, 0);
            return -1;
        }

        /// <summary>Reads one value without creating anything, adding the id of every object it refers to (struct fields included) to <paramref name="into"/>.</summary>
        internal void CollectReferences(List<int> into) => SkipPayload((ValueTag)_in.ReadByte(), 0, into);

        private void SkipPayload(ValueTag tag, int depth, List<int>? references = null)
        {
            switch (tag)
            {
                case ValueTag.Null: case ValueTag.False: case ValueTag.True: return;
                case ValueTag.Int32: case ValueTag.Int64: case ValueTag.UInt32: case ValueTag.UInt64: _in.ReadVarUInt(); return;
                case ValueTag.Byte: case ValueTag.SByte: _in.Skip(1); return;
                case ValueTag.Int16: case ValueTag.UInt16: case ValueTag.Char: _in.Skip(2); return;
                case ValueTag.Single: _in.Skip(4); return;
                case ValueTag.Double: case ValueTag.DateTime: case ValueTag.TimeSpan: _in.Skip(8); return;
                case ValueTag.DateTimeOffset: _in.Skip(10); return;
                case ValueTag.Decimal: case ValueTag.Guid: _in.Skip(16); return;
                case ValueTag.String: _in.ReadIndex("string", _stringCount); return;
                case ValueTag.External: _in.ReadString(); return;
                case ValueTag.Enum: _in.ReadIndex("enum type", _types.Length); _in.ReadVarUInt(); return;
                case ValueTag.Ref:
                {
                    int id = _in.ReadIndex("object reference", _objectCount);
                    references?.Add(id);
                    return;
                }
                case ValueTag.Struct:
                    if (depth >= _in.Limits.MaxNesting) throw _in.OverLimit("struct nesting", nameof(LoadLimits.MaxNesting), _in.Limits.MaxNesting);
                    _in.ReadIndex("struct type", _types.Length);
                    for (int i = _in.ReadCount("struct field"); i > 0; i--) SkipPayload((ValueTag)_in.ReadByte(), depth + 1, references);
                    return;
                default: throw _in.Corrupt($"unknown value tag {(byte)tag}");
            }
        }

        /// <summary>The one place a decoded value becomes a typed one: every mismatch fails here, naming where.</summary>
        internal static T Convert<T>(object? value, string where)
        {
            if (value is T typed && !(typed is MissingObject)) return typed;
            if (value == null && default(T) == null) return default!;
            if (value != null && Widening.TryWiden(value, typeof(T), out var widened)) return (T)widened;
            throw Mismatch(value, typeof(T), where);
        }

        /// <summary>Whether a decoded value can be stored in a location of type <paramref name="type"/>.</summary>
        internal static bool Fits(object? value, Type type) =>
            value == null ? !type.IsValueType || Nullable.GetUnderlyingType(type) != null : !(value is MissingObject) && type.IsInstanceOfType(value);

        /// <summary>The value converted to <paramref name="type"/>: itself, or a widened number; false when it does not fit.</summary>
        internal static bool TryFit(object? value, Type type, out object? fitted)
        {
            fitted = value;
            if (Fits(value, type)) return true;
            return value != null && Widening.TryWiden(value, type, out fitted);
        }

        /// <summary>The error for a saved value that does not fit where it is being restored.</summary>
        internal static SnapshotMismatchException Mismatch(object? value, Type expected, string where)
        {
            if (value is MissingObject missing) return missing.Error(where);
            if (value == null)
                return new SnapshotMismatchException($"Cannot restore {where}: the snapshot holds null, but the field is now {expected.FullName}, which cannot be null.");
            return new SnapshotMismatchException(
                $"Cannot restore {where}: it was saved as {value.GetType().FullName} but is now {expected.FullName}. " +
                "Rename the field if its meaning changed, or convert the old value in an [AfterLoad] method.");
        }
    }
}
