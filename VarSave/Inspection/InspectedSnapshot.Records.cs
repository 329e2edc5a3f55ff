using System;
using System.Collections.Generic;
using VarSave.Format;

namespace VarSave.Inspection
{
    /// <summary>Decoding one record or value at a time, each read bounded by its record.</summary>
    internal sealed partial class InspectedSnapshot
    {
        private const byte DefaultComparer = 0, WovenComparer = 3, LayoutFollows = 0x80;

        /// <summary>The parts of object <paramref name="id"/>: fields, elements, entries, a comparer, delegate entries.</summary>
        public List<InspectedMember> Members(int id) => Guarded(() => ReadMembers(id));

        /// <summary>The object ids object <paramref name="id"/> refers to (keys, values, comparer, targets), appended to <paramref name="into"/>.</summary>
        public void ReferencesOf(int id, List<int> into)
        {
            foreach (var member in Members(id))
            {
                if (member.Key is InspectedValue key) References(key, into);
                References(member.Value, into);
            }
        }

        /// <summary>The object ids <paramref name="value"/> refers to (a struct may hold several), appended to <paramref name="into"/>.</summary>
        public static void References(InspectedValue value, List<int> into)
        {
            if (value.IsReference) into.Add(value.Id);
            else if (value.Fields != null)
                foreach (var field in value.Fields) References(field, into);
        }

        private List<InspectedMember> ReadMembers(int id)
        {
            var type = TypeOf(id);
            _in.End = _recordEnd[id];
            _in.Position = _recordStart[id];
            var members = new List<InspectedMember>();
            try
            {
                ReadPayload(type, members);
                if (_in.Remaining != 0) throw _in.Corrupt($"object {id} ({type.Name}) has {_in.Remaining} unread bytes");
            }
            finally
            {
                _in.End = BodyEnd;
            }
            return members;
        }

        private void ReadPayload(InspectedType type, List<InspectedMember> members)
        {
            switch (type.Shape)
            {
                case RecordShape.Fields:
                    for (int i = 0; _in.Remaining > 0; i++)
                        members.Add(new InspectedMember(i < type.FieldNames.Length ? type.FieldNames[i] : "#" + i, -1, ReadValue(0)));
                    return;
                case RecordShape.Plain:
                    return;
                case RecordShape.Text:
                    members.Add(new InspectedMember("Text", -1, ReadValue(0)));
                    return;
                case RecordShape.Tuple:
                    for (int i = 0; _in.Remaining > 0; i++) members.Add(new InspectedMember("Item" + (i + 1), -1, ReadValue(0)));
                    return;
                case RecordShape.Vector:
                case RecordShape.Sequence:
                    ReadItems(_in.ReadCount("item"), members);
                    return;
                case RecordShape.MultiArray:
                {
                    long total = 1;
                    bool empty = false;
                    for (int d = 0; d < type.Rank; d++)
                    {
                        // Not a count of what follows: an empty double[3, 0] writes a 3 with no element after it.
                        ulong dimension = _in.ReadVarUInt();
                        if (dimension > (ulong)_in.Limits.MaxItems) throw _in.OverLimit($"an array dimension of {dimension}", nameof(LoadLimits.MaxItems), _in.Limits.MaxItems);
                        members.Add(new InspectedMember("Length" + d, -1, InspectedValue.Of(ValueTag.Int32, (int)dimension)));
                        if (dimension == 0) empty = true;
                        else if (total <= _in.Remaining) total *= (long)dimension;
                    }
                    if (!empty && total > _in.Remaining) throw _in.Corrupt("an array has more elements than the bytes left");
                    ReadItems(empty ? 0 : (int)total, members);
                    return;
                }
                case RecordShape.Set:
                {
                    int count = _in.ReadCount("item");
                    ReadHeader(type, members, count);
                    ReadItems(count, members);
                    return;
                }
                case RecordShape.Map:
                {
                    int count = _in.ReadCount("dictionary entry", minBytesEach: 2);
                    ReadHeader(type, members, count);
                    for (int i = 0; i < count; i++)
                    {
                        var key = ReadValue(0);
                        members.Add(new InspectedMember(null, i, ReadValue(0), key));
                    }
                    return;
                }
                case RecordShape.PriorityQueue:
                {
                    // Each item is its element keyed by its priority, in the heap's array order.
                    int count = _in.ReadCount("queue item", minBytesEach: 2);
                    ReadComparer(members, "Comparer", count, layoutAllowed: false);
                    for (int i = 0; i < count; i++)
                    {
                        var element = ReadValue(0);
                        members.Add(new InspectedMember(null, i, element, ReadValue(0)));
                    }
                    return;
                }
                case RecordShape.Wrapper:
                    members.Add(new InspectedMember("Wrapped", -1, ReadValue(0)));
                    return;
                case RecordShape.Bits:
                    ReadBits(members);
                    return;
                case RecordShape.Delegate:
                {
                    int count = _in.ReadCount("delegate entry", minBytesEach: 2);
                    for (int i = 0; i < count; i++)
                    {
                        var method = Types[_in.ReadIndex("delegate method", Types.Length)];
                        if (method.Kind != TypeKind.Method && method.Kind != TypeKind.GenericMethod) throw _in.Corrupt($"{method.Name} is not a delegate method");
                        members.Add(new InspectedMember(method.Name, i, ReadValue(0)));
                    }
                    return;
                }
                default:
                    _in.Skip(_in.Remaining);
                    return;
            }
        }

