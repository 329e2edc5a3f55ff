using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;

namespace VarSave.Registry
{
    /// <summary>
    /// Every method woven modules turn into delegates. Saving finds a delegate's method here;
    /// loading rebinds only through these registrations, so a snapshot can never make the runtime
    /// bind a delegate to a method (say Process.Start) that woven code did not create one for.
    /// </summary>
    internal static class DelegateRegistry
    {
        private static readonly object Gate = new object();
        private static Dictionary<(Module, int, Type), DelegateTarget> _byMethod = new Dictionary<(Module, int, Type), DelegateTarget>();
        private static Dictionary<(string, Type), DelegateTarget> _byKey = new Dictionary<(string, Type), DelegateTarget>();
        private static Dictionary<Type, DelegateTarget> _byDelegateType = new Dictionary<Type, DelegateTarget>();
        private static Dictionary<(Module, int), List<GenericDelegate>> _genericByMethod = new Dictionary<(Module, int), List<GenericDelegate>>();
        private static Dictionary<(string, Type), GenericDelegate> _genericByKey = new Dictionary<(string, Type), GenericDelegate>();
        private static Dictionary<string, string> _refusals = new Dictionary<string, string>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<(MethodInfo, Type), DelegateTarget> Instantiations = new ConcurrentDictionary<(MethodInfo, Type), DelegateTarget>();

        public static void Add(IReadOnlyList<DelegateTarget> targets, IReadOnlyList<GenericDelegate> generic, IReadOnlyDictionary<string, string> refusals)
        {
            if (targets.Count == 0 && generic.Count == 0 && refusals.Count == 0) return;
            lock (Gate)
            {
                var byMethod = new Dictionary<(Module, int, Type), DelegateTarget>(_byMethod);
                var byKey = new Dictionary<(string, Type), DelegateTarget>(_byKey);
                var byDelegateType = new Dictionary<Type, DelegateTarget>(_byDelegateType);
                foreach (var target in targets)
                {
                    byMethod[(target.Method.Module, target.Method.MetadataToken, target.DelegateType)] = target;
                    byKey[(target.Key, target.DelegateType)] = target;
                    if (!byDelegateType.ContainsKey(target.DelegateType)) byDelegateType[target.DelegateType] = target;
                }
                var genericByMethod = new Dictionary<(Module, int), List<GenericDelegate>>(_genericByMethod);
                var genericByKey = new Dictionary<(string, Type), GenericDelegate>(_genericByKey);
                foreach (var registration in generic)
                {
                    var method = (registration.Open.Module, registration.Open.MetadataToken);
                    genericByMethod[method] = new List<GenericDelegate>(genericByMethod.TryGetValue(method, out var known) ? known : new List<GenericDelegate>()) { registration };
                    genericByKey[(registration.Key, registration.DelegateDefinition)] = registration;
                }
                var allRefusals = new Dictionary<string, string>(_refusals, StringComparer.Ordinal);
                foreach (var refusal in refusals) allRefusals[refusal.Key] = refusal.Value;
                (_byMethod, _byKey, _byDelegateType, _genericByMethod, _genericByKey, _refusals) = (byMethod, byKey, byDelegateType, genericByMethod, genericByKey, allRefusals);
                _delegateTypesByName = null;
            }
        }

        /// <summary>The registration for a delegate's method; a virtual method bound late is found through its base definition.</summary>
        public static DelegateTarget? Find(MethodInfo method, Type delegateType)
        {
            var byMethod = _byMethod;
            if (byMethod.TryGetValue((method.Module, method.MetadataToken, delegateType), out var target)) return target;
            var root = method.GetBaseDefinition();
            if (root != method && byMethod.TryGetValue((root.Module, root.MetadataToken, delegateType), out target)) return target;
            return FindInstantiation(method, delegateType);
        }

        /// <summary>One instantiation of generic code: the open registration closed with the run-time method's type arguments.</summary>
        private static DelegateTarget? FindInstantiation(MethodInfo method, Type delegateType)
        {
            if (!_genericByMethod.TryGetValue((method.Module, method.MetadataToken), out var registrations)) return null;
            foreach (var registration in registrations)
                if (registration.Makes(delegateType))
                    return Instantiations.GetOrAdd((method, delegateType), key => registration.For(key.Item1, key.Item2));
            return null;
        }

        public static DelegateTarget? FindByKey(string key, Type delegateType) =>
            _byKey.TryGetValue((key, delegateType), out var target) ? target : null;

        public static GenericDelegate? FindGenericByKey(string key, Type delegateType) =>
            _genericByKey.TryGetValue((key, GenericDelegate.DefinitionOf(delegateType)), out var registration) ? registration : null;

        /// <summary>A registration woven code made with exactly this delegate type: it vouches for the type, whatever its signature names.</summary>
        public static DelegateTarget? AnyOfDelegateType(Type delegateType) =>
            _byDelegateType.TryGetValue(delegateType, out var target) ? target : null;

        /// <summary>The delegate type registered under <paramref name="key"/> whose name is <paramref name="typeName"/>, if any.</summary>
        public static Type? FindDelegateType(string key, string typeName)
        {
            var byName = _delegateTypesByName;
            if (byName == null)
            {
                // Built on first use, so a module's initializer does not pay for naming every delegate type.
                byName = new Dictionary<(string, string), Type>();
                foreach (var pair in _byKey) byName[(pair.Key.Item1, TypeNames.Of(pair.Key.Item2))] = pair.Key.Item2;
                _delegateTypesByName = byName;
            }
            return byName.TryGetValue((key, typeName), out var type) ? type : null;
        }

        private static Dictionary<(string, string), Type>? _delegateTypesByName;

        /// <summary>Why the weaver could not register a method it saw made into a delegate (with the fix), keyed by declaring type and name.</summary>
        public static string? RefusalOf(MethodInfo method)
        {
            var owner = method.DeclaringType;
            if (owner == null) return null;
            if (owner.IsGenericType) owner = owner.GetGenericTypeDefinition();
            return _refusals.TryGetValue(owner.FullName + "::" + method.Name, out var reason) ? reason : null;
        }
    }
}
