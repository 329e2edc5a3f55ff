using System;
using VarSave.Runtime;

namespace VarSave.Registry
{
    /// <summary>What a woven module told the runtime about one of its types.</summary>
    internal sealed class WovenType
    {
        public WovenType(Type type, string key, string[] fieldNames, Func<object>? factory)
        {
            Type = type;
            Key = key;
            FieldNames = fieldNames;
            Factory = factory;
        }

        /// <summary>The type itself; the open definition for a generic type.</summary>
        public Type Type { get; }

        /// <summary>The stable name snapshots use for the type: namespace and name, never the assembly.</summary>
        public string Key { get; }

        /// <summary>Instance fields in capture order, base type's first.</summary>
        public string[] FieldNames { get; }

        /// <summary>Creates an instance without running a constructor; null for generic types, which are allocated by their closed type.</summary>
        public Func<object>? Factory { get; }

        public string[] StaticNames { get; private set; } = Array.Empty<string>();
        public Action<StateWriter>? CaptureStatics { get; private set; }
        public Action<StateReader>? RestoreStatics { get; private set; }

        public void SetStatics(string[] names, Action<StateWriter> capture, Action<StateReader> restore)
        {
            StaticNames = names;
            CaptureStatics = capture;
            RestoreStatics = restore;
        }
    }
}
