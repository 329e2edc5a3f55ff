using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// A named variable at a call site, and how to reach it: a plain local variable; a parameter
    /// (a <c>ref</c> parameter or a struct's <c>this</c> holds an address); a field of a closure
    /// (display class) held in a local; in an async or iterator method or a lambda, a field of
    /// <c>this</c> (the state machine or closure) the compiler hoisted it into, or a field of a
    /// closure the state machine holds.
    /// </summary>
    internal sealed class LocalAccess
    {
        private LocalAccess(string name, VariableDefinition? variable, FieldReference? closureField, FieldReference? field, TypeReference? fieldType)
        {
            Name = name;
            Variable = variable;
            ClosureField = closureField;
            Field = field;
            _fieldType = fieldType;
        }

        public static LocalAccess Plain(string name, VariableDefinition variable) => new LocalAccess(name, variable, null, null, null);

        public static LocalAccess InClosureLocal(VariableDefinition closure, FieldReference field, TypeReference fieldType) => new LocalAccess(field.Name, closure, null, field, fieldType);

        public static LocalAccess Hoisted(string name, FieldReference field) => new LocalAccess(name, null, null, field, null);

        public static LocalAccess InHoistedClosure(FieldReference closure, FieldReference field, TypeReference fieldType) => new LocalAccess(field.Name, null, closure, field, fieldType);

        /// <summary>A parameter, or a struct method's <c>this</c> (named "this"): both by address when <paramref name="byReference"/>.</summary>
        public static LocalAccess OfParameter(string name, ParameterDefinition parameter, TypeReference valueType, bool byReference) =>
            new LocalAccess(name, null, null, null, valueType) { Parameter = parameter, ByReference = byReference };

        public string Name { get; }

        /// <summary>The local itself, or the local holding the closure; null when reached through <c>this</c> or a parameter.</summary>
        public VariableDefinition? Variable { get; }

        /// <summary>The state-machine field holding the closure, for captured locals of async and iterator methods.</summary>
        public FieldReference? ClosureField { get; }

        /// <summary>The field holding the value (closure or state machine); null for a plain local or a parameter.</summary>
        public FieldReference? Field { get; }

        /// <summary>The parameter holding the value (or its address, see <see cref="ByReference"/>).</summary>
        public ParameterDefinition? Parameter { get; private set; }

        /// <summary>The parameter holds the value's address: a <c>ref</c> parameter, or a struct's <c>this</c>.</summary>
        public bool ByReference { get; private set; }

        // A field of a generic closure, or a parameter's value: its type as the call site sees it.
        private readonly TypeReference? _fieldType;

        public TypeReference ValueType => _fieldType ?? Field?.FieldType ?? Variable!.VariableType;

        /// <summary>The object the field lives in is a class that may still be null (a closure of a scope not yet entered).</summary>
        public bool MayBeNull => Field != null && (Variable != null ? !Variable.VariableType.IsValueType : ClosureField != null && !ClosureField.FieldType.IsValueType);
    }
}
