namespace VarSave.Graph
{
    /// <summary>
    /// Stands for a saved object whose type the loading program lacks. It is harmless until
    /// something live would hold it; then the load fails naming the type and the reason.
    /// </summary>
    internal sealed class MissingObject
    {
        public MissingObject(LoadedType type) => Type = type;

        public LoadedType Type { get; }

        public SnapshotMismatchException Error(string where) =>
            new SnapshotMismatchException($"Cannot restore {where}: {Type.MissingReason}.");
    }
}
