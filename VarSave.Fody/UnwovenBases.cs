using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Mono.Cecil;

namespace VarSave.Fody
{
    /// <summary>
    /// What a class's nearest non-woven base means for saving. The runtime saves the contents of
    /// the BCL collections and exceptions listed here with the woven fields; any other base with
    /// fields makes the save fail at the object. Reference assemblies, which a build compiles
    /// against, carry no private fields, so a base from one is checked against its implementation
    /// (the framework this build runs on), found by name; one that cannot be found counts as stateful.
    /// </summary>
    internal static class UnwovenBases
    {
        private static readonly HashSet<string> SupportedGenerics = new HashSet<string>
        {
            "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.HashSet`1",
            "System.Collections.Generic.SortedDictionary`2", "System.Collections.Generic.Queue`1", "System.Collections.Generic.Stack`1",
            "System.Collections.Generic.LinkedList`1", "System.Collections.ObjectModel.Collection`1",
            "System.Collections.ObjectModel.ObservableCollection`1",
        };

        /// <summary>Whether the runtime saves the base part of classes derived from <paramref name="type"/>.</summary>
        public static bool IsSupported(TypeDefinition type) =>
            SupportedGenerics.Contains(type.FullName) || (IsFrameworkAssembly(type.Module.Assembly) && IsException(type));

        /// <summary>The instance fields of <paramref name="type"/> and its bases (below object), from the implementation; null when it cannot be found.</summary>
        public static List<string>? InstanceFields(TypeDefinition type)
        {
            if (!type.Module.Assembly.HasAttribute("System.Runtime.CompilerServices.ReferenceAssemblyAttribute")) return FieldsOf(type);
            var implementation = Type.GetType(type.FullName.Replace('/', '+') + ", " + type.Module.Assembly.Name.Name, throwOnError: false);
            if (implementation == null) return null;
            var names = new List<string>();
            for (var current = implementation; current != null && current != typeof(object); current = current.BaseType)
                names.AddRange(current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Select(f => current.Name + "." + f.Name));
            return names;
        }

        private static List<string> FieldsOf(TypeDefinition type)
        {
            var names = new List<string>();
            for (var current = type; current != null && current.FullName != "System.Object"; current = Saveability.SafeResolve(current.BaseType))
                names.AddRange(current.Fields.Where(f => !f.IsStatic).Select(f => current.Name + "." + f.Name));
            return names;
        }

        private static bool IsException(TypeDefinition type)
        {
            for (var current = type; current != null; current = Saveability.SafeResolve(current.BaseType))
                if (current.FullName == "System.Exception") return true;
            return false;
        }

        private static bool IsFrameworkAssembly(AssemblyDefinition assembly)
        {
            string name = assembly.Name.Name;
            return name == "System.Private.CoreLib" || name == "mscorlib" || name == "netstandard" || name == "System.Runtime" || name.StartsWith("System.");
        }
    }
}
