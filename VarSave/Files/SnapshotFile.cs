using System;
using System.IO;
using VarSave.Format;

namespace VarSave.Files
{
    /// <summary>
    /// Writes and reads snapshot files. A write goes to a temporary file in the target's folder
    /// (created with the target's permissions), is flushed, read back and checked, renamed over
    /// the target (through symbolic links, to the file they point at), and the folder is flushed.
    /// A read refuses pipes and devices and is bounded by the bytes actually read.
    /// </summary>
    internal static class SnapshotFile
    {
        public static void Write(string path, byte[] bytes)
        {
            string target = FollowLinks(Path.GetFullPath(path));
            string temporary = TemporaryFile.NewPath(target);
            try
            {
                TemporaryFile.RemoveStale(target);
                using (var file = Create(temporary, target))
                {
                    file.Write(bytes, 0, bytes.Length);
                    file.Flush(flushToDisk: true);
                }
                Verify(temporary, bytes);
                Replace(temporary, target);
                DirectorySync.Flush(Path.GetDirectoryName(target)!);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is VarSaveException)
            {
                TryDelete(temporary);
                if (e is VarSaveException) throw;
                throw new VarSaveException($"Cannot write the snapshot to '{target}': {e.Message}", e);
            }
        }

        public static byte[] Read(string path, long maxBytes)
        {
            string full = Path.GetFullPath(path);
            try
            {
                // The reported length only rejects early and sizes the buffer; the read itself is bounded.
                long length = new FileInfo(full).Length;
                if (length > maxBytes)
                    throw new SnapshotFormatException($"The snapshot '{full}' is {length} bytes, over LoadLimits.MaxSnapshotBytes ({maxBytes}).");
                // Pipes and devices report 0 bytes, and opening a pipe would wait for a writer: refused before opening.
                if (length < FormatConstants.HeaderLength + FormatConstants.ChecksumLength)
                    throw new SnapshotFormatException($"The snapshot '{full}' is {length} bytes: it is empty or truncated, or it is not a regular file (a pipe or a device), which VarSave does not read.");
                using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
                return BoundedRead.ReadAll(stream, maxBytes, length, $"'{full}'");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new VarSaveException($"Cannot read the snapshot '{full}': {e.Message}", e);
            }
        }

        /// <summary>
        /// Reads the temporary file back and checks that it holds exactly the snapshot's bytes, whose
        /// checksum and structure are then checked, before it may replace the target: a snapshot
        /// damaged on its way to the disk, or bytes that are no snapshot, never replace a good one.
        /// The file is compared in small chunks, so a large snapshot costs no second large buffer.
        /// </summary>
        private static void Verify(string temporary, byte[] bytes)
        {
            try
            {
                using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan))
                {
                    var chunk = new byte[Math.Min(bytes.Length + 1, 1 << 16)];
                    int at = 0;
                    for (int read; (read = stream.Read(chunk, 0, chunk.Length)) > 0; at += read)
                        if (at + read > bytes.Length || !Same(chunk, bytes, at, read))
                            throw new SnapshotFormatException($"the file differs from the snapshot from byte {at}");
                    if (at != bytes.Length)
                        throw new SnapshotFormatException($"{at} of {bytes.Length} bytes reached the disk");
                }
                SnapshotStructure.Check(bytes);
            }
            catch (SnapshotFormatException e)
            {
                throw new VarSaveException($"The snapshot written to '{temporary}' does not read back as a valid snapshot ({e.Message}); the previous snapshot was kept. Check the disk, and report this if it repeats.", e);
            }
        }

        private static bool Same(byte[] chunk, byte[] bytes, int at, int count)
        {
#if NET
            return chunk.AsSpan(0, count).SequenceEqual(bytes.AsSpan(at, count));
#else
            for (int i = 0; i < count; i++)
                if (chunk[i] != bytes[at + i]) return false;
            return true;
#endif
        }

        /// <summary>The file a path finally points at, through any chain of symbolic links (the path itself if it is none).</summary>
        private static string FollowLinks(string full)
        {
#if NET
            var file = new FileInfo(full);
            if (file.LinkTarget == null) return full; // not a link, or no file yet
            var final = file.ResolveLinkTarget(returnFinalTarget: true);
            if (final != null) return Path.GetFullPath(final.FullName);
#endif
            return full;
        }

        /// <summary>Creates the temporary file with the target's permission bits (Unix), so a private snapshot never becomes readable by others.</summary>
        private static FileStream Create(string temporary, string target)
        {
#if NET
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                var mode = File.GetUnixFileMode(target);
                var options = new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                    UnixCreateMode = mode & ~(UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit),
                };
                var file = new FileStream(temporary, options);
                // The umask may have taken bits away at creation; put them back.
                File.SetUnixFileMode(file.SafeFileHandle, options.UnixCreateMode.Value);
                return file;
            }
#endif
            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }

        private static void Replace(string source, string destination)
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
