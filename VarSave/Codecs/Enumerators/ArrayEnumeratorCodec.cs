using System;
using System.Reflection;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>
    /// The enumerator of an array seen as <c>IEnumerable&lt;T&gt;</c> (the runtime's internal
    /// <c>SZGenericArrayEnumerator&lt;T&gt;</c>): its array, index and end. Arrays have no version.
    /// A <c>foreach</c> over a variable typed as an array needs none of this: it compiles to an index loop.
    /// </summary>
    internal sealed class ArrayEnumeratorCodec<T> : ObjectCodec
    {
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        private static readonly Type? EnumeratorType = Definition?.MakeGenericType(typeof(T));
        private static readonly FieldInfo? Array = EnumeratorType?.GetField("_array", Private);
        private static readonly FieldInfo? Index = EnumeratorType?.BaseType?.GetField("_index", Private) ?? EnumeratorType?.GetField("_index", Private);
        private static readonly FieldInfo? End = EnumeratorType?.BaseType?.GetField("_endIndex", Private) ?? EnumeratorType?.GetField("_endIndex", Private);

        /// <summary>The runtime's generic array enumerator, if it has the known layout.</summary>
        public static Type? Definition => typeof(object).Assembly.GetType("System.SZGenericArrayEnumerator`1");

        public static bool Available => Array != null && Index != null && End != null;

        public override void Write(object value, StateWriter writer)
        {
            writer.WriteMember("_array", Array!.GetValue(value));
            writer.Output.WriteVarInt((int)Index!.GetValue(value)!);
            writer.Output.WriteVarInt((int)End!.GetValue(value)!);
        }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan) => reader.ScanValue(scan);

        public override object Create(StateReader reader, LoadedType type) => Allocator.Uninitialized(EnumeratorType!);

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var array = reader.ReadItem<T[]>(type.Name + "._array") ?? throw reader.Input.Corrupt($"{type.Name} has no array");
            long index = reader.Input.ReadVarInt(), end = reader.Input.ReadVarInt();
            if (end != array.Length || index < -1 || index > end) throw reader.Input.Corrupt($"{type.Name} is at {index} of {end} over {array.Length} items");
            Array!.SetValue(instance, array);
            Index!.SetValue(instance, (int)index);
            End!.SetValue(instance, (int)end);
        }
    }
}
