using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// A named local at a call site, and how to reach it: a plain local variable; a field of a
    /// closure (display class) held in a local; in an async or iterator method, a field of the
    /// state machine (<c>this</c>) the compiler hoisted it into, or a field of a closure the
    /// state machine holds.
    /// </summary>
    internal sealed class LocalAccess
    {
        private LocalAccess(string name, VariableDefinition? variable, FieldReference? closureField, FieldReference? field)
        {
            Name = name;
            Variable = variable;
            ClosureField = closureField;
            Field = field;
        }

        public static LocalAccess Plain(string name, VariableDefinition variable) => new LocalAccess(name, variable, null, null);

        public static LocalAccess InClosureLocal(VariableDefinition closure, FieldReference field) => new LocalAccess(field.Name, closure, null, field);

        public static LocalAccess Hoisted(string name, FieldReference field) => new LocalAccess(name, null, null, field);

        public static LocalAccess InHoistedClosure(FieldReference closure, FieldReference field) => new LocalAccess(field.Name, null, closure, field);

        public string Name { get; }

        /// <summary>The local itself, or the local holding the closure; null when reached through <c>this</c>.</summary>
        public VariableDefinition? Variable { get; }

        /// <summary>The state-machine field holding the closure, for captured locals of async and iterator methods.</summary>
        public FieldReference? ClosureField { get; }

        /// <summary>The field holding the value (closure or state machine); null for a plain local.</summary>
        public FieldReference? Field { get; }

        public TypeReference ValueType => Field?.FieldType ?? Variable!.VariableType;

        /// <summary>The object the field lives in is a class that may still be null (a closure of a scope not yet entered).</summary>
        public bool MayBeNull => Field != null && (Variable != null ? !Variable.VariableType.IsValueType : ClosureField != null && !ClosureField.FieldType.IsValueType);
    }
}
