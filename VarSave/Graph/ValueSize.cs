using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace VarSave.Graph
{
    /// <summary>
    /// How many bytes a value of a type takes in memory (a reference: 8), estimated from its
    /// fields without padding. Bounds what a count in a file may make the load allocate.
    /// </summary>
    internal static class ValueSize
    {
        private static readonly ConcurrentDictionary<Type, long> Cache = new ConcurrentDictionary<Type, long>();

        /// <summary>The most bytes of memory one byte of a snapshot may stand for, in an array or collection of values.</summary>
        public const int BytesPerEncodedByte = 16;

        /// <summary>The fewest bytes a snapshot needs to encode one element of <paramref name="type"/>, judged by its size in memory.</summary>
        public static int MinEncodedBytes(Type type) => (int)Math.Max(1, Math.Min(int.MaxValue, (Of(type) + BytesPerEncodedByte - 1) / BytesPerEncodedByte));

        public static long Of(Type type)
        {
            if (!type.IsValueType) return IntPtr.Size;
            if (type.IsPrimitive || type.IsEnum || type.IsPointer) return Primitive(type.IsEnum ? Enum.GetUnderlyingType(type) : type);
            return Cache.GetOrAdd(type, t =>
            {
                long total = 0;
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                    total += Of(field.FieldType);
                return Math.Max(total, 1);
            });
        }

        private static long Primitive(Type type)
        {
            switch (Type.GetTypeCode(type))
            {
                case TypeCode.Boolean: case TypeCode.Byte: case TypeCode.SByte: return 1;
                case TypeCode.Char: case TypeCode.Int16: case TypeCode.UInt16: return 2;
                case TypeCode.Int32: case TypeCode.UInt32: case TypeCode.Single: return 4;
                default: return 8;
            }
        }
    }
}
