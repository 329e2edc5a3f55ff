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

        /// <summary>
        /// The longest chain of tuples holding tuples (System.Tuple, counting the struct values each
        /// reference sits in), default 1,000. Tuples hash and compare by recursing into what they
        /// hold, so a deeper chain would overflow the stack once hashed. A tuple that contains itself
        /// is always refused: tuples are immutable, so no program can build one.
        /// </summary>
        public int MaxStructuralDepth { get; set; } = 1000;

        /// <summary>The deepest nesting of type arguments and array element types in one type name (default 32).</summary>
        public int MaxTypeNesting { get; set; } = 32;

        /// <summary>The most type names in one type's full name, counting every argument at every depth (default 256).</summary>
        public int MaxTypeNodes { get; set; } = 256;

        /// <summary>
        /// The most generic instantiations and array types one snapshot's type table may construct
        /// (default 10,000). The runtime never frees a constructed type, so this bounds the memory a
        /// file can make the process keep for good.
        /// </summary>
        public int MaxConstructedTypes { get; set; } = 10_000;

        /// <summary>
        /// The most characters the patterns of all <see cref="System.Text.RegularExpressions.Regex"/> objects of
        /// one load may have together (default 16,384). Loading a Regex parses its pattern, and the cost of that
        /// grows faster than the pattern: a pattern of n characters with <c>RegexOptions.NonBacktracking</c>
        /// counts n² here (its automaton is built at construction; 256 distinct characters took 1.6 s and
        /// 158 MB). Raise it in <see cref="LoadOptions.Limits"/> only for snapshots you trust.
        /// </summary>
        public int MaxRegexPatternChars { get; set; } = 16_384;
    }
}
