namespace VarSave
{
    /// <summary>
    /// Saves some objects by key instead of by value (pickle's <c>persistent_id</c>): singletons,
    /// engine objects, files by path, services. Set it on <see cref="ProgramState.ExternalReferences"/>.
    /// </summary>
    public interface IExternalReferences
    {
        /// <summary>The key to save <paramref name="value"/> under, or null to save it by value.</summary>
        string? KeyOf(object value);

        /// <summary>The object a key saved by <see cref="KeyOf"/> stands for in the loading program.</summary>
        object Resolve(string key);
    }
}
