using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// The types the program saves through surrogates (<c>VarSave.Surrogates.Register&lt;T, TStandIn&gt;</c> at run
    /// time), as far as the build can know them: the first type argument of every <c>Register</c> call in the woven
    /// module's code, and every <c>[assembly: VarSave.SaveWithSurrogate(typeof(T))]</c> on the module's assembly or
    /// on an assembly it references (a library that registers for its consumers). Values of these types are saved
    /// as the registration says; whether one is really registered is only known when the program saves.
    /// </summary>
    internal sealed class SurrogateDeclarations
    {
        internal const string AttributeName = "VarSave.SaveWithSurrogateAttribute";
        private const string RegistryName = "VarSave.Surrogates";

        private readonly HashSet<string> _types;

        private SurrogateDeclarations(HashSet<string> types) => _types = types;

        /// <summary>Full names (Cecil's spelling) of the declared types.</summary>
        public IReadOnlyCollection<string> Types => _types;

        public static SurrogateDeclarations Find(ModuleDefinition module)
        {
            var types = new HashSet<string>();
            foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
                foreach (var instruction in method.Body.Instructions)
                    if (RegisteredType(instruction) is TypeReference registered) types.Add(registered.FullName);
            foreach (var assembly in ReferencedAssemblies(module).Prepend(module.Assembly))
                foreach (var attribute in assembly.CustomAttributes.Where(a => a.AttributeType.FullName == AttributeName))
                    if (attribute.ConstructorArguments.Count == 1 && attribute.ConstructorArguments[0].Value is TypeReference declared)
                        types.Add(declared.FullName);
            return new SurrogateDeclarations(types);
        }

        /// <summary>Whether values of exactly <paramref name="type"/> are saved through a surrogate the program registers.</summary>
        public bool Declares(TypeReference type) => _types.Count > 0 && _types.Contains(type.FullName);

        /// <summary><c>T</c> of a call to <c>Surrogates.Register&lt;T, TStandIn&gt;</c> (any overload), unless it is a type parameter only known at run time.</summary>
        private static TypeReference? RegisteredType(Instruction instruction)
        {
            if (!(instruction.OpCode == OpCodes.Call && instruction.Operand is GenericInstanceMethod call)) return null;
            if (call.Name != "Register" || call.DeclaringType.FullName != RegistryName || call.GenericArguments.Count == 0) return null;
            var registered = call.GenericArguments[0];
            return registered.ContainsGenericParameter ? null : registered;
        }

        /// <summary>The assemblies the module references, except .NET's own and VarSave's (they declare no surrogates).</summary>
        private static IEnumerable<AssemblyDefinition> ReferencedAssemblies(ModuleDefinition module)
        {
            foreach (var reference in module.AssemblyReferences)
            {
                string name = reference.Name;
                if (name == "mscorlib" || name == "netstandard" || name.StartsWith("System.") || name.StartsWith("Microsoft.")
                    || name == "System" || name == "VarSave" || name == "VarSave.Attributes") continue;
                AssemblyDefinition? assembly;
                try { assembly = module.AssemblyResolver.Resolve(reference); }
                catch (AssemblyResolutionException) { assembly = null; }
                if (assembly != null) yield return assembly;
            }
        }
    }
}
