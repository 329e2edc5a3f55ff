using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// A closure (a display class, a class) the method at a call site holds: in a local, or in a
    /// field of its state machine. Saved whole, so that a load can make the restored closure the
    /// method's own and the method and the restored lambdas share one set of variables.
    /// </summary>
    internal sealed class ClosureAccess
    {
        public ClosureAccess(VariableDefinition? variable, FieldReference? field, TypeReference type)
        {
            Variable = variable;
            Field = field;
            Type = type;
        }

        /// <summary>The local holding the closure; null when it is a field of <c>this</c> (the state machine).</summary>
        public VariableDefinition? Variable { get; }

        /// <summary>The state-machine field holding the closure.</summary>
        public FieldReference? Field { get; }

        /// <summary>The closure type as the method sees it (a generic instance for a generic closure).</summary>
        public TypeReference Type { get; }

        /// <summary>Its captured variables, as named locals of the call site.</summary>
        public List<LocalAccess> Captured { get; } = new List<LocalAccess>();

        public TypeDefinition Definition => Type.Resolve();
    }
}
