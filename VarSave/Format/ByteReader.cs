using System;
using System.Text;

namespace VarSave.Format
{
    /// <summary>
    /// Reads the format's encodings from a byte array, checking every read against the bytes
    /// left so that no input, however damaged, can read out of range or ask for more memory
    /// than the file could describe.
    /// </summary>
    internal sealed class ByteReader
    {
        private readonly byte[] _data;
        private int _end;
        private readonly LoadLimits _limits;

        public ByteReader(byte[] data, int start, int end, LoadLimits? limits = null)
        {
            _data = data;
            Position = start;
            _end = end;
            _limits = limits ?? new LoadLimits();
        }

        public LoadLimits Limits => _limits;

        public int Position { get; set; }

        public int Remaining => _end - Position;

        /// <summary>Where reading must stop: the end of the current object record while one is read, so no count can claim bytes of other records.</summary>
        public int End
        {
            get => _end;
            set => _end = value;
        }

        public byte ReadByte()
        {
            if (Position >= _end) throw Truncated("a byte");
            return _data[Position++];
        }

        public ulong ReadVarUInt()
        {
            // The common case, a varint that ends before the bound, without a range test per byte
            // beyond the array's own; anything else (the bound, a 10-byte varint) is read checked.
            int position = Position;
            int end = Math.Min(_end, position + 9);
            var data = _data;
            ulong value = 0;
            for (int shift = 0; position < end; shift += 7)
            {
                byte next = data[position++];
                value |= (ulong)(next & 0x7F) << shift;
                if (next < 0x80)
                {
                    Position = position;
                    return value;
                }
            }
            return ReadVarUIntChecked();
        }

        private ulong ReadVarUIntChecked()
        {
            ulong result = 0;
            for (int shift = 0; shift < 70; shift += 7)
            {
                byte b = ReadByte();
                if (shift == 63 && b > 1) throw Corrupt("a varint overflows 64 bits");
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return result;
            }
            throw Corrupt("a varint is longer than 10 bytes");
        }

        public long ReadVarInt()
        {
            ulong raw = ReadVarUInt();
            return (long)(raw >> 1) ^ -(long)(raw & 1);
        }

        /// <summary>A count of items that each take at least <paramref name="minBytesEach"/> bytes: never more than the bytes left allow.</summary>
        public int ReadCount(string what, int minBytesEach = 1) =>
            ReadCount(what, minBytesEach, _limits.MaxItems, nameof(LoadLimits.MaxItems));

        /// <summary>A count bounded by the bytes left and by the limit <paramref name="limitName"/> alone (the object count by MaxObjects, not MaxItems).</summary>
        public int ReadCount(string what, int minBytesEach, int limit, string limitName)
        {
            ulong count = ReadVarUInt();
            if (count > (ulong)Remaining / (ulong)Math.Max(minBytesEach, 1))
                throw Corrupt($"{what} count {count} is more than the {Remaining} bytes left can hold");
            if (count > (ulong)Math.Max(limit, 0))
                throw OverLimit($"{what} count {count}", limitName, limit);
            return (int)count;
        }

        /// <summary>An index that must be below <paramref name="limit"/>.</summary>
        public int ReadIndex(string what, int limit)
        {
            ulong value = ReadVarUInt();
            if (value >= (ulong)limit) throw Corrupt($"{what} {value} is out of range (there are {limit})");
            return (int)value;
        }

        public ushort ReadUInt16() => (ushort)ReadFixed(2);
        public uint ReadUInt32() => (uint)ReadFixed(4);
        public ulong ReadUInt64() => ReadFixed(8);

        public string ReadString()
        {
            ulong length = ReadVarUInt();
            if (length > (ulong)_limits.MaxStringBytes) throw OverLimit($"a string of {length} bytes", nameof(LoadLimits.MaxStringBytes), _limits.MaxStringBytes);
            if (length > (ulong)Remaining) throw Truncated($"a string of {length} bytes");
            int count = (int)length;
            string result;
            try
            {
                result = Strict.GetString(_data, Position, count);
            }
            catch (DecoderFallbackException)
            {
                throw Corrupt("a string is not valid UTF-8");
            }
            Position += count;
            return result;
        }

        public void Skip(int count)
        {
            if (count < 0 || count > Remaining) throw Truncated($"{count} bytes");
            Position += count;
        }

        public SnapshotFormatException Corrupt(string what) =>
            new SnapshotFormatException($"The snapshot is corrupt at byte {Position}: {what}.");

        public SnapshotFormatException OverLimit(string what, string limit, long value) =>
            new SnapshotFormatException($"The snapshot exceeds a load limit at byte {Position}: {what} is over LoadLimits.{limit} ({value}). Raise it in LoadOptions.Limits only for snapshots you trust.");

        private SnapshotFormatException Truncated(string what) =>
            new SnapshotFormatException($"The snapshot is truncated: needed {what} at byte {Position}, but the data ends at byte {_end}.");

        private ulong ReadFixed(int size)
        {
            if (Remaining < size) throw Truncated($"{size} bytes");
            if (size == 8 && BitConverter.IsLittleEndian)
            {
                ulong bits = BitConverter.ToUInt64(_data, Position);
                Position += 8;
                return bits;
            }
            ulong value = 0;
            for (int i = 0; i < size; i++) value |= (ulong)_data[Position + i] << (8 * i);
            Position += size;
            return value;
        }

        private static readonly Encoding Strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
    }
}
