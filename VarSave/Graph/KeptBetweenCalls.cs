using System.Threading;

namespace VarSave.Graph
{
    /// <summary>
    /// Keeps one set of big buffers from one save or load to the next: a program that saves every
    /// few seconds handles much the same graph each time, and allocating (then collecting) tens of
    /// megabytes per call costs more than the work itself. A call that finds the set taken (two
    /// at once) makes its own. The set is dropped once no call has used it for a minute, so an idle
    /// program gives the memory back.
    /// </summary>
    internal sealed class KeptBetweenCalls<T> where T : class
    {
        private const int KeepMilliseconds = 60_000;
        private T? _spare;
        private readonly Timer _dropWhenIdle;

        public KeptBetweenCalls() =>
            _dropWhenIdle = new Timer(_ => Volatile.Write(ref _spare, null), null, Timeout.Infinite, Timeout.Infinite);

        /// <summary>The kept set, or null when there is none or another call holds it.</summary>
        public T? Take() => Interlocked.Exchange(ref _spare, null);

        /// <summary>Keeps an emptied set for the next call.</summary>
        public void Keep(T item)
        {
            Volatile.Write(ref _spare, item);
            // Each call pushes the timer back, so it fires only after a whole idle period.
            _dropWhenIdle.Change(KeepMilliseconds, Timeout.Infinite);
        }
    }
}
