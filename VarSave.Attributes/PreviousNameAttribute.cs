using System;

namespace VarSave
{
    /// <summary>
    /// Maps snapshots saved before a rename: on a field, an old field name; on a type, an old
    /// type name (a full name such as <c>OldNamespace.Player</c> for a moved type, or just the
    /// old name for a type renamed in place). Repeat the attribute for several old names.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
    public sealed class PreviousNameAttribute : Attribute
    {
        /// <summary>Declares <paramref name="name"/> as a name the field or type had in an earlier version.</summary>
        public PreviousNameAttribute(string name) => Name = name;

        /// <summary>The earlier name.</summary>
        public string Name { get; }
    }
}
