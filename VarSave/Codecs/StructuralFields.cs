using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;

namespace VarSave.Codecs
{
    /// <summary>The instance fields of a BCL tuple or KeyValuePair, in declaration order (cached per type).</summary>
    internal static class StructuralFields
    {
        private static readonly ConcurrentDictionary<Type, FieldInfo[]> Cache = new ConcurrentDictionary<Type, FieldInfo[]>();

        public static FieldInfo[] Of(Type type) => Cache.GetOrAdd(type, t =>
            t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
             .OrderBy(f => f.MetadataToken)
             .ToArray());
    }
}
