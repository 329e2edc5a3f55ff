using System.ComponentModel;

namespace VarSave.Runtime
{
    /// <summary>
    /// Implemented by the weaver on the root of each woven class hierarchy: a field where a save
    /// leaves (save number, object id), so the walk finds an object's id in the object itself
    /// instead of looking it up in a table whose cache misses grow with the graph.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IMarked
    {
        /// <summary>The save number in the high 32 bits, the object's id in that save in the low 32.</summary>
        long VarSaveMark { get; set; }
    }
}
