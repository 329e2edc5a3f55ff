using System.Collections.Generic;
using System.Linq;
using Fody;
using Mono.Cecil;

namespace VarSave.Fody
{
    /// <summary>
    /// Finds every type of the module that takes part in saving and decides, per type, its key,
    /// its schema (saved instance fields, base type's first) and its saved statics. Warns, with
    /// file and line, about user fields whose declared type can never be saved.
    /// </summary>
    internal sealed class TypePlanner
    {
        private readonly ModuleWeaver _weaver;
        private readonly Saveability _saveability;
        private readonly TypeKeys _keys;
        private readonly WeaverConfig _config;
        private readonly Dictionary<TypeDefinition, List<string>> _schemas = new Dictionary<TypeDefinition, List<string>>();

        public TypePlanner(ModuleWeaver weaver, Saveability saveability, TypeKeys keys, WeaverConfig config)
        {
            _config = config;
            _weaver = weaver;
            _saveability = saveability;
            _keys = keys;
        }

        public List<TypePlan> PlanModule() =>
            _weaver.ModuleDefinition.GetTypes().Where(IsRegistered).Select(Plan).ToList();

        private bool IsRegistered(TypeDefinition type)
        {
            if (type.Name == "<Module>" || type.Name.StartsWith("<PrivateImplementationDetails>")) return false;
            if (type.HasAttribute(ModuleWeaver.TransientAttributeName) || !_config.Includes(type)) return false;
            if (type.HasAttribute("System.Runtime.CompilerServices.IsByRefLikeAttribute")) return false;
            if (type.Interfaces.Any(i => i.InterfaceType.FullName == "VarSave.Runtime.IStateful"))
                throw new WeavingException($"{type.FullName} is already woven. Is VarSave listed twice in FodyWeavers.xml?");
            return !InheritsFrom(type, "System.Attribute");
        }

        private TypePlan Plan(TypeDefinition type)
        {
            var plan = new TypePlan(type, _keys.KeyOf(type));
            bool isStaticClass = type.IsAbstract && type.IsSealed;
            // Interfaces, enums and delegate types are registered by name only, so values and generic arguments can name them.
            if (!type.IsInterface && !type.IsEnum && !isStaticClass && !Saveability.IsDelegate(type))
            {
                plan.HasInstanceState = true;
                plan.HasFactory = !type.IsAbstract && !type.HasGenericParameters;
                plan.HasBareConstructor = CanConstructBare(type);
                PlanInstanceFields(plan);
            }
            if (!type.IsEnum && !Saveability.IsDelegate(type))
                plan.Statics.AddRange(type.Fields.Where(f => f.IsStatic && IsSavedStatic(f)));
            return plan;
        }

        private void PlanInstanceFields(TypePlan plan)
        {
            var type = plan.Type;
            var baseDefinition = type.IsValueType ? null : Saveability.SafeResolve(type.BaseType);
            if (baseDefinition != null && IsWovenClass(baseDefinition)) plan.WovenBase = type.BaseType;
            else if (baseDefinition != null && baseDefinition.FullName != "System.Object" && !UnwovenBases.IsSupported(baseDefinition))
                WarnAboutStatefulBase(type, baseDefinition);
            plan.Fields.AddRange(type.Fields.Where(f => !f.IsStatic && IsSavedInstanceField(f)));
            plan.FieldNames.AddRange(SchemaOf(type));
        }

        /// <summary>The flattened schema of a woven class or struct, in this module or another woven one.</summary>
        private List<string> SchemaOf(TypeDefinition type)
        {
            if (_schemas.TryGetValue(type, out var known)) return known;
            var names = new List<string>();
            var baseDefinition = type.IsValueType ? null : Saveability.SafeResolve(type.BaseType);
            if (baseDefinition != null && IsWovenClass(baseDefinition)) names.AddRange(SchemaOf(baseDefinition));
            foreach (var field in type.Fields.Where(f => !f.IsStatic && IsSavedInstanceField(f, warn: false)))
            {
                bool repeated = names.Any(n => n.Split(PreviousNames.Separator)[0] == field.Name);
                names.Add(repeated ? type.Name + "." + field.Name : PreviousNames.WithAliases(field));
            }
            _schemas[type] = names;
            return names;
        }

