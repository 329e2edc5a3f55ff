using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// The variables of a method at an IL offset: named locals whose PDB scope contains it, the
    /// parameters and <c>this</c>, and the closures the method holds. Captured locals are found
    /// through the display-class locals in scope: each field of the closure that is not compiler
    /// plumbing is a user local of the same name.
    /// </summary>
    internal static class LocalScopes
    {
        public static SiteVariables At(MethodDefinition method, int offset)
        {
            var site = new SiteVariables();
            AddParameters(method, site);
            var named = new HashSet<int>();
            if (method.DebugInformation.Scope != null)
            {
                NameAll(method.DebugInformation.Scope, named);
                Collect(method, method.DebugInformation.Scope, offset, site);
            }

            // Display classes the PDB does not name (Release builds) are still live closures of this method.
            foreach (var variable in method.Body.Variables.Where(v => !named.Contains(v.Index) && IsDisplayClass(v.VariableType)))
                AddCaptured(variable, site);
            if (method.DeclaringType.IsCompilerGenerated() && !method.IsStatic) AddHoisted(method, site);
            return site;
        }

        /// <summary>
        /// Parameters by name (<c>out</c> and <c>in</c> ones are not the method's to save or assign; the entry
        /// point's are the new process's command line), and <c>this</c>.
        /// </summary>
        private static void AddParameters(MethodDefinition method, SiteVariables site)
        {
            var parameters = method == method.Module.EntryPoint ? Enumerable.Empty<ParameterDefinition>() : method.Parameters;
            foreach (var parameter in parameters.Where(p => IsUserName(p.Name) && !p.IsOut && !p.IsIn))
            {
                bool byReference = parameter.ParameterType is ByReferenceType;
                var valueType = byReference ? ((ByReferenceType)parameter.ParameterType).ElementType : parameter.ParameterType;
                site.Locals[parameter.Name] = LocalAccess.OfParameter(parameter.Name, parameter, valueType, byReference);
            }
            var type = method.DeclaringType;
            if (method.IsStatic || type.IsCompilerGenerated()) return;
            if (!type.IsValueType) site.ThisIsClass = true;
            else if (!type.HasAttribute("System.Runtime.CompilerServices.IsReadOnlyAttribute") && !method.HasAttribute("System.Runtime.CompilerServices.IsReadOnlyAttribute"))
                site.Locals["this"] = LocalAccess.OfParameter("this", method.Body.ThisParameter, type.SelfReference(), byReference: true);
        }

        /// <summary>
        /// In an async or iterator method's MoveNext, locals live on in fields of the state machine:
        /// <c>&lt;x&gt;5__1</c> for a local x, <c>&lt;&gt;8__1</c> for a closure whose fields are captured locals,
        /// the parameters under their own names, <c>this</c> in <c>&lt;&gt;4__this</c>. In a lambda, the closure
        /// is <c>this</c>: its fields are the enclosing method's captured locals. The PDB gives scopes for
        /// hoisted locals only in a form Cecil does not expose, so all are taken.
        /// </summary>
        private static void AddHoisted(MethodDefinition method, SiteVariables site)
        {
            var owner = method.DeclaringType;
            bool stateMachine = method.Name == "MoveNext";
            if (!stateMachine && !IsDisplayClass(owner)) return;
            foreach (var definition in owner.Fields.Where(f => !f.IsStatic))
            {
                var field = definition.SelfReference();
                var hoisted = HoistedLocal.Match(field.Name);
                if (hoisted.Success && stateMachine)
                {
                    if (!site.Locals.ContainsKey(hoisted.Groups[1].Value)) site.Locals[hoisted.Groups[1].Value] = LocalAccess.Hoisted(hoisted.Groups[1].Value, field);
                }
                else if (stateMachine && IsForeachState(definition))
                {
                    if (!site.Locals.ContainsKey(field.Name)) site.Locals[field.Name] = LocalAccess.Hoisted(field.Name, field);
                }
                else if (field.Name == "<>4__this" && !field.FieldType.IsValueType) site.ThisField = field;
                else if (IsUserName(field.Name)) site.Locals[field.Name] = LocalAccess.Hoisted(field.Name, field);
                else if (stateMachine && field.Name.StartsWith("<>8__") && IsDisplayClass(field.FieldType))
                {
                    var closure = new ClosureAccess(null, field, field.FieldType);
                    foreach (var (captured, type) in UserFields(field.FieldType))
                        closure.Captured.Add(site.Locals[captured.Name] = LocalAccess.InHoistedClosure(field, captured, type));
                    if (!field.FieldType.IsValueType) site.Closures.Add(closure);
                }
            }
        }

        /// <summary>
        /// A <c>foreach</c>'s hidden state kept across <c>await</c>: the enumerator (of a generic or immutable collection), or an array and its index
        /// (<c>&lt;&gt;s__N</c> in Debug, <c>&lt;&gt;7__wrapN</c> in Release), so a loaded loop goes on at the
        /// element it was at. Other hidden temporaries (a <c>using</c>'s resource) are left alone.
        /// </summary>
        private static bool IsForeachState(FieldDefinition field)
        {
            if (!ForeachTemporary.IsMatch(field.Name)) return false;
            var type = field.FieldType;
            if (type is ArrayType || type.FullName == "System.Int32") return true;
            var element = type is GenericInstanceType generic ? generic.ElementType : type;
            var outer = element;
            while (outer.DeclaringType != null) outer = outer.DeclaringType;
            return element.Name == "Enumerator" && outer != element && (outer.Namespace == "System.Collections.Generic" || outer.Namespace == "System.Collections.Immutable")
                   || element.FullName == "System.Collections.Generic.IEnumerator`1" || element.FullName == "System.Collections.IEnumerator";
        }

        private static readonly System.Text.RegularExpressions.Regex ForeachTemporary = new System.Text.RegularExpressions.Regex(@"^<>(s__|7__wrap)\d+$");

        private static readonly System.Text.RegularExpressions.Regex HoistedLocal = new System.Text.RegularExpressions.Regex(@"^<([^>]+)>5__\d+$");

        private static void NameAll(ScopeDebugInformation scope, HashSet<int> named)
        {
            foreach (var debug in scope.Variables) named.Add(debug.Index);
            foreach (var inner in scope.Scopes) NameAll(inner, named);
        }

        private static void Collect(MethodDefinition method, ScopeDebugInformation scope, int offset, SiteVariables site)
        {
            bool contains = scope.Start.Offset <= offset && (scope.End.IsEndOfMethod || offset < scope.End.Offset);
            if (!contains) return;
            foreach (var debug in scope.Variables)
            {
                if (debug.Index >= method.Body.Variables.Count) continue;
                var variable = method.Body.Variables[debug.Index];
                if (IsDisplayClass(variable.VariableType)) AddCaptured(variable, site);
                else if (!debug.IsDebuggerHidden && IsUserName(debug.Name)) site.Locals[debug.Name] = LocalAccess.Plain(debug.Name, variable);
            }
            foreach (var inner in scope.Scopes) Collect(method, inner, offset, site);
        }

        private static void AddCaptured(VariableDefinition variable, SiteVariables site)
        {
            var closure = new ClosureAccess(variable, null, variable.VariableType);
            foreach (var (field, type) in UserFields(variable.VariableType))
                closure.Captured.Add(site.Locals[field.Name] = LocalAccess.InClosureLocal(variable, field, type));
            if (!variable.VariableType.IsValueType) site.Closures.Add(closure);
        }

        /// <summary>The captured variables of a closure, as fields usable from the method and their types there (a generic closure's are substituted).</summary>
        private static IEnumerable<(FieldReference Field, TypeReference Type)> UserFields(TypeReference closure)
        {
            var definition = closure.Resolve();
            var instance = closure as GenericInstanceType;
            foreach (var field in definition.Fields.Where(f => !f.IsStatic && IsUserName(f.Name)))
                yield return instance == null ? (field, field.FieldType) : (new FieldReference(field.Name, field.FieldType, instance), Substitute(field.FieldType, instance));
        }

        /// <summary>A field type of a generic closure as seen through <paramref name="instance"/>: the closure's type parameters replaced by its arguments.</summary>
        private static TypeReference Substitute(TypeReference type, GenericInstanceType instance)
        {
            switch (type)
            {
                case GenericParameter parameter when parameter.Type == GenericParameterType.Type:
                    return instance.GenericArguments[parameter.Position];
                case GenericInstanceType generic:
                    var result = new GenericInstanceType(generic.ElementType);
                    foreach (var argument in generic.GenericArguments) result.GenericArguments.Add(Substitute(argument, instance));
                    return result;
                case ArrayType array:
                    return new ArrayType(Substitute(array.ElementType, instance), array.Rank);
                default:
                    return type;
            }
        }

        public static bool IsDisplayClass(TypeReference type) => type.Name.StartsWith("<>c__DisplayClass");

        private static bool IsUserName(string name) => name.Length > 0 && !name.StartsWith("<") && !name.StartsWith("CS$");
    }

    /// <summary>What a call site can save and assign: named variables, the closures that hold some of them, and <c>this</c>.</summary>
    internal sealed class SiteVariables
    {
        public Dictionary<string, LocalAccess> Locals { get; } = new Dictionary<string, LocalAccess>();

        /// <summary>Class closures the method holds, whose restored counterparts it can adopt.</summary>
        public List<ClosureAccess> Closures { get; } = new List<ClosureAccess>();

        /// <summary><c>this</c> is a class instance of a user type: the method's own argument 0.</summary>
        public bool ThisIsClass { get; set; }

        /// <summary>The user's <c>this</c> as a lambda's closure or a state machine holds it (<c>&lt;&gt;4__this</c>).</summary>
        public FieldReference? ThisField { get; set; }
    }
}
