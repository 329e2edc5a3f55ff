using System.Collections.Generic;
using VarSave.Inspection;

namespace VarSave.Tool
{
    /// <summary>How many references each object has, from roots and other objects: more than one means it is shared.</summary>
    internal static class ReferenceCounts
    {
        public static int[] Count(InspectedSnapshot snapshot, System.Action<long> progress)
        {
            var counts = new int[snapshot.ObjectCount];
            var references = new List<int>();
            foreach (var root in RootSlot.All(snapshot)) InspectedSnapshot.References(root.Root.Value, references);
            foreach (int target in references) counts[target]++;
            for (int id = 0; id < snapshot.ObjectCount; id++)
            {
                references.Clear();
                snapshot.ReferencesOf(id, references);
                foreach (int target in references) counts[target]++;
                SnapshotFiles.Tick(progress, id);
            }
            return counts;
        }
    }
}
