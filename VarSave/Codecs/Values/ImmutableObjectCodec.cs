using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Values
{
    /// <summary>
    /// An object that holds no references and is built whole from its record (a Uri, a Version, a
    /// Random): <see cref="Read"/> builds it when objects are created, which must consume the record
    /// exactly; filling has nothing left to do.
    /// </summary>
    internal abstract class ImmutableObjectCodec : ObjectCodec
    {
        protected abstract object Read(StateReader reader, LoadedType type);

        public sealed override object Create(StateReader reader, LoadedType type)
        {
            var instance = Read(reader, type);
            if (reader.Input.Remaining != 0) throw reader.Input.Corrupt($"a {type.Name} record has {reader.Input.Remaining} unread bytes");
            return instance;
        }

        // Holds no references (a surrogate's stand-in, which may, scans it).
        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan) { }

        public sealed override void Fill(object instance, StateReader reader, LoadedType type) => reader.Input.Skip(reader.Input.Remaining);
    }
}
