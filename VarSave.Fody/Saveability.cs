using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using VarSave.Codecs;

namespace VarSave.Fody
{
    /// <summary>What the weaver can tell at build time about whether values of a declared type can be saved.</summary>
    internal enum Saveable
    {
        /// <summary>Woven, or a supported BCL type.</summary>
        Yes,
        /// <summary>Decided at run time by the value (object, interfaces, abstract classes, generic parameters, delegates).</summary>
        Maybe,
        /// <summary>No value of this type can ever be saved.</summary>
        Never,
    }

    /// <summary>The build-time mirror of the runtime's rules: woven types plus a fixed BCL list.</summary>
    internal sealed class Saveability
    {
        private static readonly HashSet<string> SupportedTypes = new HashSet<string>
        {
            "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
            "System.Int64", "System.UInt64", "System.Char", "System.Single", "System.Double", "System.Decimal", "System.String",
            "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.Guid", "System.Text.StringBuilder",
            "System.Numerics.BigInteger", "System.Numerics.Complex", "System.Half", "System.Int128", "System.UInt128", "System.DateOnly",
            "System.TimeOnly", "System.Random", "System.Version", "System.Uri", "System.Text.RegularExpressions.Regex",
            "System.Globalization.CultureInfo", "System.StringComparer", "System.Collections.BitArray", "System.Collections.ArrayList",
            "System.Collections.Hashtable", "System.Diagnostics.Stopwatch",
        };

        private static readonly HashSet<string> SupportedGenerics = new HashSet<string>
        {
            "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.HashSet`1",
            "System.Collections.Generic.SortedDictionary`2", "System.Collections.Generic.Queue`1", "System.Collections.Generic.Stack`1",
            "System.Collections.Generic.LinkedList`1", "System.Nullable`1", "System.Collections.Generic.KeyValuePair`2",
            "System.Collections.ObjectModel.Collection`1", "System.Collections.ObjectModel.ObservableCollection`1",
            "System.Collections.Generic.SortedSet`1", "System.Collections.Generic.SortedList`2", "System.Collections.ObjectModel.ReadOnlyCollection`1",
            "System.Collections.ObjectModel.ReadOnlyDictionary`2", "System.Collections.Concurrent.ConcurrentDictionary`2",
            "System.Collections.Concurrent.ConcurrentQueue`1", "System.Collections.Concurrent.ConcurrentStack`1",
            "System.Collections.Concurrent.ConcurrentBag`1", "System.Collections.Generic.PriorityQueue`2", "System.Lazy`1",
            "System.Collections.Generic.EqualityComparer`1", "System.Collections.Generic.Comparer`1",
            "System.Collections.Immutable.ImmutableList`1", "System.Collections.Immutable.ImmutableArray`1",
            "System.Collections.Immutable.ImmutableHashSet`1", "System.Collections.Immutable.ImmutableSortedSet`1",
            "System.Collections.Immutable.ImmutableDictionary`2", "System.Collections.Immutable.ImmutableSortedDictionary`2",
            "System.Collections.Immutable.ImmutableStack`1", "System.Collections.Immutable.ImmutableQueue`1",
            "System.Collections.Frozen.FrozenSet`1", "System.Collections.Frozen.FrozenDictionary`2",
            // The enumerators a foreach keeps across yield return and await.
            "System.Collections.Generic.List`1/Enumerator", "System.Collections.Generic.Dictionary`2/Enumerator",
            "System.Collections.Generic.Dictionary`2/KeyCollection/Enumerator", "System.Collections.Generic.Dictionary`2/ValueCollection/Enumerator",
            "System.Collections.Generic.HashSet`1/Enumerator", "System.Collections.Generic.Queue`1/Enumerator", "System.Collections.Generic.Stack`1/Enumerator",
            "System.Collections.Generic.SortedSet`1/Enumerator", "System.Collections.Generic.LinkedList`1/Enumerator",
            "System.Collections.Immutable.ImmutableArray`1/Enumerator", "System.Collections.Immutable.ImmutableList`1/Enumerator",
            "System.Collections.Generic.SortedDictionary`2/Enumerator",
            "System.Collections.Generic.SortedDictionary`2/KeyCollection/Enumerator", "System.Collections.Generic.SortedDictionary`2/ValueCollection/Enumerator",
        };

        /// <summary>Types tied to this process: a saved copy could never work. Subclasses count too.</summary>
        private static readonly HashSet<string> ProcessBound = new HashSet<string>(ProcessBoundTypes.FullNames);

        private readonly ModuleDefinition _module;
        private readonly WeaverConfig _config;
        private readonly SurrogateDeclarations _surrogates;

