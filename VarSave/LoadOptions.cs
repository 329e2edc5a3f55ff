using System;
using System.Collections.Generic;

namespace VarSave
{
    /// <summary>How <see cref="ProgramState.LoadEverything(Snapshot, LoadOptions)"/> restores a snapshot.</summary>
    public sealed class LoadOptions
    {
        /// <summary>
        /// Fill the objects the program's static fields already hold, instead of replacing them,
        /// wherever the saved object has the same type: the static's own object, then, through
        /// woven fields, the objects it holds, and so on. References held elsewhere (a UI, an
        /// engine) stay valid. Collections are cleared and refilled; delegates, arrays and tuples
        /// are replaced. This is how the Python original behaves. The objects are filled while the
        /// snapshot is decoded, so a load that fails after that (a damaged record, a changed field
        /// type, a throwing [AfterLoad] hook) leaves them partly refilled: the statics get their
        /// references back, but not the objects' old contents. Check a snapshot you do not trust
        /// with a plain load first.
        /// </summary>
        public bool InPlace { get; set; }

        /// <summary>
        /// Whether a woven load call site assigns the calling method's locals, parameters and <c>this</c>
        /// from the snapshot (the default). False loads the statics and everything they reach but leaves
        /// every local as it is, and the method's closures unshared with the restored lambdas.
        /// </summary>
        public bool RestoreLocals { get; set; } = true;

        /// <summary>
        /// Locals (and parameters, or <c>"this"</c>) the call site leaves as they are, by name:
        /// <c>new LoadOptions { KeepLocals = { nameof(key) } }</c>. The others are assigned as usual. A kept
        /// variable captured by a closure keeps its current value in the closure the method adopts, so the
        /// restored lambdas see the kept value too.
        /// </summary>
        public ICollection<string> KeepLocals { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Bounds checked before anything is allocated.</summary>
        public LoadLimits Limits { get; set; } = new LoadLimits();
    }
}
