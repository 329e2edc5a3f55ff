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

        /// <summary>
        /// Registers a type. <paramref name="key"/> and each entry of <paramref name="fieldNames"/>
        /// (separated by '\0') may carry previous names after '\u0001'.
        /// </summary>
        public void AddType(Type type, string key, string fieldNames, Func<object>? factory, Func<object>? initializedFactory)
        {
            var name = FieldName.Parse(key);
            _last = new WovenType(type, name.Name, name.Previous, ParseFields(fieldNames), factory, initializedFactory);
            _types.Add(_last);
        }

        /// <summary>Gives the type registered last its static fields, entries separated by '\0'.</summary>
        public void AddStatics(string staticNames, Action<StateWriter> capture, Action<StateReader> restore) =>
            Last(nameof(AddStatics)).SetStatics(ParseFields(staticNames), capture, restore);

        /// <summary>Gives the type registered last its [AfterLoad] hooks: per instance, and after the statics.</summary>
        public void AddAfterLoad(Action<object>? instanceHooks, Action? staticHooks) =>
            Last(nameof(AddAfterLoad)).SetHooks(instanceHooks, staticHooks);

        /// <summary>Registers a method the module turns into delegates of <paramref name="delegateType"/>, with its woven rebinding factory.</summary>
        public void AddDelegate(System.Reflection.MethodBase method, Type delegateType, string key, Func<object?, object> factory) =>
            _delegates.Add(new DelegateTarget(method, delegateType, key, factory));

        /// <summary>Makes the module's types and delegate targets known to every later save and load.</summary>
        public void Complete()
        {
            TypeRegistry.Add(_types);
            DelegateRegistry.Add(_delegates);
        }

        private WovenType Last(string caller) => _last ?? throw new InvalidOperationException(caller + " must follow AddType.");

        private static FieldName[] ParseFields(string names) =>
            names.Length == 0 ? Array.Empty<FieldName>() : Array.ConvertAll(names.Split('\0'), FieldName.Parse);
    }
}
