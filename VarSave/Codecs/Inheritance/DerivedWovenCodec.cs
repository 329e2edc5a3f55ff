using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Inheritance
{
    /// <summary>
    /// A woven class derived from a supported BCL class (<c>class Deck : List&lt;Card&gt;</c>,
    /// <c>class InkList : Dictionary&lt;InkListItem, int&gt;</c>, an exception): the record is the BCL
    /// part, written by that class's own codec, then the woven fields. Loading makes the instance
    /// without constructors, runs only the BCL base's constructor on it, then fills both parts.
    /// </summary>
    internal sealed class DerivedWovenCodec : ObjectCodec
    {
        private readonly ObjectCodec _base;
        private readonly WovenObjectCodec _woven;

        public DerivedWovenCodec(ObjectCodec baseCodec, WovenObjectCodec woven)
        {
            _base = baseCodec;
            _woven = woven;
        }

        public override bool FillsLate => _base.FillsLate;

        public override bool FillsInPlace => _base.FillsInPlace;

        public override CreationPhase Phase => _base.Phase;

        public override void Reset(object instance) => _base.Reset(instance);

        public override void Write(object value, StateWriter writer)
        {
            _base.Write(value, writer);
            _woven.Write(value, writer);
        }

        public override object Create(StateReader reader, LoadedType type)
        {
            var instance = _woven.Create(reader, type);
            ((IBaseCodec)_base).InitializeBase(instance, reader, type);
            return instance;
        }

        // The base part, then the woven fields (scanned as values: a field the loading type lacks only reaches more).
        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            _base.ScanReferences(reader, type, scan);
            reader.ScanToEnd(scan);
        }

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            _base.Fill(instance, reader, type);
            _woven.Fill(instance, reader, type);
        }
    }
}
