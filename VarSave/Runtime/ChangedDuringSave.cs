using System;

namespace VarSave.Runtime
{
    /// <summary>
    /// Raised inside a save's walk when an object changed while it was read (counts that do not
    /// match, an enumerator that saw a modification). The save starts again; after the last
    /// attempt it becomes a <see cref="ConcurrentModificationException"/>.
    /// </summary>
    internal sealed class ChangedDuringSave : Exception
    {
        public ChangedDuringSave(string objectPath, Type objectType, string change, Exception? inner)
            : base(change, inner)
        {
            ObjectPath = objectPath;
            ObjectType = objectType;
        }

        public string ObjectPath { get; }

        public Type ObjectType { get; }

        public ConcurrentModificationException Report(int attempts) =>
            new ConcurrentModificationException(ObjectPath, ObjectType, Message, attempts, InnerException ?? this);
    }
}
