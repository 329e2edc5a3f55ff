using System;
using System.Collections.Generic;

namespace VarSave.Registry
{
    /// <summary>
    /// Every type the woven modules of this process registered. Loading creates only these
    /// (and the fixed BCL list in <see cref="Codecs.BuiltinTypes"/>): nothing in a snapshot can
    /// make the runtime build a type no woven module vouched for.
    /// </summary>
    internal static class TypeRegistry
    {
        private static readonly object Gate = new object();
        private static Dictionary<string, WovenType> _byKey = new Dictionary<string, WovenType>(StringComparer.Ordinal);
        private static Dictionary<Type, WovenType> _byType = new Dictionary<Type, WovenType>();
        private static List<WovenType> _withStatics = new List<WovenType>();
        private static List<WovenType> _withStaticHooks = new List<WovenType>();

        /// <summary>Publishes a module's types at once (copy-on-write, so readers never lock).</summary>
        public static void Add(IReadOnlyList<WovenType> types)
        {
            lock (Gate)
            {
                var byKey = new Dictionary<string, WovenType>(_byKey, StringComparer.Ordinal);
                var byType = new Dictionary<Type, WovenType>(_byType);
                var withStatics = new List<WovenType>(_withStatics);
                var withStaticHooks = new List<WovenType>(_withStaticHooks);
                foreach (var type in types)
                {
                    // A later module defining the same key wins loads; both keep their statics saved.
                    byKey[type.Key] = type;
                    foreach (var previous in type.PreviousKeys)
                        if (!byKey.ContainsKey(previous)) byKey[previous] = type;
                    byType[type.Type] = type;
                    if (type.CaptureStatics != null) withStatics.Add(type);
                    if (type.StaticHooks != null) withStaticHooks.Add(type);
                    AnyInstanceHooks |= type.InstanceHooks != null;
                }
                _byKey = byKey;
                _byType = byType;
                _withStatics = withStatics;
                _withStaticHooks = withStaticHooks;
            }
        }

        private static Dictionary<Type, WovenType> _closedStatics = new Dictionary<Type, WovenType>();

        /// <summary>
        /// Adds the statics of one closed instantiation of a generic type (run from its static
        /// constructor): saves from now on include them, and a load can assign them.
        /// </summary>
        public static void AddClosedStatics(WovenType holder)
        {
            lock (Gate)
            {
                if (_closedStatics.ContainsKey(holder.Type)) return;
                _closedStatics = new Dictionary<Type, WovenType>(_closedStatics) { [holder.Type] = holder };
                _withStatics = new List<WovenType>(_withStatics) { holder };
            }
        }

        /// <summary>The statics holder of a closed generic type, once its static constructor has registered it.</summary>
        public static WovenType? FindClosedStatics(Type closed) => _closedStatics.TryGetValue(closed, out var holder) ? holder : null;

        public static WovenType? FindByKey(string key) => _byKey.TryGetValue(key, out var type) ? type : null;

        /// <summary>The registration of a run-time type, looking through a closed generic to its definition.</summary>
        public static WovenType? FindByType(Type type)
        {
            var byType = _byType;
            if (byType.TryGetValue(type, out var woven)) return woven;
            return type.IsGenericType && !type.IsGenericTypeDefinition && byType.TryGetValue(type.GetGenericTypeDefinition(), out woven)
                ? woven
                : null;
        }

        public static IReadOnlyList<WovenType> TypesWithStatics => _withStatics;

        public static IReadOnlyList<WovenType> TypesWithStaticHooks => _withStaticHooks;

        /// <summary>Whether any registered type has instance [AfterLoad] hooks: if none, a load skips the pass over its objects.</summary>
        public static bool AnyInstanceHooks { get; private set; }
    }
}
