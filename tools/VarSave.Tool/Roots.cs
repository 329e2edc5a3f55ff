using System.Collections.Generic;
using VarSave.Inspection;

namespace VarSave.Tool
{
    /// <summary>A static field or local of a snapshot, with the path prefix users type for it.</summary>
    internal sealed class RootSlot
    {
        public RootSlot(string group, string path, InspectedRoot root)
        {
            Group = group;
            Path = path;
            Root = root;
        }

        /// <summary><c>static Game.World</c>, <c>locals</c> or <c>object</c>.</summary>
        public string Group { get; }
        /// <summary><c>static Game.World.Heroes</c>, <c>local x</c> or <c>object</c>.</summary>
        public string Path { get; }
        public InspectedRoot Root { get; }

        /// <summary>Every root in file order: each type's statics, then the locals. An object snapshot's one root is <c>object</c>.</summary>
        public static List<RootSlot> All(InspectedSnapshot snapshot)
        {
            var slots = new List<RootSlot>();
            foreach (var holder in snapshot.Statics)
                foreach (var field in holder.Fields)
                    slots.Add(new RootSlot("static " + holder.Type, "static " + holder.Type + "." + field.Name, field));
            foreach (var local in snapshot.Locals)
                slots.Add(IsObjectRoot(snapshot, local)
                    ? new RootSlot("object", "object", local)
                    : new RootSlot("locals", "local " + local.Name, local));
            return slots;
        }

        private static bool IsObjectRoot(InspectedSnapshot snapshot, InspectedRoot local) =>
            local.Name == "<object>" && snapshot.Statics.Count == 0 && snapshot.Locals.Count == 1;
    }

    /// <summary>
    /// What each root drags in: every object is charged to the first root (in file order) it can be
    /// reached from, breadth-first; and instances and bytes per type. One pass over the records.
    /// </summary>
    internal sealed class GraphSizes
    {
        private GraphSizes(InspectedSnapshot snapshot, List<RootSlot> roots)
        {
            Roots = roots;
            RootBytes = new long[roots.Count];
            RootObjects = new int[roots.Count];
            TypeInstances = new int[snapshot.Types.Length];
            TypeBytes = new long[snapshot.Types.Length];
        }

        public List<RootSlot> Roots { get; }
        public long[] RootBytes { get; }
        public int[] RootObjects { get; }
        public int[] TypeInstances { get; }
        public long[] TypeBytes { get; }
        /// <summary>Objects no root reaches (a well-formed save has none).</summary>
        public int Unreached { get; private set; }

        public static GraphSizes Compute(InspectedSnapshot snapshot, System.Action<long> progress)
        {
            var sizes = new GraphSizes(snapshot, RootSlot.All(snapshot));
            var charged = new bool[snapshot.ObjectCount];
            var queue = new int[snapshot.ObjectCount];
            var references = new List<int>();
            long done = 0;
            for (int r = 0; r < sizes.Roots.Count; r++)
            {
                int head = 0, tail = 0;
                sizes.RootBytes[r] = sizes.Roots[r].Root.InlineBytes;
                references.Clear();
                InspectedSnapshot.References(sizes.Roots[r].Root.Value, references);
                foreach (int id in references)
                    if (!charged[id]) { charged[id] = true; queue[tail++] = id; }
                while (head < tail)
                {
                    int id = queue[head++];
                    sizes.RootBytes[r] += snapshot.RecordBytes(id);
                    sizes.RootObjects[r]++;
                    references.Clear();
                    snapshot.ReferencesOf(id, references);
                    foreach (int next in references)
                        if (!charged[next]) { charged[next] = true; queue[tail++] = next; }
                    SnapshotFiles.Tick(progress, ++done);
                }
            }
            for (int id = 0; id < snapshot.ObjectCount; id++)
            {
                int type = snapshot.TypeOf(id).Id;
                sizes.TypeInstances[type]++;
                sizes.TypeBytes[type] += snapshot.RecordBytes(id);
                if (!charged[id]) sizes.Unreached++;
            }
            return sizes;
        }
    }
}
