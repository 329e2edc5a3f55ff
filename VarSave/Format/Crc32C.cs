using System;
#if NET
using System.Buffers.Binary;
using System.Runtime.Intrinsics.X86;
#endif

namespace VarSave.Format
{
    /// <summary>
    /// CRC-32C (Castagnoli), with the SSE4.2 instruction eight bytes at a time where the CPU has
    /// it (tens of GB/s) and a table otherwise. The checksum must never be what makes a save slow.
    /// </summary>
    internal static class Crc32C
    {
        private static readonly uint[] Table = BuildTable();

        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFFu;
            int i = offset, end = offset + count;
#if NET
            if (Sse42.X64.IsSupported)
            {
                ulong wide = crc;
                for (; i + 8 <= end; i += 8) wide = Sse42.X64.Crc32(wide, BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(i, 8)));
                crc = (uint)wide;
                for (; i < end; i++) crc = Sse42.Crc32(crc, data[i]);
                return ~crc;
            }
#endif
            for (; i < end; i++) crc = Table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