        private void ReadItems(int count, List<InspectedMember> members)
        {
            if (count > _in.Remaining) throw _in.Corrupt($"{count} items do not fit in the {_in.Remaining} bytes left");
            for (int i = 0; i < count; i++) members.Add(new InspectedMember(null, i, ReadValue(0)));
        }

        /// <summary>A set's or map's comparer, then what its type says follows it: free slots, a value comparer.</summary>
        private void ReadHeader(InspectedType type, List<InspectedMember> members, int count)
        {
            ReadComparer(members, "Comparer", count, (type.Header & HeaderParts.EntryLayout) != 0);
            if ((type.Header & HeaderParts.ValueComparer) != 0) ReadComparer(members, "ValueComparer", count, layoutAllowed: false);
        }

        private void ReadComparer(List<InspectedMember> members, string name, int count, bool layoutAllowed)
        {
            byte code = _in.ReadByte();
            bool layoutFollows = layoutAllowed && (code & LayoutFollows) != 0;
            if (layoutFollows) code &= unchecked((byte)~LayoutFollows);
            if (code > WovenComparer) throw _in.Corrupt($"unknown comparer code {code}");
            if (code != DefaultComparer)
            {
                var comparer = code == WovenComparer ? ReadValue(0) : InspectedValue.Of(ValueTag.String, code == 1 ? "Ordinal" : "OrdinalIgnoreCase");
                members.Add(new InspectedMember(name, -1, comparer));
            }
            if (layoutFollows) ReadEntryLayout(members, count);
        }

        // A BitArray (Codecs/Collections/NonGenericCodecs.cs): its length in bits, then 32-bit words; shown as its length and a string of 0s and 1s.
        private void ReadBits(List<InspectedMember> members)
        {
            ulong length = _in.ReadVarUInt();
            if (length > int.MaxValue) throw _in.Corrupt("a BitArray's length is out of range");
            long wordCount = ((long)length + 31) / 32;
            if (wordCount * 4 > _in.Remaining) throw _in.Corrupt($"a BitArray of {length} bits is longer than its record");
            var bits = new char[(int)length];
            for (long w = 0; w < wordCount; w++)
            {
                uint word = _in.ReadUInt32();
                for (int b = 0; b < 32 && w * 32 + b < bits.Length; b++) bits[w * 32 + b] = (word & (1u << b)) != 0 ? '1' : '0';
            }
            members.Add(new InspectedMember("Length", -1, InspectedValue.Of(ValueTag.Int32, (int)length)));
            members.Add(new InspectedMember("Bits", -1, InspectedValue.Of(ValueTag.String, new string(bits))));
        }

        // A hash collection's free slots (Codecs/Collections/EntryLayout.cs): the slot count, then each free slot, as values.
        private void ReadEntryLayout(List<InspectedMember> members, int count)
        {
            var slots = ReadValue(0);
            members.Add(new InspectedMember("Slots", -1, slots));
            if (!(slots.Scalar is int total) || total <= count || (long)total - count > _in.Remaining)
                throw _in.Corrupt($"an entry layout's slot count does not fit {count} entries and the {_in.Remaining} bytes left");
            for (int k = 0; k < total - count; k++) members.Add(new InspectedMember("FreeSlot", k, ReadValue(0)));
        }

