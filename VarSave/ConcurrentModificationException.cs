using System;

namespace VarSave
{
    /// <summary>
    /// An object changed while a save was reading it (another thread added to a list, say), so the
    /// save could not capture a consistent state. Nothing was written; the previous file is intact.
    /// </summary>
    public sealed class ConcurrentModificationException : VarSaveException
    {
        /// <summary>Creates the exception for the object at <paramref name="objectPath"/>.</summary>
        public ConcurrentModificationException(string objectPath, Type objectType, string change, int attempts, Exception? inner = null)
            : base($"Cannot save {objectPath} -> {objectType.FullName}: it changed while the save read it ({change}), {attempts} time(s) in a row; " +
                   "another thread is most likely modifying it. Nothing was written. Save while the threads that change the program's state " +
                   "are paused or hold the lock that guards this object (lock around both the changes and ProgramState.SaveToFile), " +
                   "or save from the thread that owns the state.", inner ?? new InvalidOperationException(change))
        {
            ObjectPath = objectPath;
            ObjectType = objectType;
            Attempts = attempts;
        }

        /// <summary>How the object was reached from a root, e.g. <c>static Game.World.Log</c>.</summary>
        public string ObjectPath { get; }

        /// <summary>The run-time type of the object that changed.</summary>
        public Type ObjectType { get; }

        /// <summary>How many times the save was tried before giving up.</summary>
        public int Attempts { get; }
    }
}
