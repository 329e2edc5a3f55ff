using VarSave.Codecs;

namespace VarSave.Graph
{
    /// <summary>An object the save walk has met: what it is, how it is encoded, and how it was first reached.</summary>
    internal struct WalkEntry
    {
        public object Instance;
        public ObjectCodec Codec;
        public int TypeId;
        public PathStep Step;
    }
}
