using System.Collections.Generic;

namespace VarSave
{
    /// <summary>What a load could not map one to one: the differences between the saving and the loading program.</summary>
    public sealed class LoadReport
    {
        internal LoadReport(Graph.LoadReportBuilder builder)
        {
            IgnoredFields = builder.IgnoredFields.ToArray();
            DefaultedFields = builder.DefaultedFields.ToArray();
            SkippedStatics = builder.SkippedStatics.ToArray();
            SkippedLocals = builder.SkippedLocals.ToArray();
            RestoredLocals = builder.RestoredLocals.ToArray();
            KeptLocals = builder.KeptLocals.ToArray();
            SharedClosures = builder.SharedClosures.ToArray();
            UnsharedClosures = builder.UnsharedClosures.ToArray();
        }

        /// <summary>Saved fields the loading program's types no longer have (<c>Type.field</c>); their values were dropped.</summary>
        public IReadOnlyList<string> IgnoredFields { get; }

        /// <summary>Fields of the loading program's types that the snapshot has no value for; they keep their default.</summary>
        public IReadOnlyList<string> DefaultedFields { get; }

        /// <summary>Saved static fields with no counterpart in the loading program (<c>Type.field</c>, or <c>Type.*</c> for a missing type).</summary>
        public IReadOnlyList<string> SkippedStatics { get; }

        /// <summary>Saved locals that no local of the loading call site took: no local of that name, or an incompatible type.</summary>
        public IReadOnlyList<string> SkippedLocals { get; }

        /// <summary>Locals the loading call site assigned from the snapshot.</summary>
        public IReadOnlyList<string> RestoredLocals { get; }

        /// <summary>Saved locals the call site left as they were, because <see cref="LoadOptions.KeepLocals"/> named them or <see cref="LoadOptions.RestoreLocals"/> was false.</summary>
        public IReadOnlyList<string> KeptLocals { get; }

        /// <summary>
        /// Closures of the loading method (its captured variables) that became the restored ones: the method and
        /// the lambdas from the snapshot now share those variables. Each names the method and line that creates it.
        /// </summary>
        public IReadOnlyList<string> SharedClosures { get; }

        /// <summary>
        /// Closures of the loading method that could not become the restored ones (the snapshot has none of that
        /// method, or it captured other variables) although some of their variables took saved values: those
        /// variables are copies, and a restored lambda that captured the originals does not see the method's changes.
        /// </summary>
        public IReadOnlyList<string> UnsharedClosures { get; }

        /// <summary>An empty report, for a snapshot that has not been loaded.</summary>
        public static LoadReport Empty { get; } = new LoadReport(new Graph.LoadReportBuilder());
    }
}
