using System.Collections.Generic;
using System.IO;
using VarSave;

namespace AssemblyToProcess
{
    public class WithTransient
    {
        public int Kept = 1;
        [Transient] public int Dropped = 2;
    }

    public class Holder
    {
        public object? Anything;
        public Dictionary<string, int> Scores = new Dictionary<string, int>();
    }

    public class WithUnsaveableField
    {
        public Stream? Log; // the weaver warns: can never be saved

        public bool IsOpen => Log != null;
    }

    /// <summary>A static that tests set and clear: SaveEverything saves every woven static, so it must not stay unsaveable.</summary>
    public static class Roots
    {
        public static object? Current;
    }
}
