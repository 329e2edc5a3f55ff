using System.Collections.Generic;
using System.Linq;
using VarSave.Registry;
using VarSave.Runtime;

namespace VarSave.Graph
{
    /// <summary>
    /// The current values of static fields, held by reference in memory, so a load that fails
    /// while assigning statics or in a static hook can put back exactly the objects the program had.
    /// </summary>
    internal sealed class StaticsBackup
    {
        private readonly Dictionary<WovenType, StaticRoot> _saved = new Dictionary<WovenType, StaticRoot>();

        public static StaticsBackup Capture(IEnumerable<WovenType> holders)
        {
            var backup = new StaticsBackup();
            foreach (var holder in holders.Distinct())
            {
                object?[] values;
                try
                {
                    values = StateWriter.Record(holder.CaptureStatics!);
                }
                catch (System.TypeInitializationException e)
                {
                    throw new VarSaveException($"Cannot load: the static constructor of {holder.Key} failed ({e.InnerException?.Message}), so its statics cannot be kept safe during the load.", e);
                }
                backup._saved.Add(holder, new StaticRoot(holder, values, Enumerable.Range(0, values.Length).ToArray()));
            }
            return backup;
        }

        /// <summary>The value each static of <paramref name="holder"/> had when captured.</summary>
        public object?[]? ValuesOf(WovenType holder) => _saved.TryGetValue(holder, out var root) ? root.Slots : null;

        public void Restore()
        {
            var reader = StateReader.ForMemory();
            foreach (var root in _saved.Values) reader.RestoreStatics(root);
        }
    }
}
