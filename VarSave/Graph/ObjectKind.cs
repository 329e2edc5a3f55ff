using VarSave.Codecs;

namespace VarSave.Graph
{
    /// <summary>How the objects of one run-time type are saved: decided once per type per save.</summary>
    internal sealed class ObjectKind
    {
        public ObjectKind(ObjectCodec codec, int typeId, bool marked)
        {
            Codec = codec;
            TypeId = typeId;
            Marked = marked;
        }

        public ObjectCodec Codec { get; }
        public int TypeId { get; }

        /// <summary>A woven class that carries a save mark (<see cref="Runtime.IMarked"/>).</summary>
        public bool Marked { get; }
    }
}
