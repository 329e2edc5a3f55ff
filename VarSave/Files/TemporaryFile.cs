using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace VarSave.Files
{
    /// <summary>
    /// The temporary file a save writes before renaming it over the target:
    /// <c>.vs-HASH-PID-RANDOM.tmp</c> in the target's folder, where HASH is a hash of the target's
    /// name. The name is short whatever the target's length (a target may use all 255 bytes a
    /// name allows), and it says which process wrote it, so a later save can remove the leftovers
    /// of saves killed mid-way without touching a file a live process is still writing.
    /// </summary>
    internal static class TemporaryFile
    {
        private const string Prefix = ".vs-";
        private const string Suffix = ".tmp";

        /// <summary>A fresh temporary path for a save to <paramref name="target"/>.</summary>
        public static string NewPath(string target) =>
            Path.Combine(Path.GetDirectoryName(target)!,
                $"{Prefix}{TargetHash(target)}-{CurrentProcessId}-{Guid.NewGuid().ToString("N").Substring(0, 8)}{Suffix}");

        /// <summary>
        /// Deletes the temporary files of earlier saves to <paramref name="target"/> whose process is
        /// gone (killed mid-save). Files of live processes, including this one, are left alone; only
        /// names of exactly this pattern are considered. Best effort: a file that cannot be deleted stays.
        /// </summary>
        public static int RemoveStale(string target)
        {
            string hash = TargetHash(target);
            var pattern = new Regex("^" + Regex.Escape(Prefix + hash + "-") + "([0-9]{1,10})-[0-9a-f]{8}" + Regex.Escape(Suffix) + "$", RegexOptions.CultureInvariant);
            int removed = 0;
            string[] candidates;
            try
            {
                candidates = Directory.GetFiles(Path.GetDirectoryName(target)!, Prefix + hash + "-*" + Suffix);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return 0;
            }
            foreach (var candidate in candidates)
            {
                var match = pattern.Match(Path.GetFileName(candidate));
                if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
                if (pid == CurrentProcessId || IsRunning(pid)) continue;
                try
                {
                    File.Delete(candidate);
                    removed++;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { }
            }
            return removed;
        }

        private static readonly int CurrentProcessId = GetCurrentProcessId();

        private static int GetCurrentProcessId()
        {
            using var self = Process.GetCurrentProcess();
            return self.Id;
        }

        private static bool IsRunning(int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return true;
            }
            catch (ArgumentException)
            {
                return false; // no process has that id
            }
            catch (InvalidOperationException)
            {
                return true; // cannot tell: keep the file
            }
        }

        /// <summary>FNV-1a of the target's file name, 32 bits in hex: the same in every process, unlike string.GetHashCode.</summary>
        private static string TargetHash(string target)
        {
            uint hash = 2166136261;
            foreach (char c in Path.GetFileName(target))
            {
                hash = (hash ^ c) * 16777619;
            }
            return hash.ToString("x8", CultureInfo.InvariantCulture);
        }
    }
}
