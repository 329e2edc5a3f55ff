using System;
using System.IO;
using System.Linq;

namespace VarSave.Benchmarks
{
    /// <summary>What the figures were measured on, printed with every table.</summary>
    internal static class Machine
    {
        public static string Describe()
        {
            string cpu = "unknown CPU";
            try
            {
                cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            return $"{Environment.ProcessorCount} cores, {cpu}, .NET {Environment.Version}, {Environment.OSVersion}";
        }

        /// <summary>The 1-minute load average: other work on a 2-core machine shows up in the figures.</summary>
        public static string Load()
        {
            try
            {
                return "load average " + File.ReadAllText("/proc/loadavg").Split(' ')[0];
            }
            catch (IOException) { return "load average unknown"; }
            catch (UnauthorizedAccessException) { return "load average unknown"; }
        }
    }
}

namespace VarSave.Benchmarks
{
    /// <summary>
    /// CPU time of the whole process (all threads, the GC's included), in milliseconds, from
    /// clock_gettime(CLOCK_PROCESS_CPUTIME_ID) — the clock Python's time.process_time() reads.
    /// Unlike wall time it hardly moves when other programs compete for the cores.
    /// </summary>
    internal static class CpuClock
    {
        private const int ClockProcessCpuTimeId = 2;

        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        private static bool _unavailable;

        /// <summary>Process CPU milliseconds so far, or NaN where the clock cannot be read (not Linux).</summary>
        public static double Now()
        {
            if (_unavailable || !System.OperatingSystem.IsLinux()) return double.NaN;
            try
            {
                return ClockGetTime(ClockProcessCpuTimeId, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : double.NaN;
            }
            catch (System.DllNotFoundException) { _unavailable = true; return double.NaN; }
            catch (System.EntryPointNotFoundException) { _unavailable = true; return double.NaN; }
        }
    }
}
