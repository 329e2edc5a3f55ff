namespace VarSave.Graph
{
    /// <summary>
    /// How an object was first reached: from which object (-1 for a root) and by which field
    /// name or element index. Kept per object so an error deep in a graph can name its whole path.
    /// </summary>
    internal readonly struct PathStep
    {
        public PathStep(int parent, string? name, int index)
        {
            Parent = parent;
            Name = name;
            Index = index;
        }

        public int Parent { get; }
        public string? Name { get; }
        public int Index { get; }

        public string Render() => Index >= 0 ? (Name == null ? $"[{Index}]" : $"[{Index}].{Name}") : "." + Name;
    }
}
