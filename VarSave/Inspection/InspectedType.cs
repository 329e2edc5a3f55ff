using System;
using VarSave.Format;

namespace VarSave.Inspection
{
    /// <summary>How a record of a type is laid out, known from the type table alone.</summary>
    internal enum RecordShape
    {
        /// <summary>Not an object: a method entry of a delegate, or a type only used for values.</summary>
        None,
        /// <summary>A woven object: one value per field of the type's schema.</summary>
        Fields,
        /// <summary>A bare <c>object</c>: an empty record.</summary>
        Plain,
        /// <summary>A StringBuilder: one string value.</summary>
        Text,
        /// <summary>A single-dimension array: count, items.</summary>
        Vector,
        /// <summary>A multi-dimensional array: one length per dimension, items in row-major order.</summary>
        MultiArray,
        /// <summary>List, Queue, Stack, LinkedList: count, items.</summary>
        Sequence,
        /// <summary>HashSet: count, comparer, items.</summary>
        Set,
        /// <summary>Dictionary, SortedDictionary: count, comparer, key and value per entry.</summary>
        Map,
        /// <summary>System.Tuple: one value per element.</summary>
        Tuple,
        /// <summary>A delegate: count, then per entry a method entry and a target.</summary>
        Delegate,
        /// <summary>A type this version of the decoder has no layout for: its records are shown as bytes.</summary>
        Opaque,
    }

    /// <summary>One entry of a snapshot's type table, decoded without looking the type up in any program.</summary>
    internal sealed class InspectedType
    {
        /// <summary>Longest type name kept: names nest earlier names, and a hostile table could double them at every entry.</summary>
        public const int MaxNameLength = 300;

        public InspectedType(int id, TypeKind kind, string name, RecordShape shape)
        {
            Id = id;
            Kind = kind;
            Name = name.Length > MaxNameLength ? name.Substring(0, MaxNameLength) + "…" : name;
            Shape = shape;
        }

        public int Id { get; }
        public TypeKind Kind { get; }
        /// <summary>Display name: the woven key, the BCL name with its arguments, or the method key.</summary>
        public string Name { get; }
        public RecordShape Shape { get; }
        /// <summary>A woven type's saved field names (a woven struct's too).</summary>
        public string[] FieldNames { get; set; } = Array.Empty<string>();
        /// <summary>Generic arguments (type ids), or an array's element type as its only entry.</summary>
        public int[] Arguments { get; set; } = Array.Empty<int>();
        /// <summary>An array's rank (0 for a vector).</summary>
        public int Rank { get; set; }
        /// <summary>How many values a tuple holds (its arity).</summary>
        public int TupleArity => Arguments.Length;
    }
}
