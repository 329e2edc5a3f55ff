using System;
using System.Threading;

namespace VarSave.Runtime
{
    /// <summary>
    /// One save or load at a time in the process: a save during a load would capture a half-applied
    /// state, and two saves to one file could land in the other order. Reentrant, so an [AfterLoad]
    /// hook may save. Threads that change the program's state outside VarSave are not stopped by it:
    /// the save walk detects their changes instead (<see cref="ChangedDuringSave"/>).
    /// </summary>
    internal static class SaveLoadLock
    {
        private static readonly object Gate = new object();

        /// <summary>Waits for the lock; dispose the result to let it go.</summary>
        public static Held Enter()
        {
            Monitor.Enter(Gate);
            return default;
        }

        internal readonly struct Held : IDisposable
        {
            public void Dispose() => Monitor.Exit(Gate);
        }
    }
}
