using System.Text;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>A bare <c>new object()</c>, often a lock or a sentinel: only its identity is saved.</summary>
    internal sealed class PlainObjectCodec : ObjectCodec
    {
        public static readonly PlainObjectCodec Instance = new PlainObjectCodec();

        public override bool FillsInPlace => true;

        public override void Write(object value, StateWriter writer) { }

        public override object Create(StateReader reader, LoadedType type) => new object();

        public override void Fill(object instance, StateReader reader, LoadedType type) { }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan) { }
    }

    /// <summary>A StringBuilder is saved as its text, keeping its identity.</summary>
    internal sealed class StringBuilderCodec : ObjectCodec
    {
        public static readonly StringBuilderCodec Instance = new StringBuilderCodec();

        public override bool FillsInPlace => true;

        public override void Reset(object instance) => ((StringBuilder)instance).Clear();

        public override void Write(object value, StateWriter writer) => writer.WriteValue(value.ToString());

        public override object Create(StateReader reader, LoadedType type) => new StringBuilder();

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan) => reader.ScanToEnd(scan);

        public override void Fill(object instance, StateReader reader, LoadedType type) =>
            ((StringBuilder)instance).Append(reader.ReadItem<string>("StringBuilder text"));
    }
}
