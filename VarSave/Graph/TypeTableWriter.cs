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
        private readonly Dictionary<DelegateTarget, int> _methodIds = new Dictionary<DelegateTarget, int>();
        private readonly ByteWriter _bytes = new ByteWriter();

        public int Count { get; private set; }

        public ByteWriter Bytes => _bytes;

        /// <summary>The id of <paramref name="type"/>, or null when no loading program could recreate it.</summary>
        public int? TryGetId(Type type)
        {
            if (_ids.TryGetValue(type, out int id)) return id;
            return TryDescribe(type);
        }

        /// <summary>The id of a delegate target entry, or null when its delegate type cannot be described.</summary>
        public int? TryGetMethodId(DelegateTarget target)
        {
            if (_methodIds.TryGetValue(target, out int id)) return id;
            var delegateType = TryGetId(target.DelegateType);
            if (delegateType == null) return null;
            if (target.Generic == null)
            {
                _bytes.WriteByte((byte)TypeKind.Method);
                _bytes.WriteString(target.Key);
                _bytes.WriteCount(delegateType.Value);
            }
            else
            {
                var typeArguments = TryGetIds(target.TypeArguments);
                var methodArguments = TryGetIds(target.MethodArguments);
                if (typeArguments == null || methodArguments == null) return null;
                _bytes.WriteByte((byte)TypeKind.GenericMethod);
                _bytes.WriteString(target.Key);
                _bytes.WriteCount(delegateType.Value);
                WriteIds(_bytes, typeArguments);
                WriteIds(_bytes, methodArguments);
            }
            _methodIds.Add(target, Count);
            return Count++;
        }

        private int? TryDescribe(Type type)
        {
            // An object whose class is internal to the BCL (Random.Shared, a string comparer) is named by its public type.
            var face = BuiltinTypes.PublicFace(type);
            if (face != type)
            {
                var faceId = TryGetId(face);
                if (faceId != null) _ids.Add(type, faceId.Value);
                return faceId;
            }

            var described = TryDescribeByName(type);
            if (described != null) return described;
            // A delegate type woven code made delegates of: the registration vouches for it, whatever its signature names.
            if (typeof(Delegate).IsAssignableFrom(type) && DelegateRegistry.AnyOfDelegateType(type) is DelegateTarget registered)
                return Add(type, w => { w.WriteByte((byte)TypeKind.RegisteredDelegate); w.WriteString(registered.Key); w.WriteString(TypeNames.Of(type)); });
            return null;
        }

        /// <summary>Built-in and woven types, arrays, and generic instances of them over describable arguments.</summary>
        private int? TryDescribeByName(Type type)
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

            if (Codecs.Surrogates.SurrogateRegistry.Find(type) is Codecs.Surrogates.Surrogate surrogate)
                return Add(type, w => { w.WriteByte((byte)TypeKind.Surrogate); w.WriteString(surrogate.Key); });

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

        private int[]? TryGetArgumentIds(Type type) => type.IsGenericType ? TryGetIds(type.GetGenericArguments()) : Array.Empty<int>();

        private int[]? TryGetIds(Type[] arguments)
        {
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
            _ids.Add(type, Count);
            return Count++;
        }

        private static void WriteIds(ByteWriter writer, int[] ids)
        {
            writer.WriteCount(ids.Length);
            foreach (int id in ids) writer.WriteCount(id);
        }

        internal static bool IsVector(Type arrayType) => arrayType == arrayType.GetElementType()!.MakeArrayType();
    }
}
