using System;
using System.Collections.Generic;
using VarSave.Codecs;
using VarSave.Format;
using VarSave.Registry;

namespace VarSave.Graph
{
    /// <summary>
    /// Gives each run-time type a small id and writes its descriptor once. A descriptor names
    /// the type by key (namespace and name), never by assembly, so another program that
    /// defines the same types can load the snapshot.
    /// </summary>
    internal sealed class TypeTableWriter
    {
        private readonly Dictionary<Type, int> _ids = new Dictionary<Type, int>();
        private readonly ByteWriter _bytes = new ByteWriter();

        public int Count => _ids.Count;

        public ByteWriter Bytes => _bytes;

        /// <summary>The id of <paramref name="type"/>, or null when no loading program could recreate it.</summary>
        public int? TryGetId(Type type)
        {
            if (_ids.TryGetValue(type, out int id)) return id;
            return TryDescribe(type);
        }

        private int? TryDescribe(Type type)
        {
            if (BuiltinTypes.TryGetCode(type, out byte code))
                return Add(type, w => { w.WriteByte((byte)TypeKind.Builtin); w.WriteByte(code); });

            if (type.IsArray)
            {
                var element = TryGetId(type.GetElementType()!);
                if (element == null || type.GetArrayRank() > FormatConstants.MaxTypeArity) return null;
                int rank = IsVector(type) ? 0 : type.GetArrayRank();
                return Add(type, w => { w.WriteByte((byte)TypeKind.Array); w.WriteCount(element.Value); w.WriteCount(rank); });
            }

            var woven = TypeRegistry.FindByType(type);
            if (woven != null)
            {
                var args = TryGetArgumentIds(type);
                if (args == null) return null;
                return Add(type, w =>
                {
                    w.WriteByte((byte)TypeKind.Woven);
                    w.WriteString(woven.Key);
                    WriteIds(w, args);
                    w.WriteCount(woven.FieldNames.Length);
                    foreach (var name in woven.FieldNames) w.WriteString(name);
                });
            }

            if (type.IsGenericType && BuiltinTypes.TryGetGenericCode(type.GetGenericTypeDefinition(), out byte genericCode))
            {
                var args = TryGetArgumentIds(type);
                if (args == null) return null;
                return Add(type, w => { w.WriteByte((byte)TypeKind.BuiltinGeneric); w.WriteByte(genericCode); WriteIds(w, args); });
            }

            return null;
        }

        private int[]? TryGetArgumentIds(Type type)
        {
            if (!type.IsGenericType) return Array.Empty<int>();
            var arguments = type.GetGenericArguments();
            var ids = new int[arguments.Length];
            for (int i = 0; i < arguments.Length; i++)
            {
                var id = TryGetId(arguments[i]);
                if (id == null) return null;
                ids[i] = id.Value;
            }
            return ids;
        }

        private int Add(Type type, Action<ByteWriter> describe)
        {
            describe(_bytes);
            int id = _ids.Count;
            _ids.Add(type, id);
            return id;
        }

        private static void WriteIds(ByteWriter writer, int[] ids)
        {
            writer.WriteCount(ids.Length);
            foreach (int id in ids) writer.WriteCount(id);
        }

        internal static bool IsVector(Type arrayType) => arrayType == arrayType.GetElementType()!.MakeArrayType();
    }
}
