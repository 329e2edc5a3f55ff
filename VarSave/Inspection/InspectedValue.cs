using System;
using VarSave.Format;

namespace VarSave.Inspection
{
    /// <summary>
    /// A value decoded from a snapshot without its program: a primitive or string as a BCL value,
    /// a reference as an object id, an enum or struct by type id. Nothing of the program's is created.
    /// </summary>
    internal readonly struct InspectedValue
    {
        private InspectedValue(ValueTag tag, object? scalar, int id, InspectedValue[]? fields)
        {
            Tag = tag;
            Scalar = scalar;
            Id = id;
            Fields = fields;
        }

        public ValueTag Tag { get; }
        /// <summary>The primitive, string, date, enum bits (long) or external key.</summary>
        public object? Scalar { get; }
        /// <summary>The object id of a reference; the type id of an enum or struct; -1 otherwise.</summary>
        public int Id { get; }
        /// <summary>A struct's field values.</summary>
        public InspectedValue[]? Fields { get; }

        public bool IsReference => Tag == ValueTag.Ref;

        public static InspectedValue Of(ValueTag tag, object? scalar) => new InspectedValue(tag, scalar, -1, null);

        public static InspectedValue Reference(int id) => new InspectedValue(ValueTag.Ref, null, id, null);

        public static InspectedValue Enum(int typeId, long bits) => new InspectedValue(ValueTag.Enum, bits, typeId, null);

        public static InspectedValue Struct(int typeId, InspectedValue[] fields) => new InspectedValue(ValueTag.Struct, null, typeId, fields);

        public static readonly InspectedValue Null = Of(ValueTag.Null, null);
    }

    /// <summary>One part of a record: a field, an element, a dictionary entry (with its key), a queued item (with its priority) or a named part such as a comparer.</summary>
    internal readonly struct InspectedMember
    {
        public InspectedMember(string? name, int index, InspectedValue value, InspectedValue? key = null)
        {
            Name = name;
            Index = index;
            Value = value;
            Key = key;
        }

        /// <summary>The field or part name; null for an element.</summary>
        public string? Name { get; }
        /// <summary>The element or entry index; -1 for a field.</summary>
        public int Index { get; }
        public InspectedValue Value { get; }
        /// <summary>A dictionary entry's key, or a priority queue item's priority.</summary>
        public InspectedValue? Key { get; }
    }
}
