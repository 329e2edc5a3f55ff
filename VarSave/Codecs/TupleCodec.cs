using System;
using System.Reflection;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>System.Tuple: a reference type, so created empty and filled field by field like any object (cycles work).</summary>
    internal sealed class TupleCodec : ObjectCodec
    {
        private readonly Type _type;
        private readonly FieldInfo[] _fields;

        public TupleCodec(Type type)
        {
            _type = type;
            _fields = StructuralFields.Of(type);
        }

        public override void Write(object value, StateWriter writer)
        {
            for (int i = 0; i < _fields.Length; i++) writer.WriteElement(i, _fields[i].GetValue(value));
        }

        public override object Create(StateReader reader, LoadedType type) => Allocator.Uninitialized(_type);

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan) => reader.ScanToEnd(scan);

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            foreach (var field in _fields)
            {
                var value = reader.ReadValue();
                if (!StateReader.Fits(value, field.FieldType) || value == null && field.Name == "m_Rest")
                    throw StateReader.Mismatch(value, field.FieldType, type.Name + "." + field.Name);
                field.SetValue(instance, value);
            }
        }
    }
}
