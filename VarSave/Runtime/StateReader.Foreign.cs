using System;

namespace VarSave.Runtime
{
    /// <summary>
    /// Code of the program runs during a load: GetHashCode, Equals and CompareTo of keys, field
    /// initializers of objects created with them. On data from a file such code may throw anything;
    /// the load turns it into a VarSave exception naming the object.
    /// </summary>
    public sealed partial class StateReader
    {
        /// <summary>Whether <paramref name="e"/> is not already one of VarSave's (nor a fatal one, which must go on).</summary>
        internal static bool IsForeign(Exception e) =>
            !(e is VarSaveException) && !(e is OutOfMemoryException) && !(e is System.Threading.ThreadAbortException);

        /// <summary>The VarSave exception for <paramref name="e"/>, thrown while <paramref name="doing"/> at <paramref name="where"/>.</summary>
        internal static VarSaveException ForeignError(Exception e, string where, string doing)
        {
            if (Format.DecodingErrors.Matches(e) && !(e.TargetSite?.DeclaringType?.Assembly is { } assembly && IsUserAssembly(assembly)))
                return new SnapshotFormatException($"The snapshot is corrupt at {where}: {e.GetType().Name} while {doing}: {e.Message}");
            return new VarSaveException(
                $"Cannot load {where}: the program's own code threw {e.GetType().Name} while {doing}: {e.Message} " +
                "Objects are created without running their constructors, so a GetHashCode, Equals or CompareTo used on loaded keys must cope with any field values the file holds; the snapshot may be damaged or hostile.", e);
        }

        private static bool IsUserAssembly(System.Reflection.Assembly assembly) =>
            assembly != typeof(object).Assembly && assembly != typeof(StateReader).Assembly && !(assembly.GetName().Name ?? "").StartsWith("System.", StringComparison.Ordinal);
    }
}
