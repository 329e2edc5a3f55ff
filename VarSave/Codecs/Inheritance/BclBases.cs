using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using VarSave.Codecs.Exceptions;
using VarSave.Registry;

namespace VarSave.Codecs.Inheritance
{
    /// <summary>
    /// Decides how a woven class is saved from its nearest base that is not woven: <c>object</c> or
    /// a class without fields adds nothing; a supported BCL collection or exception is saved by its
    /// own codec before the woven fields; any other class with fields would lose them, so objects
    /// of the woven class are refused with the reason. Fields are read from the run-time types (the
    /// implementation, not the reference assembly the program was compiled against).
    /// </summary>
    internal static class BclBases
    {
        private static readonly HashSet<Type> DerivableGenerics = new HashSet<Type>
        {
            typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(SortedDictionary<,>), typeof(Queue<>), typeof(Stack<>),
            typeof(LinkedList<>), typeof(System.Collections.ObjectModel.Collection<>), typeof(System.Collections.ObjectModel.ObservableCollection<>),
        };

        public static ObjectCodec CodecFor(WovenType woven, Type type)
        {
            var wovenCodec = new WovenObjectCodec(woven, type);
            var baseType = NearestUnwovenBase(type);
            if (baseType == null || baseType == typeof(object)) return wovenCodec;
            if (baseType.IsGenericType && DerivableGenerics.Contains(baseType.GetGenericTypeDefinition()))
                return new DerivedWovenCodec(CodecCatalog.For(baseType)!, wovenCodec);
            if (ExceptionCodec.IsBclException(baseType)) return new DerivedWovenCodec(new ExceptionCodec(baseType), wovenCodec);
            var fields = InstanceFieldNames(baseType);
            if (fields.Count == 0) return wovenCodec;
            return new RefusedCodec(type,
                $"it derives from {baseType.FullName}, which is not woven and holds fields of its own ({string.Join(", ", fields.Take(5))}" +
                (fields.Count > 5 ? ", ..." : "") + $"): they would be lost. Weave the assembly that defines {baseType.Name}, " +
                "derive from a supported collection or exception instead, or keep that state in a field.");
        }

        private static Type? NearestUnwovenBase(Type type)
        {
            var current = type.BaseType;
            while (current != null && TypeRegistry.FindByType(current) != null) current = current.BaseType;
            return current;
        }

        private static List<string> InstanceFieldNames(Type type)
        {
            var names = new List<string>();
            for (var current = type; current != null && current != typeof(object); current = current.BaseType)
                foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    names.Add(current.Name + "." + field.Name);
            return names;
        }
    }

    /// <summary>Objects of a woven type that cannot be saved whole: a save or a dry run fails at them with the reason.</summary>
    internal sealed class RefusedCodec : ObjectCodec
    {
        private readonly Type _type;
        private readonly string _reason;

        public RefusedCodec(Type type, string reason)
        {
            _type = type;
            _reason = reason;
        }

        public override void Write(object value, Runtime.StateWriter writer) => throw writer.Unsaveable(_type, _reason);

        public override object Create(Runtime.StateReader reader, Graph.LoadedType type) =>
            throw new SnapshotMismatchException($"The snapshot stores a {type.Name}, which cannot be loaded: {_reason}");

        public override void Fill(object instance, Runtime.StateReader reader, Graph.LoadedType type) { }

        public override void ScanReferences(Runtime.StateReader reader, Graph.LoadedType type, Graph.ReferenceScan scan) { }
    }
}
