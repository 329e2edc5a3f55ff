using System;
using System.Linq;
using VarSave.Codecs;
using VarSave.Format;
using VarSave.Registry;

namespace VarSave.Graph
{
    /// <summary>
    /// Reads the type table and resolves each entry against the loading program. Types are
    /// looked up only in the woven registry and the fixed BCL list; a name from the file is
    /// never handed to <c>Type.GetType</c>. Entries refer only to earlier entries, so
    /// resolution needs no recursion and no cycle check.
    /// </summary>
    internal static class TypeTableReader
    {
        public static LoadedType[] Read(ByteReader reader, LoadReportBuilder report)
        {
            int count = reader.ReadCount("type", minBytesEach: 2);
            var types = new LoadedType[count];
            var shapes = new TypeShapes(reader);
            for (int id = 0; id < count; id++)
                types[id] = ReadOne(reader, types, id, report, shapes);
            return types;
        }

        private static LoadedType ReadOne(ByteReader reader, LoadedType[] earlier, int id, LoadReportBuilder report, TypeShapes shapes)
        {
            var kind = (TypeKind)reader.ReadByte();
            switch (kind)
            {
                case TypeKind.Builtin:
                {
                    var type = BuiltinTypes.FromCode(reader.ReadByte()) ?? throw reader.Corrupt("unknown built-in type code");
                    return LoadedType.Found(type.FullName!, type);
                }
                case TypeKind.BuiltinGeneric:
                {
                    var definition = BuiltinTypes.GenericFromCode(reader.ReadByte()) ?? throw reader.Corrupt("unknown generic type code");
                    var args = ReadArguments(reader, earlier, id);
                    return shapes.Constructed(definition.Name, definition, args, () => Close(definition, definition.Name, args, reader));
                }
                case TypeKind.Woven:
                {
                    string key = reader.ReadString();
                    var args = ReadArguments(reader, earlier, id);
                    var fields = new string[reader.ReadCount("field")];
                    for (int i = 0; i < fields.Length; i++) fields[i] = reader.ReadString();
                    var woven = TypeRegistry.FindByKey(key);
                    if (woven == null)
                        return LoadedType.Missing(key, $"it holds a {key}, but the loading program defines no woven type {key}; define it (same namespace and name) in a woven assembly");
                    if (woven.Type.IsGenericTypeDefinition != args.Length > 0 || (args.Length > 0 && woven.Type.GetGenericArguments().Length != args.Length))
                        return LoadedType.Missing(key, $"it holds a {key}, which has a different number of generic parameters in the loading program");
                    var loaded = args.Length == 0 ? LoadedType.Found(key, woven.Type) : shapes.Constructed(key, woven.Type, args, () => Close(woven.Type, key, args, reader));
                    if (loaded.Type == null) return loaded;
                    var ignored = new System.Collections.Generic.List<string>();
                    loaded.MapFields(woven, fields, report.DefaultedFields, ignored);
                    if (ignored.Count > 0 && IsCompilerState(key))
                        return LoadedType.Missing(key, $"it holds the closure {key}, whose method no longer captures {string.Join(", ", ignored.ConvertAll(f => f.Substring(loaded.Name.Length + 1)))} in the loading program: the method changed, so the saved closure cannot be resumed safely");
                    report.IgnoredFields.AddRange(ignored);
                    return loaded;
                }
                case TypeKind.Array:
                {
                    var element = earlier[reader.ReadIndex("array element type", id)];
                    int rank = reader.ReadIndex("array rank", FormatConstants.MaxTypeArity + 1);
                    string name = TypeShapes.Shorten(element.Name) + (rank == 0 ? "[]" : "[" + new string(',', rank - 1) + "]");
                    return shapes.Constructed(name, null, new[] { element }, () =>
                    {
                        if (element.Type == null) return LoadedType.Missing(name, element.MissingReason!);
                        return LoadedType.Found(name, rank == 0 ? element.Type.MakeArrayType() : element.Type.MakeArrayType(rank));
                    });
                }
                case TypeKind.Method:
                {
                    string key = reader.ReadString();
                    var delegateType = earlier[reader.ReadIndex("delegate type", id)];
                    if (delegateType.Type == null) return LoadedType.Missing(key, delegateType.MissingReason!);
                    var target = DelegateRegistry.FindByKey(key, delegateType.Type);
                    return target == null
                        ? LoadedType.Missing(key, $"it holds a delegate to {key}, which no woven module of the loading program makes into a {delegateType.Name}: the method that created it changed or was removed")
                        : LoadedType.ForDelegate(target);
                }
                case TypeKind.GenericMethod:
                {
                    string key = reader.ReadString();
                    var delegateType = earlier[reader.ReadIndex("delegate type", id)];
                    var typeArguments = ReadArguments(reader, earlier, id);
                    var methodArguments = ReadArguments(reader, earlier, id);
                    if (delegateType.Type == null) return LoadedType.Missing(key, delegateType.MissingReason!);
                    foreach (var argument in typeArguments.Concat(methodArguments))
                        if (argument.Type == null) return LoadedType.Missing(key, argument.MissingReason!);
                    var generic = DelegateRegistry.FindGenericByKey(key, delegateType.Type);
                    if (generic == null)
                        return LoadedType.Missing(key, $"it holds a delegate to {key}, which no woven module of the loading program makes into a {delegateType.Name}: the method that created it changed or was removed");
                    return LoadedType.ForDelegate(generic.Close(TypesOf(typeArguments), TypesOf(methodArguments), delegateType.Type));
                }
                case TypeKind.RegisteredDelegate:
                {
                    string key = reader.ReadString();
                    string name = reader.ReadString();
                    var type = DelegateRegistry.FindDelegateType(key, name);
                    return type == null
                        ? LoadedType.Missing(name, $"it holds a {name}, a delegate type that no woven code of the loading program makes delegates of with {key}")
                        : LoadedType.Found(name, type);
                }
                case TypeKind.Surrogate:
                {
                    string key = reader.ReadString();
                    var surrogate = Codecs.Surrogates.SurrogateRegistry.FindByKey(key);
                    return surrogate == null
                        ? LoadedType.Missing(key, $"it holds a {key} saved through a surrogate, but the loading program registered none for {key}: call VarSave.Surrogates.Register before loading")
                        : LoadedType.Found(key, surrogate.Type);
                }
                default:
                    throw reader.Corrupt($"unknown type kind {(byte)kind}");
            }
        }

