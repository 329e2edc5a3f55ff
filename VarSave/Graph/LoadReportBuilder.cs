using System.Collections.Generic;

namespace VarSave.Graph
{
    /// <summary>Collects a load's differences as they are found; frozen into a <see cref="LoadReport"/>.</summary>
    internal sealed class LoadReportBuilder
    {
        public List<string> IgnoredFields { get; } = new List<string>();
        public List<string> DefaultedFields { get; } = new List<string>();
        public List<string> SkippedStatics { get; } = new List<string>();
        public List<string> SkippedLocals { get; } = new List<string>();
        public List<string> RestoredLocals { get; } = new List<string>();
        public List<string> KeptLocals { get; } = new List<string>();
        public List<string> SharedClosures { get; } = new List<string>();
        public List<string> UnsharedClosures { get; } = new List<string>();
    }
}
