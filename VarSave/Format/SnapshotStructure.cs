using VarSave.Graph;

namespace VarSave.Format
{
    /// <summary>
    /// Checks a snapshot's frame without creating any object: the envelope and checksum, the type
    /// table, the string table, and that every object record lies within the objects section,
    /// which the roots follow. What is inside each record was checked while it was written
    /// (counts against items enumerated, collections unchanged). Used before a save replaces a file.
    /// </summary>
    internal static class SnapshotStructure
    {
        /// <summary>Throws <see cref="SnapshotFormatException"/> if the frame is damaged.</summary>
        public static void Check(byte[] data)
        {
            // The signature is checked by loads; a save may sign with a key the reader holds, not this one.
            int bodyEnd = Envelope.Check(data, signingKey: null);
            var input = new ByteReader(data, FormatConstants.HeaderLength, bodyEnd);
            int types = TypeTableReader.Read(input, new LoadReportBuilder()).Length;
            int strings = input.ReadCount("string");
            for (int i = 0; i < strings; i++) input.Skip(input.ReadCount("string byte", 1, int.MaxValue, nameof(LoadLimits.MaxStringBytes)));
            int objects = input.ReadCount("object", 5, int.MaxValue, nameof(LoadLimits.MaxObjects));
            for (int id = 0; id < objects; id++)
            {
                input.ReadIndex("object type", types);
                uint length = input.ReadUInt32();
                if (length > (uint)input.Remaining) throw input.Corrupt($"object {id} claims {length} bytes; {input.Remaining} are left");
                input.Skip((int)length);
            }
            // The roots: a count of static holders and a count of locals at the least.
            if (input.Remaining < 2) throw input.Corrupt("the roots are missing");
        }
    }
}
