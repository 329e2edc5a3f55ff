using System;
using System.Collections.Generic;

namespace VarSave.Runtime
{
    /// <summary>What a woven load call site hands over before the load: live objects to refill in place, and captured variables' values.</summary>
    internal sealed class CallerObjects
    {
        /// <summary><c>this</c> and the method's closures, each under the name its saved counterpart has among the locals.</summary>
        public List<(string Name, object Live)> Live { get; } = new List<(string, object)>();

        /// <summary>Captured variables before the load refills their closures, for the ones the options keep.</summary>
        public Dictionary<string, object?> Stash { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
    }
}
