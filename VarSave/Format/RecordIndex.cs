using System;

namespace VarSave.Format
{
    /// <summary>
    /// The objects section's index, read the same way by a load (<see cref="Runtime.StateReader"/>) and by
    /// the tool's generic decoder (<see cref="Inspection.InspectedSnapshot"/>): the object count (at least five
    /// bytes each, within <see cref="LoadLimits.MaxObjects"/>), then per record its type id and u32 payload
    /// length, the payload skipped. Each record's type and payload bounds go into the caller's arrays.
    /// </summary>
    internal static class RecordIndex
    {
        /// <summary>Reads the object count; the caller sizes its arrays before <see cref="ReadEntries"/>.</summary>
        public static int ReadCount(ByteReader input) =>
            input.ReadCount("object", 5, input.Limits.MaxObjects, nameof(LoadLimits.MaxObjects));

        /// <summary>Reads <paramref name="count"/> records' type ids (below <paramref name="typeCount"/>) and payload bounds.</summary>
        public static void ReadEntries(ByteReader input, int count, int typeCount, int[] type, int[] start, int[] end)
        {
            for (int id = 0; id < count; id++)
            {
                type[id] = input.ReadIndex("object type", typeCount);
                uint length = input.ReadUInt32();
                if (length > (uint)input.Remaining) throw input.Corrupt($"object {id} claims {length} bytes; {input.Remaining} are left");
                start[id] = input.Position;
                end[id] = input.Position + (int)length;
                input.Skip((int)length);
            }
        }
    }

    /// <summary>
    /// The exceptions the BCL throws on bad input (a bad argument, cast, format, overflow, index or state):
    /// while a snapshot is decoded they mean a check was missed, and are reported as a corrupt snapshot, so a
    /// load or an inspection throws only VarSave's exceptions.
    /// </summary>
    internal static class DecodingErrors
    {
        public static bool Matches(Exception e) => e is ArgumentException || e is InvalidCastException || e is FormatException
            || e is OverflowException || e is IndexOutOfRangeException || e is InvalidOperationException;

        /// <summary>The VarSave exception for <paramref name="e"/>, a decoding error no specific check caught.</summary>
        public static SnapshotFormatException Corrupt(Exception e) =>
            new SnapshotFormatException($"The snapshot is corrupt: {e.GetType().Name}: {e.Message}");
    }
}