        /// <summary>A class whose bases up to object are all woven classes of this module: each gets a bare constructor.</summary>
        private bool CanConstructBare(TypeDefinition type)
        {
            if (type.IsValueType) return false;
            var baseDefinition = Saveability.SafeResolve(type.BaseType);
            if (baseDefinition == null) return false;
            if (baseDefinition.FullName == "System.Object") return true;
            return baseDefinition.Module == _weaver.ModuleDefinition && IsWovenClass(baseDefinition) && CanConstructBare(baseDefinition);
        }

        private bool IsWovenClass(TypeDefinition type)
        {
            if (type.FullName == "System.Object" || type.IsInterface) return false;
            if (type.Module == _weaver.ModuleDefinition) return IsRegistered(type) && !(type.IsAbstract && type.IsSealed);
            // Only the root of a woven hierarchy declares IStateful; every woven class declares its own capture.
            return type.Methods.Any(m => m.Name == StateMethodEmitter.CaptureName);
        }

        /// <summary>A non-woven base with fields (read from its implementation) makes every save that reaches the class fail.</summary>
        private void WarnAboutStatefulBase(TypeDefinition type, TypeDefinition baseDefinition)
        {
            var fields = UnwovenBases.InstanceFields(baseDefinition);
            if (fields != null && fields.Count == 0) return;
            string which = fields == null ? "whose implementation could not be read to check for fields" : $"which holds fields ({string.Join(", ", fields.Take(5))}{(fields.Count > 5 ? ", ..." : "")})";
            _weaver.Diagnostics.Report(Diagnostics.UnwovenBase,
                $"{type.FullName} derives from {baseDefinition.FullName}, which is not woven, {which}: they cannot be saved, " +
                "so a save that reaches a " + type.Name + " fails with its path. Weave that assembly too, derive from a supported collection " +
                "or exception, or keep that state in a field.",
                type.Methods.SelectMany(m => m.DebugInformation.SequencePoints).FirstOrDefault());
        }

        private bool IsSavedInstanceField(FieldDefinition field) => IsSavedInstanceField(field, warn: true);

        private bool IsSavedInstanceField(FieldDefinition field, bool warn) =>
            !field.IsLiteral && !field.IsNotSerialized && !field.HasAttribute(ModuleWeaver.TransientAttributeName) && CheckFieldType(field, warn);

        private bool IsSavedStatic(FieldDefinition field)
        {
            if (field.IsLiteral || field.HasFieldRVA || field.IsNotSerialized || field.HasAttribute(ModuleWeaver.TransientAttributeName)) return false;
            // The lambda and method-group cache classes: their singleton and delegate caches are rebuilt on demand, never state.
            if (field.DeclaringType.Name == "<>c" && field.Name.StartsWith("<>9") || field.DeclaringType.Name == "<>O") return false;
            return CheckFieldType(field, warn: true);
        }

        /// <summary>
        /// Whether a field can be emitted at all, warning about user fields that can never hold a
        /// saveable value. Compiler-generated fields of that kind (a foreach enumerator in an
        /// iterator, async builders and awaiters) are kept without a warning the user could not act
        /// on: a save that reaches one fails with its path, rather than resuming with it lost.
        /// </summary>
        private bool CheckFieldType(FieldDefinition field, bool warn)
        {
            var verdict = _saveability.Of(field.FieldType, out var reason);
            if (verdict != Saveable.Never) return true;
            bool generated = field.DeclaringType.IsCompilerGenerated() || field.Name.StartsWith("<") && !field.Name.EndsWith("k__BackingField");
            bool emittable = !(field.FieldType is PointerType || field.FieldType is FunctionPointerType || field.FieldType.IsByReference)
                             && !(Saveability.SafeResolve(field.FieldType)?.HasAttribute("System.Runtime.CompilerServices.IsByRefLikeAttribute") ?? false);
            if (warn && !generated)
            {
                var point = field.FindSequencePoint();
                _weaver.Diagnostics.Report(Diagnostics.UnsaveableField,
                    $"field {field.DeclaringType.FullName}.{field.Name} of type {field.FieldType.FullName} can never be saved ({reason})" +
                    (emittable ? "; a save that reaches a non-null value will fail. " : "; it is left out. ") +
                    "Mark it [VarSave.Transient] to leave it out of saved state.",
                    point);
            }
            return emittable;
        }

        private static bool InheritsFrom(TypeDefinition type, string baseName)
        {
            for (var current = Saveability.SafeResolve(type.BaseType); current != null; current = Saveability.SafeResolve(current.BaseType))
                if (current.FullName == baseName) return true;
            return false;
        }
    }
}