        private InspectedValue ReadValue(int depth)
        {
            var tag = (ValueTag)_in.ReadByte();
            switch (tag)
            {
                case ValueTag.Null: return InspectedValue.Null;
                case ValueTag.False: return InspectedValue.Of(tag, false);
                case ValueTag.True: return InspectedValue.Of(tag, true);
                case ValueTag.Int32:
                {
                    long value = _in.ReadVarInt();
                    if (value < int.MinValue || value > int.MaxValue) throw _in.Corrupt("an Int32 is out of range");
                    return InspectedValue.Of(tag, (int)value);
                }
                case ValueTag.Int64: return InspectedValue.Of(tag, _in.ReadVarInt());
                case ValueTag.Byte: return InspectedValue.Of(tag, _in.ReadByte());
                case ValueTag.SByte: return InspectedValue.Of(tag, (sbyte)_in.ReadByte());
                case ValueTag.Int16: return InspectedValue.Of(tag, (short)_in.ReadUInt16());
                case ValueTag.UInt16: return InspectedValue.Of(tag, _in.ReadUInt16());
                case ValueTag.UInt32:
                {
                    ulong value = _in.ReadVarUInt();
                    if (value > uint.MaxValue) throw _in.Corrupt("a UInt32 is out of range");
                    return InspectedValue.Of(tag, (uint)value);
                }
                case ValueTag.UInt64: return InspectedValue.Of(tag, _in.ReadVarUInt());
                case ValueTag.Char: return InspectedValue.Of(tag, (char)_in.ReadUInt16());
                case ValueTag.Single: return InspectedValue.Of(tag, BitConverter.ToSingle(BitConverter.GetBytes(_in.ReadUInt32()), 0));
                case ValueTag.Double: return InspectedValue.Of(tag, BitConverter.Int64BitsToDouble((long)_in.ReadUInt64()));
                case ValueTag.Decimal:
                {
                    var bits = new int[4];
                    for (int i = 0; i < 4; i++) bits[i] = (int)_in.ReadUInt32();
                    return InspectedValue.Of(tag, new decimal(bits));
                }
                case ValueTag.String: return InspectedValue.Of(tag, Strings[_in.ReadIndex("string", Strings.Length)]);
                case ValueTag.DateTime: return InspectedValue.Of(tag, DateTime.FromBinary((long)_in.ReadUInt64()));
                case ValueTag.DateTimeOffset:
                {
                    long ticks = (long)_in.ReadUInt64();
                    return InspectedValue.Of(tag, new DateTimeOffset(ticks, TimeSpan.FromMinutes((short)_in.ReadUInt16())));
                }
                case ValueTag.TimeSpan: return InspectedValue.Of(tag, new TimeSpan((long)_in.ReadUInt64()));
                case ValueTag.Guid:
                {
                    var bytes = new byte[16];
                    for (int i = 0; i < 16; i++) bytes[i] = _in.ReadByte();
                    return InspectedValue.Of(tag, new Guid(bytes));
                }
                case ValueTag.Enum:
                {
                    int typeId = _in.ReadIndex("enum type", Types.Length);
                    return InspectedValue.Enum(typeId, _in.ReadVarInt());
                }
                case ValueTag.Ref: return InspectedValue.Reference(_in.ReadIndex("object reference", ObjectCount));
                case ValueTag.Struct:
                {
                    int typeId = _in.ReadIndex("struct type", Types.Length);
                    int count = _in.ReadCount("struct field");
                    if (depth + 1 > _in.Limits.MaxNesting) throw _in.OverLimit("struct nesting", nameof(LoadLimits.MaxNesting), _in.Limits.MaxNesting);
                    var fields = new InspectedValue[count];
                    for (int i = 0; i < count; i++) fields[i] = ReadValue(depth + 1);
                    return InspectedValue.Struct(typeId, fields);
                }
                case ValueTag.External: return InspectedValue.Of(tag, _in.ReadString());
                default: throw _in.Corrupt($"unknown value tag {(byte)tag}");
            }
        }
    }
}
