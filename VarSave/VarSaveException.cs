using System;

namespace VarSave
{
    /// <summary>The base of every error VarSave reports: a save or load that could not be done as asked.</summary>
    public class VarSaveException : Exception
    {
        /// <summary>Creates the exception with a message that says what, where and what to do.</summary>
        public VarSaveException(string message) : base(message) { }

        /// <summary>Creates the exception around the error that caused it.</summary>
        public VarSaveException(string message, Exception inner) : base(message, inner) { }
    }

    /// <summary>An object reachable from the saved roots cannot be saved. Nothing was written.</summary>
    public sealed class UnsaveableObjectException : VarSaveException
    {
        /// <summary>Creates the exception for the object at <paramref name="objectPath"/>.</summary>
        public UnsaveableObjectException(string objectPath, Type objectType, string reason)
            : base($"Cannot save {objectPath} -> {objectType.FullName}: {reason}")
        {
            ObjectPath = objectPath;
            ObjectType = objectType;
            Reason = reason;
        }

        /// <summary>Why the object cannot be saved, and what to do.</summary>
        public string Reason { get; }

        /// <summary>How the object was reached from a root, e.g. <c>static Game.World.Log</c> or <c>local p.Items[2]</c>.</summary>
        public string ObjectPath { get; }

        /// <summary>The run-time type that cannot be saved.</summary>
        public Type ObjectType { get; }
    }

    /// <summary>The bytes are not a snapshot this version can read: truncated, corrupted, or of another format.</summary>
    public sealed class SnapshotFormatException : VarSaveException
    {
        /// <summary>Creates the exception with a message that says where the data went wrong.</summary>
        public SnapshotFormatException(string message) : base(message) { }
    }

    /// <summary>The snapshot is well formed, but does not fit the loading program: a type it needs is missing or a field changed type.</summary>
    public sealed class SnapshotMismatchException : VarSaveException
    {
        /// <summary>Creates the exception with a message naming the type and field concerned.</summary>
        public SnapshotMismatchException(string message) : base(message) { }
    }
}
