using System;

namespace VarSave.Graph
{
    /// <summary>
    /// The big arrays of a load: the string table, the record index and the created objects, one
    /// entry per object of the snapshot. Kept between loads (<see cref="KeptBetweenCalls{T}"/>), so
    /// arrays may be longer than the snapshot needs: the reader keeps its own counts. Emptied of the
    /// loaded objects when the load ends, so it keeps nothing alive.
    /// </summary>
    internal sealed class ReaderWorkspace
    {
        private static readonly KeptBetweenCalls<ReaderWorkspace> Kept = new KeptBetweenCalls<ReaderWorkspace>();

        public string[] Strings = Array.Empty<string>();
        public object?[] Instances = Array.Empty<object?>();
        public int[] RecordType = Array.Empty<int>();
        public int[] RecordStart = Array.Empty<int>();
        public int[] RecordEnd = Array.Empty<int>();

        public static ReaderWorkspace Rent() => Kept.Take() ?? new ReaderWorkspace();

        /// <summary>Room for <paramref name="count"/> strings; the first <paramref name="count"/> entries are the load's.</summary>
        public void EnsureStrings(int count)
        {
            if (Strings.Length < count) Strings = new string[count];
        }

        /// <summary>Room for <paramref name="count"/> objects, with every instance slot empty.</summary>
        public void EnsureObjects(int count)
        {
            if (Instances.Length >= count) return;
            Instances = new object?[count];
            RecordType = new int[count];
            RecordStart = new int[count];
            RecordEnd = new int[count];
        }

        /// <summary>Forgets the load's strings and objects and keeps the arrays for the next load.</summary>
        public void Return(int stringCount, int objectCount)
        {
            Array.Clear(Strings, 0, stringCount);
            Array.Clear(Instances, 0, objectCount);
            Kept.Keep(this);
        }
    }
}
