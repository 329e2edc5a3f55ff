namespace VarSave.Graph
{
    /// <summary>A caller's local as a woven call site handed it over.</summary>
    internal readonly struct CapturedLocal
    {
        public CapturedLocal(string name, object? value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }
        public object? Value { get; }
    }
}
