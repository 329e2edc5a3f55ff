using System;

namespace VarSave.Registry
{
    /// <summary>A field of a registered schema: its name and the names it had before ([PreviousName]).</summary>
    internal readonly struct FieldName
    {
        public const char AliasSeparator = '\u0001';

        private FieldName(string name, string[] previous)
        {
            Name = name;
            Previous = previous;
        }

        public string Name { get; }
        public string[] Previous { get; }

        /// <summary>Parses <c>Name\u0001Old1\u0001Old2</c> as the weaver registers it.</summary>
        public static FieldName Parse(string entry)
        {
            var parts = entry.Split(AliasSeparator);
            return new FieldName(parts[0], parts.Length == 1 ? Array.Empty<string>() : System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Skip(parts, 1)));
        }
    }
}
