namespace VarSave
{
    /// <summary>How a save treats what it cannot save.</summary>
    public sealed class SaveOptions
    {
        /// <summary>
        /// Leave out every object that cannot be saved (a stream, a thread, a delegate no woven code made, a class
        /// over a stateful base) and write null in its place, instead of failing the save. Every object left out is
        /// listed, with its path and reason, in <see cref="Snapshot.Skipped"/>. Off by default: a save is strict.
        /// A dictionary key or set item left out makes the collection fail to load; keep those saveable.
        /// </summary>
        public bool SkipUnsaveable { get; set; }
    }
}
