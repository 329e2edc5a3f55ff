using System;
using System.IO;

namespace VarSave.Files
{
    /// <summary>
    /// Reads a stream to its end, but never more than a limit: the bytes actually read are
    /// counted, not a length the file system reports, so a growing file, a device or a pipe
    /// costs at most the limit.
    /// </summary>
    internal static class BoundedRead
    {
        // The largest byte array .NET allocates.
        private const int MaxArrayLength = 0x7FFFFFC7;

        /// <summary>All bytes to the end of <paramref name="stream"/>; <paramref name="sizeHint"/> (a reported length) only sizes the first buffer.</summary>
        public static byte[] ReadAll(Stream stream, long maxBytes, long sizeHint, string what)
        {
            long limit = Math.Min(Math.Max(maxBytes, 0), MaxArrayLength);
            var buffer = new byte[(int)Math.Min(Math.Max(sizeHint, 0), limit)];
            int total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    // Full: either the stream ends here, or it has more and the buffer grows, up to the limit.
                    int next = stream.ReadByte();
                    if (next < 0) return buffer;
                    if (total >= limit)
                        throw new SnapshotFormatException(
                            $"The snapshot {what} is over LoadLimits.MaxSnapshotBytes ({maxBytes}): reading stopped after {total + 1L} bytes. " +
                            "Raise the limit only for snapshots you trust.");
                    Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, 4096), limit));
                    buffer[total++] = (byte)next;
                }
                int read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0) break;
                total += read;
            }
            Array.Resize(ref buffer, total);
            return buffer;
        }
    }
}
