using System;
using System.Linq;
using System.Reflection;
using System.Text;

namespace VarSave.Registry
{
    /// <summary>
    /// Names of types and method signatures that the weaver (from Cecil) and the runtime (from
    /// reflection) spell alike: namespace and nested names, generic arguments in angle brackets,
    /// generic parameters by position (<c>!0</c> of the type, <c>!!0</c> of the method), never an assembly.
    /// They are only ever compared with names of registered methods and types, never resolved.
    /// </summary>
    internal static class TypeNames
    {
        public static string Of(Type type)
        {
            var text = new StringBuilder();
            Append(text, type);
            return text.ToString();
        }

        /// <summary><c>`arity(param,param)</c>: tells overloads of one method name apart.</summary>
        public static string SignatureOf(MethodInfo method)
        {
            var text = new StringBuilder();
            text.Append('`').Append(method.IsGenericMethod ? method.GetGenericArguments().Length : 0).Append('(');
            var parameters = method.GetParameters();
            for (int i = 0; i < parameters.Length; i++)
            {
                if (i > 0) text.Append(',');
                Append(text, parameters[i].ParameterType);
            }
            return text.Append(')').ToString();
        }

        private static void Append(StringBuilder text, Type type)
        {
            if (type.IsGenericParameter)
            {
                text.Append(type.DeclaringMethod != null ? "!!" : "!").Append(type.GenericParameterPosition);
                return;
            }
            if (type.IsByRef) { Append(text, type.GetElementType()!); text.Append('&'); return; }
            if (type.IsPointer) { Append(text, type.GetElementType()!); text.Append('*'); return; }
            if (type.IsArray)
            {
                Append(text, type.GetElementType()!);
                text.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
                return;
            }
            var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            text.Append(definition.FullName ?? definition.Name);
            if (!type.IsGenericType || type.IsGenericTypeDefinition) return;
            text.Append('<');
            var arguments = type.GetGenericArguments();
            for (int i = 0; i < arguments.Length; i++)
            {
                if (i > 0) text.Append(',');
                Append(text, arguments[i]);
            }
            text.Append('>');
        }

        /// <summary>A method as a user wrote it: <c>a lambda in Game.Setup</c> rather than the compiler's <c>&lt;Setup&gt;b__0_0</c>.</summary>
        public static string Describe(MethodInfo method)
        {
            var owner = method.DeclaringType;
            while (owner != null && owner.Name.StartsWith("<", StringComparison.Ordinal) && owner.DeclaringType != null) owner = owner.DeclaringType;
            string ownerName = owner == null ? "" : Of(owner.IsGenericType ? owner.GetGenericTypeDefinition() : owner);
            string name = method.Name;
            int close = name.IndexOf('>');
            if (name.StartsWith("<", StringComparison.Ordinal) && close > 1 && close + 2 < name.Length)
            {
                string user = name.Substring(1, close - 1);
                if (name[close + 1] == 'b') return $"a lambda in {ownerName}.{user}";
                if (name[close + 1] == 'g')
                {
                    string local = name.Substring(close + 4).Split('|').First();
                    return $"the local function {local} in {ownerName}.{user}";
                }
            }
            return ownerName + "." + name;
        }
    }
}
