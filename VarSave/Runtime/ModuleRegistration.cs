using System;
using System.Collections.Generic;
using System.ComponentModel;
using VarSave.Registry;

namespace VarSave.Runtime
{
    /// <summary>
    /// Filled by a woven module's initializer and published with <see cref="Complete"/>.
    /// Not for hand-written code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ModuleRegistration
    {
        private readonly List<WovenType> _types = new List<WovenType>();
        private readonly List<DelegateTarget> _delegates = new List<DelegateTarget>();
        private WovenType? _last;

        /// <summary>Registers a type. <paramref name="fieldNames"/> holds the schema, names separated by '\0'.</summary>
        public void AddType(Type type, string key, string fieldNames, Func<object>? factory)
        {
            _last = new WovenType(type, key, SplitNames(fieldNames), factory);
            _types.Add(_last);
        }

        /// <summary>Gives the type registered last its static fields, names separated by '\0'.</summary>
        public void AddStatics(string staticNames, Action<StateWriter> capture, Action<StateReader> restore)
        {
            if (_last == null) throw new InvalidOperationException("AddStatics must follow AddType.");
            _last.SetStatics(SplitNames(staticNames), capture, restore);
        }

        /// <summary>Registers a method the module turns into delegates of <paramref name="delegateType"/>, with its woven rebinding factory.</summary>
        public void AddDelegate(System.Reflection.MethodBase method, Type delegateType, string key, Func<object?, object> factory) =>
            _delegates.Add(new DelegateTarget(method, delegateType, key, factory));

        /// <summary>Makes the module's types and delegate targets known to every later save and load.</summary>
        public void Complete()
        {
            TypeRegistry.Add(_types);
            DelegateRegistry.Add(_delegates);
        }

        private static string[] SplitNames(string names) =>
            names.Length == 0 ? Array.Empty<string>() : names.Split('\0');
    }
}
