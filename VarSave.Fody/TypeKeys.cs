using System.Linq;
using System.Text.RegularExpressions;
using Mono.Cecil;

namespace VarSave.Fody
{
    /// <summary>
    /// The stable keys snapshots name types and delegate targets by. User types: namespace and
    /// nested names (<c>Game.World+Log</c>), never the assembly. Compiler-generated closures,
    /// lambdas, local functions and state machines: their user-level owner method (type, name,
    /// parameter types) and their ordinal within that method, because the compiler's names
    /// embed the owner's member ordinal, which changes when unrelated members are added.
    /// </summary>
    internal sealed class TypeKeys
    {
        private static readonly Regex DisplayClass = new Regex(@"^<>c__DisplayClass\d+_(\d+)(`\d+)?$");
        private static readonly Regex StateMachine = new Regex(@"^<(.+)>d__\d+(`\d+)?$");
        private static readonly Regex Lambda = new Regex(@"^<(.+)>b__(?:\d+_)?(\d+)$");
        private static readonly Regex LocalFunction = new Regex(@"^<(.+)>g__(.+)\|\d+(?:_\d+)?$");

        private readonly CreationIndex _index;

        public TypeKeys(CreationIndex index) => _index = index;

        public string KeyOf(TypeDefinition type)
        {
            var closure = DisplayClass.Match(type.Name);
            if (closure.Success && _index.CreatorOfClosure(type) is MethodDefinition creator)
                return OwnerKey(creator) + "#closure" + closure.Groups[1].Value;
            var stateMachine = StateMachine.Match(type.Name);
            if (stateMachine.Success && _index.CreatorOfClosure(type) is MethodDefinition kickoff)
                return MethodKey(kickoff) + "#statemachine";
            return NameKey(type);
        }

        /// <summary>The key of a method: <c>Type::Name(ParamType,...)</c>, or its owner's key plus its ordinal for lambdas and local functions.</summary>
        public string MethodKey(MethodDefinition method)
        {
            var lambda = Lambda.Match(method.Name);
            if (lambda.Success) return OwnerKey(method) + "#lambda" + lambda.Groups[2].Value;
            var local = LocalFunction.Match(method.Name);
            if (local.Success) return OwnerKey(method) + "#local:" + local.Groups[2].Value;
            return KeyOf(method.DeclaringType) + "::" + method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.ParameterType.FullName)) + ")";
        }

        /// <summary>The user-level method a generated method or closure belongs to, found through who creates it.</summary>
        private string OwnerKey(MethodDefinition generated)
        {
            var current = generated;
            for (int depth = 0; depth < 32 && IsGenerated(current); depth++)
            {
                var creator = _index.CreatorOfDelegate(current) ?? _index.CreatorOfClosure(current.DeclaringType);
                if (creator == null || creator == current) break;
                current = creator;
            }
            // No user-level creator found: the compiler's own name is the best key left.
            return IsGenerated(current) ? NameKey(current.DeclaringType) + "::" + current.Name : MethodKey(current);
        }

        private static bool IsGenerated(MethodDefinition method) =>
            Lambda.IsMatch(method.Name) || LocalFunction.IsMatch(method.Name) || method.DeclaringType.IsCompilerGenerated() && method.Name != ".ctor";

        public static string NameKey(TypeDefinition type) =>
            type.DeclaringType != null ? NameKey(type.DeclaringType) + "+" + type.Name
            : string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;
    }
}
