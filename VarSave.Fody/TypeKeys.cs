using Mono.Cecil;

namespace VarSave.Fody
{
    /// <summary>The key a snapshot names a type by: namespace and nested names (<c>Game.World+Log</c>), never the assembly.</summary>
    internal static class TypeKeys
    {
        public static string KeyOf(TypeDefinition type) =>
            type.DeclaringType != null ? KeyOf(type.DeclaringType) + "+" + type.Name
            : string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;
    }
}
