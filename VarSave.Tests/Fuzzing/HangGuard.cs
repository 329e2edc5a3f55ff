using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace VarSave.Tests.Fuzzing
{
    /// <summary>
    /// The only clock a fuzz test looks at: its loads run on a thread of their own, and one load that
    /// has not returned after <see cref="HangAfter"/> is a hang. Nothing else a test checks depends on
    /// the machine's speed (throughput figures live in the benchmarks, not in pass/fail).
    /// </summary>
    internal sealed class HangGuard
    {
        /// <summary>Far above the slowest load any fuzz case takes on a loaded machine (hundreds of milliseconds).</summary>
        public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

        private long _startedAt;

        /// <summary>Marks the start of one load.</summary>
        public void Begin() => Interlocked.Exchange(ref _startedAt, Stopwatch.GetTimestamp());

        /// <summary>Marks its end.</summary>
        public void End() => Interlocked.Exchange(ref _startedAt, 0);

        /// <summary>Runs <paramref name="loop"/> on its own thread; false if one load outlived <see cref="HangAfter"/> (the loop is then left behind).</summary>
        public async Task<bool> Run(Action loop)
        {
            var task = Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            while (!task.IsCompleted)
            {
                await Task.WhenAny(task, Task.Delay(250));
                long started = Interlocked.Read(ref _startedAt);
                if (started != 0 && Stopwatch.GetElapsedTime(started) > HangAfter) return false;
            }
            await task; // rethrows anything the loop itself threw
            return true;
        }
    }
}
