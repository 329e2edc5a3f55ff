using System.Runtime.InteropServices;

namespace VarSave.Files
{
    /// <summary>
    /// Flushes a directory's entries to disk on Unix, so a rename that replaced a snapshot survives a
    /// power loss (POSIX makes the rename durable only once the directory itself is fsynced). Windows
    /// has no equivalent call; NTFS journals the rename.
    /// </summary>
    internal static class DirectorySync
    {
        private const int ReadOnly = 0;
        private const int InputOutputError = 5; // EIO on Linux and macOS

        /// <summary>fsync of <paramref name="directory"/>; false when the platform or file system cannot do it (no error: the data itself is already on disk).</summary>
        public static bool Flush(string directory)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return false;
            int descriptor = open(directory, ReadOnly);
            if (descriptor < 0) return false; // a directory we may write but not read: nothing more can be done
            try
            {
                if (fsync(descriptor) == 0) return true;
                if (Marshal.GetLastWin32Error() == InputOutputError)
                    throw new VarSaveException($"The folder '{directory}' could not be flushed to disk after the snapshot was renamed into it (I/O error): the snapshot may not survive a power loss. Check the disk.");
                return false; // EINVAL and the like: a file system without directory fsync
            }
            finally
            {
                close(descriptor);
            }
        }

        // Strings marshal as UTF-8 on Unix, the only place this runs.
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
        private static extern int open(string path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int fsync(int descriptor);

        [DllImport("libc", SetLastError = true)]
        private static extern int close(int descriptor);
    }
}
