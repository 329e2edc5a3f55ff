using System.Threading;

namespace VarSave.Graph
{
    /// <summary>
    /// Hands out save numbers for <see cref="Runtime.IMarked"/> marks. Only one save at a time may
    /// mark objects: two concurrent walks would overwrite each other's marks. The others use the
    /// identity map alone, which is always correct, only slower.
    /// </summary>
    internal static class SaveMarks
    {
        private static int _owned;
        private static long _lastNumber;

        /// <summary>A fresh save number, or 0 when another save holds the marks.</summary>
        public static long TryAcquire()
        {
            if (Interlocked.CompareExchange(ref _owned, 1, 0) != 0) return 0;
            long number = Interlocked.Increment(ref _lastNumber) & 0x7FFFFFFF;
            return number == 0 ? Interlocked.Increment(ref _lastNumber) & 0x7FFFFFFF : number;
        }

        public static void Release() => Volatile.Write(ref _owned, 0);
    }
}
