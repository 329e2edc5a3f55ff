using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Reflection;
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
        private readonly List<GenericDelegate> _genericDelegates = new List<GenericDelegate>();
        private readonly Dictionary<string, string> _refusedDelegates = new Dictionary<string, string>(StringComparer.Ordinal);
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

        /// <summary>
        /// Registers a method of generic code (a generic method, a method of a generic type, a lambda or local function in either) that the module turns into
        /// delegates of <paramref name="delegateDefinition"/> (a generic definition, or a plain delegate
        /// type): the method named <paramref name="name"/> with <paramref name="signature"/> (`arity(parameters),
        /// generic parameters spelled !N and !!N) declared by <paramref name="owner"/>.
        /// </summary>
        public void AddGenericDelegate(Type owner, string name, string signature, Type delegateDefinition, string key)
        {
            const BindingFlags all = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
            foreach (var method in owner.GetMethods(all))
            {
                if (method.Name != name || TypeNames.SignatureOf(method) != signature) continue;
                _genericDelegates.Add(new GenericDelegate(method, delegateDefinition, key));
                return;
            }
        }

        /// <summary>
        /// Records why the module's delegates to <paramref name="method"/> (declaring type's full name,
        /// <c>::</c>, name) cannot be saved, so a save that meets one says so instead of a generic refusal.
        /// </summary>
        public void AddRefusedDelegate(string method, string reason) => _refusedDelegates[method] = reason;

        /// <summary>
        /// Gives the generic type registered last the names of its static fields (entries separated by
        /// '\0'); each closed instantiation registers its own capture and restore when it is initialised
        /// (<see cref="GenericStatics.Register"/>).
        /// </summary>
        public void AddGenericStatics(string staticNames) => Last(nameof(AddGenericStatics)).SetStaticNames(ParseFields(staticNames));

        /// <summary>Makes the module's types and delegate targets known to every later save and load.</summary>
        public void Complete()
        {
            TypeRegistry.Add(_types);
            DelegateRegistry.Add(_delegates, _genericDelegates, _refusedDelegates);
        }

        private WovenType Last(string caller) => _last ?? throw new InvalidOperationException(caller + " must follow AddType.");

        private static FieldName[] ParseFields(string names) =>
            names.Length == 0 ? Array.Empty<FieldName>() : Array.ConvertAll(names.Split('\0'), FieldName.Parse);
    }
}
