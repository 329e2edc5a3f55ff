using System;
using VarSave.Runtime;

namespace VarSave.Registry
{
    /// <summary>What a woven module told the runtime about one of its types.</summary>
    internal sealed class WovenType
    {
        public WovenType(Type type, string key, string[] previousKeys, FieldName[] fields, Func<object>? factory, Func<object>? initializedFactory)
        {
            Type = type;
            Key = key;
            PreviousKeys = previousKeys;
            Fields = fields;
            FieldNames = Array.ConvertAll(fields, f => f.Name);
            Factory = factory;
            InitializedFactory = initializedFactory;
        }

        /// <summary>Keys from [PreviousName]: snapshots saved under them load into this type.</summary>
        public string[] PreviousKeys { get; }

        /// <summary>The schema with each field's previous names.</summary>
        public FieldName[] Fields { get; }

        /// <summary>Like <see cref="Factory"/>, but runs the field initializers: used when a snapshot lacks some field.</summary>
        public Func<object>? InitializedFactory { get; }

        /// <summary>The type's own instance [AfterLoad] hooks (base types' are registered on them).</summary>
        public Action<object>? InstanceHooks { get; private set; }

        /// <summary>The type's static [AfterLoad] hooks.</summary>
        public Action? StaticHooks { get; private set; }

        public FieldName[] Statics { get; private set; } = Array.Empty<FieldName>();

        public void SetHooks(Action<object>? instanceHooks, Action? staticHooks)
        {
            InstanceHooks = instanceHooks;
            StaticHooks = staticHooks;
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

        public void SetStatics(FieldName[] statics, Action<StateWriter> capture, Action<StateReader> restore)
        {
            SetStaticNames(statics);
            CaptureStatics = capture;
            RestoreStatics = restore;
        }

        /// <summary>A generic type's statics: named once, captured and restored per closed instantiation.</summary>
        public void SetStaticNames(FieldName[] statics)
        {
            Statics = statics;
            StaticNames = Array.ConvertAll(statics, f => f.Name);
        }

        /// <summary>The statics holder of one closed instantiation of this generic type definition.</summary>
        public WovenType Instantiate(Type closed, Action<StateWriter> capture, Action<StateReader> restore)
        {
            var instance = new WovenType(closed, Key, PreviousKeys, Fields, Factory, InitializedFactory);
            instance.SetStatics(Statics, capture, restore);
            return instance;
        }
    }
}
