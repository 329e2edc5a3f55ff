using System;
using System.Reflection;

namespace VarSave.Codecs
{
    /// <summary>
    /// Why a value of a type cannot be saved and what to do, for the place it sits: a local is not marked
    /// [Transient], an auto-property's field is marked through the property, a BCL type is not woven by the
    /// user, and a LINQ query is materialised rather than saved.
    /// </summary>
    internal static class UnsaveableAdvice
    {
        /// <param name="type">The value's run-time type.</param>
        /// <param name="isLocal">The value is a local of the saving method (or an element of one).</param>
        /// <param name="slot">The field or part name the value sits in, if any.</param>
        /// <param name="isElement">The value is an element of a collection or array.</param>
        public static string For(Type type, bool isLocal, string? slot, bool isElement)
        {
            if (IsProcessBound(type))
                return $"{type.Name} {ProcessBoundTypes.Reason}: no copy of it could work in another process. " +
                       $"Leave it out ({LeaveOut(isLocal, slot, isElement)}) and make a new one after loading, in an [AfterLoad] method.";
            string what = IsLinqQuery(type)
                ? "it is a LINQ query that was never run (deferred execution): materialise it with ToList(), ToArray() or ToDictionary() before saving"
                : IsFramework(type.Assembly)
                    ? $"{type.Name} is a .NET type VarSave does not save; keep a saveable form of it (register one with VarSave.Surrogates.Register)"
                    : $"it is not woven and not a supported BCL type; weave the assembly that defines it ({type.Assembly.GetName().Name}), or register a stand-in with VarSave.Surrogates.Register";
            return what + ". " + Where(isLocal, slot, isElement);
        }

        /// <summary>
        /// A local whose declared type the build expected a registered surrogate to save (it saw a
        /// <c>Surrogates.Register</c> call or <c>[assembly: SaveWithSurrogate]</c>), but none is registered for the value.
        /// </summary>
        /// <param name="type">The value's run-time type.</param>
        /// <param name="local">The local, its declared type and where it was saved.</param>
        public static string ForDeclaredSurrogate(Type type, Runtime.DeclaredLocal local)
        {
            // A non-public run-time type (a library's own subclass) is saved through its registered public base's surrogate.
            string fix = $"Call VarSave.Surrogates.Register<{(type.IsVisible ? type.Name : local.Type.Name)}, TStandIn>(save, load) before saving (and before loading, in the loading program)";
            return $"the local {local.Name} of {local.Where} was woven to be saved through a surrogate (the build saw a VarSave.Surrogates.Register call " +
                   $"or [assembly: VarSave.SaveWithSurrogate] for {local.Type.FullName}), but no surrogate for {type.FullName} is registered in this process. " + fix + ". " +
                   (type.IsValueType ? "Or save where the local is out of scope." : "Or set the local to null before the save, or save where it is out of scope.");
        }

        private static string Where(bool isLocal, string? slot, bool isElement) =>
            (isLocal || isElement ? "Or " : "Or leave it out: ") + LeaveOut(isLocal, slot, isElement) + ".";

        /// <summary>How to keep the value out of the save, for the place it sits.</summary>
        private static string LeaveOut(bool isLocal, string? slot, bool isElement)
        {
            if (isElement) return "keep it out of the collection while saving, mark the field that holds the collection [Transient], or skip it with SaveOptions.SkipUnsaveable";
            if (isLocal) return "set the local to null before the save, or save where it is out of scope";
            if (slot != null && slot.StartsWith("<", StringComparison.Ordinal) && slot.EndsWith(">k__BackingField", StringComparison.Ordinal))
                return $"mark the property {slot.Substring(1, slot.IndexOf('>') - 1)} [field: Transient] (VarSave.Transient)";
            return "mark the field [Transient] (VarSave.Transient)";
        }

        private static bool IsProcessBound(Type type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                string? name = current.IsGenericType ? current.GetGenericTypeDefinition().FullName : current.FullName;
                if (Array.IndexOf(ProcessBoundTypes.FullNames, name) >= 0) return true;
            }
            return false;
        }

        private static bool IsLinqQuery(Type type) =>
            type.Namespace == "System.Linq" && (type.Assembly == typeof(System.Linq.Enumerable).Assembly || type.Name.Contains("Iterator"));

        /// <summary>An assembly of .NET itself (System.*): its types are the BCL's, never the user's to weave.</summary>
        public static bool IsFramework(Assembly assembly)
        {
            string name = assembly.GetName().Name ?? "";
            return name == "System.Private.CoreLib" || name == "mscorlib" || name == "netstandard" || name.StartsWith("System.", StringComparison.Ordinal);
        }
    }
}
