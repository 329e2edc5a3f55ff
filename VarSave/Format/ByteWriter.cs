using System;
using System.Text;

namespace VarSave.Format
{
    /// <summary>A growable little-endian byte buffer with the varint encodings the format uses.</summary>
    internal sealed class ByteWriter
    {
        private byte[] _buffer;
        private int _length;

        public ByteWriter(int capacity = 256) => _buffer = new byte[capacity];

        public int Length => _length;

        public void WriteByte(byte value)
        {
            if (_length == _buffer.Length) Grow(1);
            _buffer[_length++] = value;
        }

        public void WriteBytes(byte[] source, int offset, int count)
        {
            Ensure(count);
            Buffer.BlockCopy(source, offset, _buffer, _length, count);
            _length += count;
        }

        public void WriteVarUInt(ulong value)
        {
            Ensure(10);
            while (value >= 0x80)
            {
                _buffer[_length++] = (byte)(value | 0x80);
                value >>= 7;
            }
            _buffer[_length++] = (byte)value;
        }

        public void WriteVarInt(long value) => WriteVarUInt((ulong)((value << 1) ^ (value >> 63)));

        public void WriteCount(int count) => WriteVarUInt((uint)count);

        public void WriteUInt16(ushort value) => WriteFixed(value, 2);
        public void WriteUInt32(uint value) => WriteFixed(value, 4);
        public void WriteUInt64(ulong value) => WriteFixed(value, 8);

        public void WriteString(string value)
        {
            int max = Encoding.UTF8.GetMaxByteCount(value.Length);
            Ensure(max + 5);
            if (max < 0x80)
            {
                // Short strings (most of them): encode once, behind a one-byte length.
                int count = Encoding.UTF8.GetBytes(value, 0, value.Length, _buffer, _length + 1);
                _buffer[_length] = (byte)count;
                _length += count + 1;
                return;
            }
            WriteCount(Encoding.UTF8.GetByteCount(value));
            _length += Encoding.UTF8.GetBytes(value, 0, value.Length, _buffer, _length);
        }

        /// <summary>Reserves four bytes to be filled later by <see cref="PatchUInt32"/>.</summary>
        public int ReserveUInt32()
        {
            Ensure(4);
            _length += 4;
            return _length - 4;
        }

        public void PatchUInt32(int position, uint value)
        {
            for (int i = 0; i < 4; i++) _buffer[position + i] = (byte)(value >> (8 * i));
        }

        /// <summary>Empties the buffer, keeping its capacity.</summary>
        public void Clear() => _length = 0;

        /// <summary>Drops everything written after <paramref name="length"/> (a dry run skipping an unsaveable value).</summary>
        public void Truncate(int length) => _length = length;

        public void WriteTo(ByteWriter target) => target.WriteBytes(_buffer, 0, _length);

        /// <summary>The bytes written; the buffer itself when it is exactly full, saving a copy.</summary>
        public byte[] ToArrayOrBuffer() => _length == _buffer.Length ? _buffer : ToArray();

        public byte[] ToArray()
        {
            var result = new byte[_length];
            Buffer.BlockCopy(_buffer, 0, result, 0, _length);
            return result;
        }

        /// <summary>The buffer itself, valid up to <see cref="Length"/>: lets the caller checksum without a copy.</summary>
        public byte[] UnsafeBuffer => _buffer;

        private void WriteFixed(ulong value, int size)
        {
            Ensure(size);
            for (int i = 0; i < size; i++) _buffer[_length++] = (byte)(value >> (8 * i));
        }

        private void Ensure(int extra)
        {
            if (_buffer.Length - _length < extra) Grow(extra);
        }

        private void Grow(int extra)
        {
            long wanted = Math.Max((long)_buffer.Length * 2, (long)_length + extra);
            if (wanted > int.MaxValue - 64)
                throw new VarSaveException("The snapshot would be larger than 2 GB, the most one snapshot can hold.");
            Array.Resize(ref _buffer, (int)wanted);
        }
    }
}
