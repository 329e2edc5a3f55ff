using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text;
using VarSave.Codecs;
using VarSave.Format;

namespace VarSave.Inspection
{
    /// <summary>
    /// Reads the type table into names and record layouts only. BCL types come from the fixed
    /// list by code; woven types are only their keys and field names. Nothing is resolved
    /// against a program, so a snapshot of any program can be read.
    /// </summary>
    internal static class TypeTableDecoder
    {
        private const HeaderParts HashLayout = HeaderParts.EntryLayout;

        // Each layout as its codec writes it (Codecs/, CodecCatalog.cs); a type not listed is shown as bytes.
        private static readonly Dictionary<Type, (RecordShape Shape, HeaderParts Header)> GenericShapes = new Dictionary<Type, (RecordShape, HeaderParts)>
        {
            [typeof(List<>)] = (RecordShape.Sequence, default),
            [typeof(Queue<>)] = (RecordShape.Sequence, default),
            [typeof(Stack<>)] = (RecordShape.Sequence, default),
            [typeof(LinkedList<>)] = (RecordShape.Sequence, default),
            [typeof(Collection<>)] = (RecordShape.Sequence, default),
            [typeof(ObservableCollection<>)] = (RecordShape.Sequence, default),
            [typeof(ConcurrentQueue<>)] = (RecordShape.Sequence, default),
            [typeof(ConcurrentStack<>)] = (RecordShape.Sequence, default),
            [typeof(ConcurrentBag<>)] = (RecordShape.Sequence, default),
            [typeof(HashSet<>)] = (RecordShape.Set, HashLayout),
            [typeof(SortedSet<>)] = (RecordShape.Set, default),
            [typeof(Dictionary<,>)] = (RecordShape.Map, HashLayout),
            [typeof(SortedDictionary<,>)] = (RecordShape.Map, default),
            [typeof(SortedList<,>)] = (RecordShape.Map, default),
            [typeof(ConcurrentDictionary<,>)] = (RecordShape.Map, default),
            [typeof(ReadOnlyCollection<>)] = (RecordShape.Wrapper, default),
            [typeof(ReadOnlyDictionary<,>)] = (RecordShape.Wrapper, default),
#if NET
            [typeof(PriorityQueue<,>)] = (RecordShape.PriorityQueue, default),
            [typeof(System.Collections.Immutable.ImmutableList<>)] = (RecordShape.Sequence, default),
            [typeof(System.Collections.Immutable.ImmutableStack<>)] = (RecordShape.Sequence, default),
            [typeof(System.Collections.Immutable.ImmutableQueue<>)] = (RecordShape.Sequence, default),
            [typeof(System.Collections.Immutable.ImmutableHashSet<>)] = (RecordShape.Set, default),
            [typeof(System.Collections.Immutable.ImmutableSortedSet<>)] = (RecordShape.Set, default),
            [typeof(System.Collections.Frozen.FrozenSet<>)] = (RecordShape.Set, default),
            [typeof(System.Collections.Immutable.ImmutableDictionary<,>)] = (RecordShape.Map, HeaderParts.ValueComparer),
            [typeof(System.Collections.Immutable.ImmutableSortedDictionary<,>)] = (RecordShape.Map, HeaderParts.ValueComparer),
            [typeof(System.Collections.Frozen.FrozenDictionary<,>)] = (RecordShape.Map, default),
#endif
        };

        private static readonly Dictionary<Type, RecordShape> BuiltinShapes = new Dictionary<Type, RecordShape>
        {
            [typeof(object)] = RecordShape.Plain,
            [typeof(StringBuilder)] = RecordShape.Text,
            [typeof(System.Collections.ArrayList)] = RecordShape.Sequence,
            [typeof(System.Collections.Hashtable)] = RecordShape.Map,
            [typeof(System.Collections.BitArray)] = RecordShape.Bits,
        };

        public static InspectedType[] Read(ByteReader reader)
        {
            int count = reader.ReadCount("type", minBytesEach: 2);
            var types = new InspectedType[count];
            for (int id = 0; id < count; id++) types[id] = ReadOne(reader, types, id);
            return types;
        }

