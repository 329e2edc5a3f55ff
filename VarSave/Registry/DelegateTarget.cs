using System;
using System.Reflection;

namespace VarSave.Registry
{
    /// <summary>A method a woven module turns into delegates of one type, with the woven factory that rebinds it.</summary>
    internal sealed class DelegateTarget
    {
        public DelegateTarget(MethodBase method, Type delegateType, string key, Func<object?, object> factory)
        {
            Method = method;
            DelegateType = delegateType;
            Key = key;
            Factory = factory;
        }

        public MethodBase Method { get; }
        public Type DelegateType { get; }

        /// <summary>Stable across unrelated edits: owner type, method name and parameters, plus the lambda ordinal within its method.</summary>
        public string Key { get; }

        /// <summary>Builds the delegate from its target (null for open static methods) with ldftn and newobj, no reflection.</summary>
        public Func<object?, object> Factory { get; }

        /// <summary>For one instantiation of a generic registration: the registration, else null.</summary>
        public GenericDelegate? Generic { get; internal set; }

        /// <summary>For <see cref="Generic"/>: the type arguments of the method's declaring type, then of the method.</summary>
        public Type[] TypeArguments { get; internal set; } = Type.EmptyTypes;
        public Type[] MethodArguments { get; internal set; } = Type.EmptyTypes;

        public string Describe => $"{TypeNames.Describe((MethodInfo)Method)} ({Key})";

        /// <summary>
        /// Whether a saved target fits: an instance of the declaring type (a boxed one for a struct),
        /// nothing for an open static method, or an instance of the first parameter's type for a
        /// static method closed over its first argument (an extension-method group).
        /// </summary>
        public bool Accepts(object? target)
        {
            if (!Method.IsStatic) return Method.DeclaringType?.IsInstanceOfType(target) ?? false;
            // Looked up once per registration: the type of the bound first argument, or null for an open static method.
            var bound = _bound ??= new Type?[] { BoundArgumentType() };
            if (bound[0] == null) return target == null;
            return target == null ? !bound[0]!.IsValueType : bound[0]!.IsInstanceOfType(target);
        }

        private Type?[]? _bound;

        private Type? BoundArgumentType()
        {
            var parameters = Method.GetParameters();
            bool closed = parameters.Length == DelegateType.GetMethod("Invoke")!.GetParameters().Length + 1;
            return closed ? parameters[0].ParameterType : null;
        }
    }
}
