using System;
using System.IO;
using VarSave.Files;

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

        /// <summary>Reads a snapshot from the current position of <paramref name="stream"/> to its end, up to 2 GB (the format's limit).</summary>
        public static Snapshot ReadFrom(Stream stream) => ReadFrom(stream, new LoadLimits());

        /// <summary>
        /// Reads a snapshot from the current position of <paramref name="stream"/> to its end, refusing
        /// one longer than <paramref name="limits"/>' <see cref="LoadLimits.MaxSnapshotBytes"/>: the bytes
        /// read are counted, so an endless stream costs at most the limit.
        /// </summary>
        public static Snapshot ReadFrom(Stream stream, LoadLimits limits)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            if (limits == null) throw new ArgumentNullException(nameof(limits));
            long hint = 0;
            try
            {
                if (stream.CanSeek) hint = Math.Min(stream.Length - stream.Position, limits.MaxSnapshotBytes);
            }
            catch (NotSupportedException) { }
            return new Snapshot(BoundedRead.ReadAll(stream, limits.MaxSnapshotBytes, Math.Min(hint, 1 << 20), "stream"));
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
        /// folder that replaces the old file only once it is complete and reads back as a valid
        /// snapshot, so a failed save never destroys the previous one. A symbolic link is written
        /// through (the file it points at is replaced), the old file's permissions are kept (Unix),
        /// the folder is flushed to disk after the rename (Unix), and temporary files left by
        /// earlier saves to the same path that were killed mid-way are removed.
        /// </summary>
        public void WriteToFile(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            SnapshotFile.Write(path, _bytes);
        }

        /// <summary>
        /// Reads a snapshot file written by <see cref="WriteToFile"/>, refusing one larger than
        /// <paramref name="maxBytes"/> (counting the bytes read, not the size the file system
        /// reports) and refusing pipes and devices.
        /// </summary>
        public static Snapshot ReadFile(string path, long maxBytes = int.MaxValue)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            return new Snapshot(SnapshotFile.Read(path, maxBytes));
        }
    }
}
