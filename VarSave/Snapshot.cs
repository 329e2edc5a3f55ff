using System;
using System.IO;

namespace VarSave
{
    /// <summary>
    /// The saved state of a program: an immutable block of bytes in the VarSave format, which
    /// can go to a file, a stream or a byte array and come back in this or another process.
    /// </summary>
    public sealed class Snapshot
    {
        private readonly byte[] _bytes;

        internal Snapshot(byte[] bytes) => _bytes = bytes;

        /// <summary>The size of the encoded snapshot in bytes.</summary>
        public int Length => _bytes.Length;

        /// <summary>What the last load of this snapshot could not map one to one (fields and locals skipped or defaulted).</summary>
        public LoadReport LoadReport { get; internal set; } = LoadReport.Empty;

        internal byte[] Bytes => _bytes;

        /// <summary>What a save with <see cref="SaveOptions.SkipUnsaveable"/> left out (saved as null), each with its path and reason; empty otherwise.</summary>
        public System.Collections.Generic.IReadOnlyList<SaveProblem> Skipped { get; internal set; } = Array.Empty<SaveProblem>();

        /// <summary>Wraps bytes produced by <see cref="ToArray"/>. They are checked when loaded, not here.</summary>
        public static Snapshot FromBytes(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            return new Snapshot((byte[])bytes.Clone());
        }

        /// <summary>Reads a snapshot from the current position of <paramref name="stream"/> to its end.</summary>
        public static Snapshot ReadFrom(Stream stream)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new Snapshot(copy.ToArray());
        }

        /// <summary>A copy of the encoded bytes.</summary>
        public byte[] ToArray() => (byte[])_bytes.Clone();

        /// <summary>Writes the encoded bytes to <paramref name="stream"/>.</summary>
        public void WriteTo(Stream stream)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            stream.Write(_bytes, 0, _bytes.Length);
        }

        /// <summary>
        /// Writes the snapshot to <paramref name="path"/> through a temporary file in the same
        /// folder that replaces the old file only once it is complete, so a failed save never
        /// destroys the previous one.
        /// </summary>
        public void WriteToFile(string path)
        {
            string full = Path.GetFullPath(path);
            string temporary = full + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    file.Write(_bytes, 0, _bytes.Length);
                    file.Flush(flushToDisk: true);
                }
                ReplaceFile(temporary, full);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                TryDelete(temporary);
                throw new VarSaveException($"Cannot write the snapshot to '{full}': {e.Message}", e);
            }
        }

        /// <summary>Reads a snapshot file written by <see cref="WriteToFile"/>, refusing one larger than <paramref name="maxBytes"/>.</summary>
        public static Snapshot ReadFile(string path, long maxBytes = int.MaxValue)
        {
            string full = Path.GetFullPath(path);
            try
            {
                long length = new FileInfo(full).Length;
                if (length > maxBytes)
                    throw new SnapshotFormatException($"The snapshot '{full}' is {length} bytes, over LoadLimits.MaxSnapshotBytes ({maxBytes}).");
                return new Snapshot(File.ReadAllBytes(full));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new VarSaveException($"Cannot read the snapshot '{full}': {e.Message}", e);
            }
        }

        private static void ReplaceFile(string source, string destination)
        {
#if NET
            File.Move(source, destination, overwrite: true);
#else
            if (File.Exists(destination)) File.Replace(source, destination, null);
            else File.Move(source, destination);
#endif
        }

        private static void TryDelete(string path)
        {
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
