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
        /// <summary>List, Queue, Stack, LinkedList, ArrayList, Collection, the concurrent and immutable sequences: count, items.</summary>
        Sequence,
        /// <summary>HashSet, SortedSet, the immutable and frozen sets: count, comparer, items.</summary>
        Set,
        /// <summary>The dictionaries (Hashtable too): count, key comparer (an immutable one's value comparer next), key and value per entry.</summary>
        Map,
        /// <summary>A PriorityQueue: count, priority comparer, then element and priority per item in the heap's order.</summary>
        PriorityQueue,
        /// <summary>A read-only view (ReadOnlyCollection, ReadOnlyDictionary): the reference to the collection it wraps.</summary>
        Wrapper,
        /// <summary>A BitArray: its length in bits, then 32-bit words.</summary>
        Bits,
        /// <summary>System.Tuple: one value per element.</summary>
        Tuple,
        /// <summary>A delegate: count, then per entry a method entry and a target.</summary>
        Delegate,
        /// <summary>A type this version of the decoder has no layout for: its records are shown as bytes.</summary>
        Opaque,
    }

    /// <summary>What a set's or map's header holds beyond its comparer.</summary>
    [Flags]
    internal enum HeaderParts
    {
        None = 0,
        /// <summary>The comparer code may carry the flag of an entry layout (HashSet, Dictionary: their free slots follow).</summary>
        EntryLayout = 1,
        /// <summary>A value comparer follows the key comparer (ImmutableDictionary, ImmutableSortedDictionary).</summary>
        ValueComparer = 2,
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
        /// <summary>What a set's or map's header holds beyond its comparer.</summary>
        public HeaderParts Header { get; set; }
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
