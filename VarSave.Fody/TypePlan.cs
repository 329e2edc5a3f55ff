using System.Collections.Generic;
using Mono.Cecil;

namespace VarSave.Fody
{
    /// <summary>What the weaver will emit for one type, decided before any IL is written.</summary>
    internal sealed class TypePlan
    {
        public TypePlan(TypeDefinition type, string key)
        {
            Type = type;
            Key = key;
        }

        public TypeDefinition Type { get; }

        /// <summary>The stable name snapshots use: namespace and nested names, never the assembly.</summary>
        public string Key { get; }

        /// <summary>Gets capture and restore methods and implements IStateful (false for interfaces, enums and static classes).</summary>
        public bool HasInstanceState { get; set; }

        /// <summary>Gets a constructor-free factory (concrete, non-generic types).</summary>
        public bool HasFactory { get; set; }

        /// <summary>
        /// Gets a constructor that runs nothing but its base's of the same kind (so the base is
        /// object or a woven class of this module with one too). The factory calls it with newobj,
        /// which allocates faster than reflection; no user constructor or initializer runs.
        /// </summary>
        public bool HasBareConstructor { get; set; }

        /// <summary>The base type whose woven capture and restore come first, if it is woven.</summary>
        public TypeReference? WovenBase { get; set; }

        /// <summary>How many saved fields the woven base types contribute, first in the schema (which then names each of <see cref="Fields"/>).</summary>
        public int BaseFieldCount => FieldNames.Count - Fields.Count;

        /// <summary>This type's own saved instance fields, in schema order.</summary>
        public List<FieldDefinition> Fields { get; } = new List<FieldDefinition>();

        /// <summary>The whole schema, base fields first; a name repeated down the hierarchy is qualified with its declaring type.</summary>
        public List<string> FieldNames { get; } = new List<string>();

        /// <summary>A factory that also runs the field initializers, when the type has any.</summary>
        public MethodDefinition? InitializedFactory { get; set; }

        /// <summary>Runs the type's own instance [AfterLoad] hooks on one object.</summary>
        public MethodDefinition? InstanceHooks { get; set; }

        /// <summary>Runs the type's static [AfterLoad] hooks.</summary>
        public MethodDefinition? StaticHooks { get; set; }

        /// <summary>Saved static fields (for a generic type, those of each closed instantiation the program initialises).</summary>
        public List<FieldDefinition> Statics { get; } = new List<FieldDefinition>();
    }
}
