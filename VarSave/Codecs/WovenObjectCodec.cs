using System;
using VarSave.Graph;
using VarSave.Registry;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>Objects of woven classes: their own capture and restore methods do the fields.</summary>
    internal sealed class WovenObjectCodec : ObjectCodec
    {
        private readonly WovenType _woven;
        private readonly Type _type;

        public WovenObjectCodec(WovenType woven, Type type)
        {
            _woven = woven;
            _type = type;
        }

        public override bool FillsInPlace => true;

        public override void Write(object value, StateWriter writer)
        {
            writer.BeginFields(_woven.FieldNames);
            ((IStateful)value).CaptureState(writer);
        }

        public override object Create(StateReader reader, LoadedType type)
        {
            // A field added since the save gets its initializer's value; the constructor body never runs.
            var factory = type.MissesFields && _woven.InitializedFactory != null ? _woven.InitializedFactory : _woven.Factory;
            return factory?.Invoke() ?? Allocator.Uninitialized(_type);
        }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan) => reader.ScanFields(type, scan);

        public override void Fill(object instance, StateReader reader, LoadedType type) =>
            reader.RestoreWoven((IStateful)instance, type);
    }
}
