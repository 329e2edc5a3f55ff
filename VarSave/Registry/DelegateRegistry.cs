using System;
using System.Collections.Generic;
using System.Reflection;

namespace VarSave.Registry
{
    /// <summary>
    /// Every method woven modules turn into delegates. Saving finds a delegate's method here;
    /// loading rebinds only through these factories, so a snapshot can never make the runtime
    /// bind a delegate to a method (say Process.Start) that woven code did not create one for.
    /// </summary>
    internal static class DelegateRegistry
    {
        private static readonly object Gate = new object();
        private static Dictionary<(Module, int, Type), DelegateTarget> _byMethod = new Dictionary<(Module, int, Type), DelegateTarget>();
        private static Dictionary<(string, Type), DelegateTarget> _byKey = new Dictionary<(string, Type), DelegateTarget>();

        public static void Add(IReadOnlyList<DelegateTarget> targets)
        {
            if (targets.Count == 0) return;
            lock (Gate)
            {
                var byMethod = new Dictionary<(Module, int, Type), DelegateTarget>(_byMethod);
                var byKey = new Dictionary<(string, Type), DelegateTarget>(_byKey);
                foreach (var target in targets)
                {
                    byMethod[(target.Method.Module, target.Method.MetadataToken, target.DelegateType)] = target;
                    byKey[(target.Key, target.DelegateType)] = target;
                }
                _byMethod = byMethod;
                _byKey = byKey;
            }
        }

        /// <summary>The registration for a delegate's method; a virtual method bound late is found through its base definition.</summary>
        public static DelegateTarget? Find(MethodInfo method, Type delegateType)
        {
            var byMethod = _byMethod;
            if (byMethod.TryGetValue((method.Module, method.MetadataToken, delegateType), out var target)) return target;
            var root = method.GetBaseDefinition();
            return root != method && byMethod.TryGetValue((root.Module, root.MetadataToken, delegateType), out target) ? target : null;
        }

        public static DelegateTarget? FindByKey(string key, Type delegateType) =>
            _byKey.TryGetValue((key, delegateType), out var target) ? target : null;
    }
}
