using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// The named locals whose scope contains an IL offset, from the PDB's local scopes.
    /// Captured locals are found through the display-class locals in scope: each field of the
    /// closure that is not compiler plumbing is a user local of the same name.
    /// </summary>
    internal static class LocalScopes
    {
        public static List<LocalAccess> At(MethodDefinition method, int offset)
        {
            var found = new Dictionary<string, LocalAccess>();
            var named = new HashSet<int>();
            if (method.DebugInformation.Scope != null) Collect(method, method.DebugInformation.Scope, offset, found, named);

            // Display classes the PDB does not name are still live closures of this method.
            foreach (var variable in method.Body.Variables.Where(v => !named.Contains(v.Index) && IsDisplayClass(v.VariableType)))
                AddCaptured(variable, found);
            if (method.Name == "MoveNext" && method.DeclaringType.IsCompilerGenerated()) AddHoisted(method.DeclaringType, found);
            return found.Values.ToList();
        }

        /// <summary>
        /// In an async or iterator method's MoveNext, locals live on in fields of the state machine:
        /// <c>&lt;x&gt;5__1</c> for a local x, <c>&lt;&gt;8__1</c> for a closure whose fields are captured locals.
        /// The PDB gives their scopes only in a form Cecil does not expose, so all are taken.
        /// </summary>
        private static void AddHoisted(TypeDefinition stateMachine, Dictionary<string, LocalAccess> found)
        {
            foreach (var field in stateMachine.Fields.Where(f => !f.IsStatic))
            {
                var hoisted = HoistedLocal.Match(field.Name);
                if (hoisted.Success && !found.ContainsKey(hoisted.Groups[1].Value))
                    found[hoisted.Groups[1].Value] = LocalAccess.Hoisted(hoisted.Groups[1].Value, field.SelfReference());
                else if (IsForeachState(field) && !found.ContainsKey(field.Name))
                    found[field.Name] = LocalAccess.Hoisted(field.Name, field.SelfReference());
                else if (field.Name.StartsWith("<>8__") && IsDisplayClass(field.FieldType) && !(field.FieldType is GenericInstanceType))
                    foreach (var captured in field.FieldType.Resolve().Fields.Where(f => !f.IsStatic && IsUserName(f.Name)))
                        found[captured.Name] = LocalAccess.InHoistedClosure(field.SelfReference(), captured);
            }
        }

        /// <summary>
        /// A <c>foreach</c>'s hidden state kept across <c>await</c>: the enumerator, or an array and its index
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
            return element.Name == "Enumerator" && outer != element && outer.Namespace == "System.Collections.Generic"
                   || element.FullName == "System.Collections.Generic.IEnumerator`1" || element.FullName == "System.Collections.IEnumerator";
        }

        private static readonly System.Text.RegularExpressions.Regex ForeachTemporary = new System.Text.RegularExpressions.Regex(@"^<>(s__|7__wrap)\d+$");

        private static readonly System.Text.RegularExpressions.Regex HoistedLocal = new System.Text.RegularExpressions.Regex(@"^<([^>]+)>5__\d+$");

        private static void Collect(MethodDefinition method, ScopeDebugInformation scope, int offset, Dictionary<string, LocalAccess> found, HashSet<int> named)
        {
            bool contains = scope.Start.Offset <= offset && (scope.End.IsEndOfMethod || offset < scope.End.Offset);
            if (!contains) return;
            foreach (var debug in scope.Variables)
            {
                if (debug.Index >= method.Body.Variables.Count) continue;
                var variable = method.Body.Variables[debug.Index];
                named.Add(debug.Index);
                if (IsDisplayClass(variable.VariableType)) AddCaptured(variable, found);
                else if (!debug.IsDebuggerHidden && IsUserName(debug.Name)) found[debug.Name] = LocalAccess.Plain(debug.Name, variable);
            }
            foreach (var inner in scope.Scopes) Collect(method, inner, offset, found, named);
        }

        private static void AddCaptured(VariableDefinition closure, Dictionary<string, LocalAccess> found)
        {
            // A generic closure's field types would need substituting; such closures are skipped.
            if (closure.VariableType is GenericInstanceType) return;
            var definition = closure.VariableType.Resolve();
            foreach (var field in definition.Fields.Where(f => !f.IsStatic && IsUserName(f.Name)))
                found[field.Name] = LocalAccess.InClosureLocal(closure, field);
        }

        public static bool IsDisplayClass(TypeReference type) => type.Name.StartsWith("<>c__DisplayClass");

        private static bool IsUserName(string name) => name.Length > 0 && !name.StartsWith("<") && !name.StartsWith("CS$");
    }
}