        /// <summary>Closures and state machines: a saved variable the loading program's version lacks means the method changed.</summary>
        private static bool IsCompilerState(string key) => key.Contains("#closure") || key.Contains("#statemachine");

        private static Type[] TypesOf(LoadedType[] loaded) => Array.ConvertAll(loaded, l => l.Type!);

        private static LoadedType[] ReadArguments(ByteReader reader, LoadedType[] earlier, int id)
        {
            int count = reader.ReadIndex("generic argument count", FormatConstants.MaxTypeArity + 1);
            var args = new LoadedType[count];
            for (int i = 0; i < count; i++) args[i] = earlier[reader.ReadIndex("generic argument type", id)];
            return args;
        }

        private static LoadedType Close(Type definition, string name, LoadedType[] args, ByteReader reader)
        {
            if (definition.GetGenericArguments().Length != args.Length)
                throw reader.Corrupt($"{name} takes {definition.GetGenericArguments().Length} type arguments, not {args.Length}");
            var closed = new Type[args.Length];
            var display = name.Split('`')[0] + "<";
            for (int i = 0; i < args.Length; i++)
            {
                display += (i > 0 ? "," : "") + TypeShapes.Shorten(args[i].Name);
                if (args[i].Type == null) return LoadedType.Missing(display + ">", args[i].MissingReason!);
                closed[i] = args[i].Type!;
            }
            display += ">";
            // An eight-element tuple's rest must be a tuple of the same family: the constructor that
            // would check it never runs, and a mixed one breaks Equals, GetHashCode and ToString.
            if (args.Length == 8 && BuiltinTypes.IsTuple(definition) && !(BuiltinTypes.IsTuple(closed[7]) && closed[7].IsValueType == definition.IsValueType))
                throw reader.Corrupt($"{display}: the eighth argument of an eight-element tuple must be a tuple of the same kind");
            try
            {
                return LoadedType.Found(display, definition.MakeGenericType(closed));
            }
            catch (ArgumentException e)
            {
                throw new SnapshotMismatchException($"The snapshot uses {display}, which the loading program's type constraints do not allow: {e.Message}");
            }
            catch (TypeLoadException e)
            {
                throw reader.Corrupt($"{display} cannot be loaded by the runtime ({e.Message}); a struct this large is refused");
            }
        }
    }
}
