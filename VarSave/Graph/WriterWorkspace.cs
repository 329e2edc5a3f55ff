using System;
using VarSave.Format;

namespace VarSave.Graph
{
    /// <summary>
    /// The big buffers of a save: the walk's object table, the identity map, the string table and
    /// the record bytes. Kept between saves (<see cref="KeptBetweenCalls{T}"/>), and emptied of the
    /// program's objects when a save ends, so it keeps nothing alive.
    /// </summary>
    internal sealed class WriterWorkspace
    {
        private static readonly KeptBetweenCalls<WriterWorkspace> Kept = new KeptBetweenCalls<WriterWorkspace>();

        public readonly IdentityMap Ids = new IdentityMap();
        public readonly StringTableWriter Strings = new StringTableWriter();
        public readonly ByteWriter Roots = new ByteWriter();
        public readonly ByteWriter Records = new ByteWriter(4096);
        public WalkEntry[] Objects = new WalkEntry[256];
        public int ObjectCount;

        /// <summary>The kept workspace if no other save holds it, else a new one.</summary>
        public static WriterWorkspace Rent() => Kept.Take() ?? new WriterWorkspace();

        /// <summary>Empties the workspace and keeps it for the next save.</summary>
        public void Return()
        {
            Array.Clear(Objects, 0, ObjectCount);
            ObjectCount = 0;
            Ids.Clear();
            Strings.Clear();
            Roots.Clear();
            Records.Clear();
            Kept.Keep(this);
        }

        /// <summary>Appends an object to the walk's table and returns its id.</summary>
        public int Add(in WalkEntry entry)
        {
            if (ObjectCount == Objects.Length) Array.Resize(ref Objects, Objects.Length * 2);
            Objects[ObjectCount] = entry;
            return ObjectCount++;
        }
    }
}