        private static InspectedType ReadOne(ByteReader reader, InspectedType[] earlier, int id)
        {
            var kind = (TypeKind)reader.ReadByte();
            switch (kind)
            {
                case TypeKind.Builtin:
                {
                    var type = BuiltinTypes.FromCode(reader.ReadByte()) ?? throw reader.Corrupt("unknown built-in type code");
                    return new InspectedType(id, kind, type.FullName!, BuiltinShape(type));
                }
                case TypeKind.BuiltinGeneric:
                {
                    var definition = BuiltinTypes.GenericFromCode(reader.ReadByte()) ?? throw reader.Corrupt("unknown generic type code");
                    var args = ReadArguments(reader, id);
                    if (definition.GetGenericArguments().Length != args.Length)
                        throw reader.Corrupt($"{definition.Name} takes {definition.GetGenericArguments().Length} type arguments, not {args.Length}");
                    string name = "System." + (definition.Namespace == "System" ? "" : definition.Namespace!.Substring("System.".Length) + ".")
                                  + definition.Name.Split('`')[0];
                    var (shape, header) = GenericShape(definition);
                    return new InspectedType(id, kind, Generic(name, args, earlier), shape) { Arguments = args, Header = header };
                }
                case TypeKind.Woven:
                {
                    string key = reader.ReadString();
                    var args = ReadArguments(reader, id);
                    var fields = new string[reader.ReadCount("field")];
                    for (int i = 0; i < fields.Length; i++) fields[i] = reader.ReadString();
                    return new InspectedType(id, kind, Generic(key.Split('`')[0], args, earlier), RecordShape.Fields) { Arguments = args, FieldNames = fields };
                }
                case TypeKind.Array:
                {
                    int element = reader.ReadIndex("array element type", id);
                    int rank = reader.ReadIndex("array rank", FormatConstants.MaxTypeArity + 1);
                    string name = earlier[element].Name + (rank == 0 ? "[]" : "[" + new string(',', rank - 1) + "]");
                    return new InspectedType(id, kind, name, rank == 0 ? RecordShape.Vector : RecordShape.MultiArray) { Arguments = new[] { element }, Rank = rank };
                }
                case TypeKind.Method:
                {
                    string key = reader.ReadString();
                    int delegateType = reader.ReadIndex("delegate type", id);
                    return new InspectedType(id, kind, key, RecordShape.None) { Arguments = new[] { delegateType } };
                }
                case TypeKind.GenericMethod:
                {
                    // Key, delegate type, then the declaring type's and the method's type arguments.
                    string key = reader.ReadString();
                    int delegateType = reader.ReadIndex("delegate type", id);
                    var typeArguments = ReadArguments(reader, id);
                    var methodArguments = ReadArguments(reader, id);
                    string name = Generic(key, typeArguments, earlier) + (methodArguments.Length > 0 ? " " + Generic("", methodArguments, earlier) : "");
                    return new InspectedType(id, kind, name, RecordShape.None) { Arguments = new[] { delegateType } };
                }
                case TypeKind.RegisteredDelegate:
                {
                    // A delegate type vouched for by a registered method: records of it are delegates.
                    reader.ReadString();
                    return new InspectedType(id, kind, reader.ReadString(), RecordShape.Delegate);
                }
                case TypeKind.Surrogate:
                    // A type saved through a program's registered surrogate: its record's layout is the program's choice.
                    return new InspectedType(id, kind, reader.ReadString(), RecordShape.Opaque);
                default:
                    throw reader.Corrupt($"unknown type kind {(byte)kind}");
            }
        }

        private static RecordShape BuiltinShape(Type type)
        {
            if (BuiltinShapes.TryGetValue(type, out var shape)) return shape;
            if (typeof(Delegate).IsAssignableFrom(type)) return RecordShape.Delegate;
            return RecordShape.None;
        }

        private static (RecordShape, HeaderParts) GenericShape(Type definition)
        {
            if (GenericShapes.TryGetValue(definition, out var layout)) return layout;
            if (typeof(Delegate).IsAssignableFrom(definition)) return (RecordShape.Delegate, default);
            if (BuiltinTypes.IsTuple(definition)) return (definition.IsValueType ? RecordShape.None : RecordShape.Tuple, default);
            // Nullable and KeyValuePair appear only as values; a newer codec this decoder does not know is shown as bytes.
            return (definition.IsValueType ? RecordShape.None : RecordShape.Opaque, default);
        }

        private static int[] ReadArguments(ByteReader reader, int id)
        {
            int count = reader.ReadIndex("generic argument count", FormatConstants.MaxTypeArity + 1);
            var args = new int[count];
            for (int i = 0; i < count; i++) args[i] = reader.ReadIndex("generic argument type", id);
            return args;
        }

        private static string Generic(string name, int[] args, InspectedType[] earlier)
        {
            if (args.Length == 0) return name;
            var text = new StringBuilder(name).Append('<');
            for (int i = 0; i < args.Length && text.Length <= InspectedType.MaxNameLength; i++)
                text.Append(i > 0 ? "," : "").Append(earlier[args[i]].Name);
            return text.Append('>').ToString();
        }
    }
}
