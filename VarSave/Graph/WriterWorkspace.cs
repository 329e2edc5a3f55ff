using System;
using System.Threading;
using VarSave.Format;

namespace VarSave.Graph
{
    /// <summary>
    /// The big buffers of a save: the walk's object table, the identity map, the string table and
    /// the record bytes. A program that saves every few seconds saves much the same graph, so one
    /// set is kept between saves instead of allocating (and collecting) tens of megabytes each
    /// time. It is emptied of the program's objects when a save ends, so it keeps nothing alive,
    /// and dropped when no save has used it for <see cref="KeepMilliseconds"/>.
    /// </summary>
    internal sealed class WriterWorkspace
    {
        private const int KeepMilliseconds = 60_000;
        private static WriterWorkspace? _spare;
        private static readonly Timer DropWhenIdle = new Timer(_ => Volatile.Write(ref _spare, null), null, Timeout.Infinite, Timeout.Infinite);

        public readonly IdentityMap Ids = new IdentityMap();
        public readonly StringTableWriter Strings = new StringTableWriter();
        public readonly ByteWriter Roots = new ByteWriter();
        public readonly ByteWriter Records = new ByteWriter(4096);
        public WalkEntry[] Objects = new WalkEntry[256];
        public int ObjectCount;

        /// <summary>The kept workspace if no other save holds it, else a new one.</summary>
        public static WriterWorkspace Rent()
        {
            return Interlocked.Exchange(ref _spare, null) ?? new WriterWorkspace();
        }

        /// <summary>Empties the workspace and keeps it for the next save.</summary>
        public void Return()
        {
            Array.Clear(Objects, 0, ObjectCount);
            ObjectCount = 0;
            Ids.Clear();
            Strings.Clear();
            Roots.Clear();
            Records.Clear();
            Volatile.Write(ref _spare, this);
            // The timer fires only after a whole idle period: each save pushes it back.
            DropWhenIdle.Change(KeepMilliseconds, Timeout.Infinite);
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
