using System.CommandLine;
using System.IO;

namespace VarSave.Tool
{
    /// <summary>Arguments several commands share.</summary>
    internal static class Arguments
    {
        public static Argument<FileInfo> SnapshotFile(string name = "file", string description = "A snapshot file written by VarSave (ProgramState.SaveToFile, Snapshot.WriteToFile or ObjectSnapshot).") =>
            new Argument<FileInfo>(name) { Description = description };
    }
}
