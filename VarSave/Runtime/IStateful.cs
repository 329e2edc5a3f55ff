using System.ComponentModel;

namespace VarSave.Runtime
{
    /// <summary>
    /// Implemented by the weaver on every woven class and struct. Not for hand-written code:
    /// the field order of both methods is the schema registered for the type.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IStateful
    {
        /// <summary>Writes every saved field, base type's first, through <see cref="StateWriter.Write{T}"/>.</summary>
        void CaptureState(StateWriter writer);

        /// <summary>Reads every saved field back by its index in the registered schema.</summary>
        void RestoreState(StateReader reader);
    }
}
