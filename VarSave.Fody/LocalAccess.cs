using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// A named local at a call site: a plain local variable, or a captured one, which the
    /// compiler turned into a field of a closure (display class) that the method holds in a local.
    /// </summary>
    internal sealed class LocalAccess
    {
        public LocalAccess(string name, VariableDefinition variable, FieldReference? capturedField)
        {
            Name = name;
            Variable = variable;
            CapturedField = capturedField;
        }

        public string Name { get; }

        /// <summary>The local itself, or the local holding the display class.</summary>
        public VariableDefinition Variable { get; }

        /// <summary>The display-class field when the local is captured by a lambda or local function.</summary>
        public FieldReference? CapturedField { get; }

        public TypeReference ValueType => CapturedField?.FieldType ?? Variable.VariableType;
    }
}
