namespace VarSave
{
    /// <summary>
    /// Bounds a load checks before it allocates anything, so a hostile or damaged snapshot cannot
    /// make the program allocate more than these allow. The defaults fit any snapshot this
    /// library can write; lower them for snapshots from untrusted places.
    /// </summary>
    public sealed class LoadLimits
    {
        /// <summary>The largest snapshot, in bytes (default 2 GB, the format's limit).</summary>
        public long MaxSnapshotBytes { get; set; } = int.MaxValue;

        /// <summary>The most objects one snapshot may hold (default 100 million).</summary>
        public int MaxObjects { get; set; } = 100_000_000;

        /// <summary>The most items in one collection or array, or fields in one type (default 100 million).</summary>
        public int MaxItems { get; set; } = 100_000_000;

        /// <summary>The longest string, in UTF-8 bytes (default 256 MB).</summary>
        public int MaxStringBytes { get; set; } = 256 * 1024 * 1024;

        /// <summary>The deepest nesting of struct values inside one another (default 64).</summary>
        public int MaxNesting { get; set; } = 64;
    }
}
