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

        /// <summary>Builds the delegate from its target (null for static methods) with ldftn and newobj, no reflection.</summary>
        public Func<object?, object> Factory { get; }

        public string Describe => $"{Method.DeclaringType?.FullName}.{Method.Name} ({Key})";
    }
}
