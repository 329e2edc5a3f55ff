using System;
using System.Linq;
using System.Text;

namespace VarSave.Tests
{
    /// <summary>Edits a snapshot as an attacker would, then re-seals its CRC-32C so only the content checks can catch it.</summary>
    internal static class SnapshotSurgery
    {
        /// <summary>Replaces the length-prefixed string <paramref name="from"/> (both shorter than 128 bytes) with <paramref name="to"/>.</summary>
        public static byte[] ReplaceName(byte[] snapshot, string from, string to)
        {
            return Reseal(snapshot, body =>
            {
                var old = Prefixed(from);
                int at = IndexOf(body, old);
                if (at < 0) throw new ArgumentException($"'{from}' is not in the snapshot.");
                return Splice(body, at, old.Length, Prefixed(to));
            });
        }

        /// <summary>Applies <paramref name="edit"/> to the snapshot without its checksum, then seals the result.</summary>
        public static byte[] Reseal(byte[] snapshot, Func<byte[], byte[]> edit)
        {
            var body = edit(snapshot.Take(snapshot.Length - 4).ToArray());
            return body.Concat(BitConverter.GetBytes(Crc32(body))).ToArray();
        }

        private static byte[] Prefixed(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            return new[] { (byte)bytes.Length }.Concat(bytes).ToArray();
        }

        /// <summary><paramref name="data"/> with the <paramref name="length"/> bytes at <paramref name="at"/> replaced by <paramref name="replacement"/>.</summary>
        public static byte[] Splice(byte[] data, int at, int length, byte[] replacement) =>
            data.Take(at).Concat(replacement).Concat(data.Skip(at + length)).ToArray();

        /// <summary>Where <paramref name="pattern"/> first occurs in <paramref name="data"/>, or -1.</summary>
        public static int IndexOf(byte[] data, byte[] pattern)
        {
            for (int i = 0; i + pattern.Length <= data.Length; i++)
                if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern)) return i;
            return -1;
        }

        /// <summary>The runtime's own checksum, so a re-sealed snapshot passes the integrity check.</summary>
        public static uint Crc32(byte[] data) => VarSave.Format.Crc32C.Compute(data, 0, data.Length);
    }
}
