using System.Linq;
using Mono.Cecil;

namespace VarSave.Fody
{
    /// <summary>
    /// Old names from <c>[PreviousName]</c>, carried in the registered schema as
    /// <c>Name\u0001Old1\u0001Old2</c> so the runtime can map saves made before a rename.
    /// </summary>
    internal static class PreviousNames
    {
        public const char Separator = '\u0001';
        private const string AttributeName = "VarSave.PreviousNameAttribute";

        public static string WithAliases(FieldDefinition field) => Join(field.Name, Of(field));

        /// <summary>The type key and its old keys; a bare old name renames the type in place, a dotted one moves it.</summary>
        public static string KeyWithAliases(TypeDefinition type, string key)
        {
            int cut = System.Math.Max(key.LastIndexOf('.'), key.LastIndexOf('+'));
            var aliases = Of(type).Select(old => old.Contains(".") || old.Contains("+") ? old : key.Substring(0, cut + 1) + old);
            return Join(key, aliases.ToArray());
        }

        private static string[] Of(ICustomAttributeProvider provider) =>
            provider.CustomAttributes.Where(a => a.AttributeType.FullName == AttributeName)
                .Select(a => (string)a.ConstructorArguments[0].Value).ToArray();

        private static string Join(string name, string[] aliases) =>
            aliases.Length == 0 ? name : name + Separator + string.Join(Separator.ToString(), aliases);
    }
}
