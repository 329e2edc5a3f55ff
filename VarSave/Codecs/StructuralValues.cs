using System;
using System.Linq;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>Rebuilds ValueTuple and KeyValuePair values through their all-fields constructor.</summary>
    internal static class StructuralValues
    {
        public static object Create(LoadedType type, object?[] values)
        {
            var fields = StructuralFields.Of(type.Type!);
            if (values.Length != fields.Length)
                throw new SnapshotFormatException($"A {type.Name} value has {values.Length} fields; the type has {fields.Length}.");
            for (int i = 0; i < values.Length; i++)
            {
                if (!StateReader.Fits(values[i], fields[i].FieldType))
                    throw StateReader.Mismatch(values[i], fields[i].FieldType, type.Name + "." + fields[i].Name);
            }
            var constructor = type.Type!.GetConstructor(fields.Select(f => f.FieldType).ToArray())
                ?? throw new SnapshotMismatchException($"{type.Name} has no constructor taking all its fields.");
            try
            {
                return constructor.Invoke(values);
            }
            catch (System.Reflection.TargetInvocationException e)
            {
                throw new SnapshotFormatException($"The snapshot is corrupt: a {type.Name} value cannot be built ({e.InnerException?.Message}).");
            }
        }
    }
}
