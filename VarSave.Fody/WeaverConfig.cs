using System;
using System.Linq;
using System.Xml.Linq;
using Fody;
using Mono.Cecil;

namespace VarSave.Fody
{
    /// <summary>
    /// The attributes of <c>&lt;VarSave /&gt;</c> in FodyWeavers.xml (described for editors by
    /// VarSave.Fody.xcf). Anything unknown or malformed fails the build naming the attribute and
    /// what is allowed: a silently ignored typo would change what gets saved.
    /// </summary>
    internal sealed class WeaverConfig
    {
        private static readonly string[] Allowed = { "CaptureLocals", "IncludeNamespaces", "ExcludeNamespaces", "ExcludeTypes" };

        private string[] _includeNamespaces = Array.Empty<string>();
        private string[] _excludeNamespaces = Array.Empty<string>();
        private string[] _excludeTypes = Array.Empty<string>();

        /// <summary>Whether calls to ProgramState capture and restore the caller's locals.</summary>
        public bool CaptureLocals { get; private set; } = true;

        public static WeaverConfig Read(XElement? element)
        {
            var config = new WeaverConfig();
            if (element == null) return config;
            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.NamespaceName.Length == 0))
            {
                switch (attribute.Name.LocalName)
                {
                    case "CaptureLocals": config.CaptureLocals = ReadBoolean(attribute); break;
                    case "IncludeNamespaces": config._includeNamespaces = ReadList(attribute); break;
                    case "ExcludeNamespaces": config._excludeNamespaces = ReadList(attribute); break;
                    case "ExcludeTypes": config._excludeTypes = ReadList(attribute); break;
                    default:
                        throw new WeavingException(
                            $"FodyWeavers.xml has an unknown attribute '{attribute.Name.LocalName}' on <VarSave>. Allowed: {string.Join(", ", Allowed)}.");
                }
            }
            if (element.HasElements)
                throw new WeavingException($"<VarSave> in FodyWeavers.xml takes attributes only ({string.Join(", ", Allowed)}), not child elements.");
            return config;
        }

        /// <summary>Whether the type is woven: in an included namespace (all, when none are listed), not excluded.</summary>
        public bool Includes(TypeDefinition type)
        {
            var outer = type;
            while (outer.DeclaringType != null) outer = outer.DeclaringType;
            string ns = outer.Namespace ?? "";
            bool InNamespace(string name) => ns == name || ns.StartsWith(name + ".", StringComparison.Ordinal);
            if (_includeNamespaces.Length > 0 && !_includeNamespaces.Any(InNamespace)) return false;
            if (_excludeNamespaces.Any(InNamespace)) return false;
            return !_excludeTypes.Contains(type.FullName.Replace('/', '+')) && !_excludeTypes.Contains(type.FullName);
        }

        private static bool ReadBoolean(XAttribute attribute)
        {
            if (bool.TryParse(attribute.Value.Trim(), out bool value)) return value;
            throw new WeavingException($"FodyWeavers.xml attribute '{attribute.Name.LocalName}' is '{attribute.Value}'; it must be true or false.");
        }

        private static string[] ReadList(XAttribute attribute) =>
            attribute.Value.Split(new[] { '|' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
    }
}
