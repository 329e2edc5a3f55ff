using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using VarSave.Registry;

namespace VarSave.Graph
{
    /// <summary>
    /// Runs [AfterLoad] hooks: per restored object in the order objects were first reached when
    /// saved, base types' hooks before derived ones'; then every registered static hook. A hook
    /// that throws is reported by its own name.
    /// </summary>
    internal static class AfterLoadHooks
    {
        private static readonly ConcurrentDictionary<Type, Action<object>[]> Chains = new ConcurrentDictionary<Type, Action<object>[]>();

        public static void RunInstanceHooks(IEnumerable<object> restored)
        {
            if (!TypeRegistry.AnyInstanceHooks) return;
            Type? lastType = null;
            Action<object>[] chain = Array.Empty<Action<object>>();
            foreach (var instance in restored)
            {
                var type = instance.GetType();
                if (type != lastType) (lastType, chain) = (type, ChainOf(type));
                foreach (var hook in chain) Run(hook, instance);
            }
        }

        public static void RunStaticHooks()
        {
            foreach (var holder in TypeRegistry.TypesWithStaticHooks)
                Run(static state => ((Action)state!)(), holder.StaticHooks!);
        }

        private static Action<object>[] ChainOf(Type type) => Chains.GetOrAdd(type, t =>
        {
            var chain = new List<Action<object>>();
            for (var current = t; current != null; current = current.BaseType)
                if (TypeRegistry.FindByType(current)?.InstanceHooks is Action<object> hooks) chain.Insert(0, hooks);
            return chain.ToArray();
        });

        /// <summary>Runs one hook on one object (no closure per object: this runs for every restored instance).</summary>
        private static void Run(Action<object> hook, object instance)
        {
            try
            {
                hook(instance);
            }
            catch (Exception e)
            {
                var method = new StackTrace(e).GetFrames()?.Select(f => f.GetMethod())
                    .FirstOrDefault(m => m != null && m.IsDefined(typeof(AfterLoadAttribute), false));
                string name = method == null ? "an [AfterLoad] hook" : $"the [AfterLoad] hook {method.DeclaringType?.FullName}.{method.Name}";
                throw new VarSaveException($"The load failed because {name} threw {e.GetType().Name}: {e.Message} The program's statics are as they were before the load.", e);
            }
        }
    }
}