        public Saveability(ModuleDefinition module, WeaverConfig config, SurrogateDeclarations surrogates)
        {
            _module = module;
            _config = config;
            _surrogates = surrogates;
        }

        /// <summary>
        /// The type is saved through a surrogate the program registers (a <c>Surrogates.Register</c> call or
        /// <c>[assembly: SaveWithSurrogate]</c>): <see cref="Saveable.Maybe"/>, since only the running program knows
        /// whether the registration happened. Locals of such a type are captured with their method, for the message.
        /// </summary>
        public bool IsDeclaredSurrogate(TypeReference type) => _surrogates.Declares(type);

        /// <summary>Classifies a declared type; <paramref name="reason"/> says why when it is <see cref="Saveable.Never"/>.</summary>
        public Saveable Of(TypeReference type, out string reason)
        {
            reason = "";
            switch (type)
            {
                case GenericParameter _: return Saveable.Maybe;
                case PointerType _:
                case FunctionPointerType _:
                case ByReferenceType _:
                    reason = "pointers and references into memory belong to this process";
                    return Saveable.Never;
                case ArrayType array: return Of(array.ElementType, out reason);
                case RequiredModifierType required: return Of(required.ElementType, out reason);
                case OptionalModifierType optional: return Of(optional.ElementType, out reason);
            }

            if (type.FullName == "System.Object" || _surrogates.Declares(type)) return Saveable.Maybe;
            if (SupportedTypes.Contains(type.FullName)) return Saveable.Yes;
            if (type is GenericInstanceType generic && (SupportedGenerics.Contains(generic.ElementType.FullName) || IsTuple(generic.ElementType)))
            {
                var worst = Saveable.Yes;
                foreach (var argument in generic.GenericArguments)
                {
                    var verdict = Of(argument, out var argumentReason);
                    if (verdict > worst) { worst = verdict; reason = argumentReason; }
                }
                return worst;
            }

            var definition = SafeResolve(type);
            if (definition == null) return Saveable.Maybe;
            for (var current = definition; current != null; current = SafeResolve(current.BaseType))
            {
                if (ProcessBound.Contains(current.FullName))
                {
                    reason = $"{current.FullName} {ProcessBoundTypes.Reason}";
                    return Saveable.Never;
                }
            }
            if (definition.HasAttribute("System.Runtime.CompilerServices.IsByRefLikeAttribute"))
            {
                reason = "ref structs live only on the stack";
                return Saveable.Never;
            }
            if (definition.Module == _module)
            {
                if (definition.HasAttribute(ModuleWeaver.TransientAttributeName))
                {
                    reason = $"{definition.FullName} is marked [Transient]";
                    return Saveable.Never;
                }
                if (!_config.Includes(definition))
                {
                    reason = $"{definition.FullName} is excluded from weaving in FodyWeavers.xml";
                    return Saveable.Never;
                }
                return Saveable.Yes;
            }
            if (IsWovenAssembly(definition.Module.Assembly)) return Saveable.Yes;
            // The runtime saves the common BCL exceptions (a fixed list) and refuses others with the path.
            if (UnwovenBases.IsSupported(definition)) return Saveable.Maybe;
            if (definition.IsInterface || definition.IsAbstract || IsDelegate(definition)) return Saveable.Maybe;
            reason = $"{definition.FullName} is neither woven nor one of the supported BCL types";
            // VarSave's own types (a caught VarSaveException, a SaveCheck) are never the program's to save.
            if (definition.Module.Assembly.Name.Name != "VarSave")
                reason += $" (to save it through a stand-in, call VarSave.Surrogates.Register<{type.Name}, TStandIn>(save, load) in this assembly, "
                          + $"or put [assembly: VarSave.SaveWithSurrogate(typeof({type.Name}))] on it when another assembly registers it)";
            return Saveable.Never;
        }

        public static bool IsDelegate(TypeDefinition type) => type.BaseType?.FullName == "System.MulticastDelegate";

        private static bool IsTuple(TypeReference definition) =>
            definition.FullName.StartsWith("System.Tuple`") || definition.FullName.StartsWith("System.ValueTuple`");

        public static bool IsWovenAssembly(AssemblyDefinition assembly) =>
            assembly.HasAttribute("VarSave.Runtime.WovenModuleAttribute");

        public static TypeDefinition? SafeResolve(TypeReference? type)
        {
            if (type == null) return null;
            try { return type.Resolve(); }
            catch (AssemblyResolutionException) { return null; }
        }

        /// <summary>Null, as for a type, when the method's assembly (or a base type's) cannot be found.</summary>
        public static MethodDefinition? SafeResolve(MethodReference method)
        {
            try { return method.Resolve(); }
            catch (AssemblyResolutionException) { return null; }
        }
    }
}
