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

        public override void Write(object value, StateWriter writer)
        {
            writer.BeginFields(_woven.FieldNames);
            ((IStateful)value).CaptureState(writer);
        }

        public override object Create(StateReader reader, LoadedType type) =>
            _woven.Factory?.Invoke() ?? Allocator.Uninitialized(_type);

        public override void Fill(object instance, StateReader reader, LoadedType type) =>
            reader.RestoreWoven((IStateful)instance, type);
    }
}
