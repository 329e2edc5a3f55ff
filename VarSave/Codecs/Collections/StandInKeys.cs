using System;
using System.Globalization;
using System.Reflection;

namespace VarSave.Codecs.Collections
{
    /// <summary>
    /// Stand-in keys for <see cref="EntryLayout.Rebuild"/>: a distinct value of <typeparamref name="T"/> for each
    /// number. Strings, integers, enums and Guids have them directly; a tuple, a struct or a class (a record key, a
    /// coordinate tuple) gets one by giving its first part or field that has stand-ins the number, the rest left
    /// default; an <c>object</c> key is a new object. Null where none can be made (bool, a struct of bools). Whether a
    /// stand-in really differs from every key is decided by the collection's own comparer when it is added.
    /// </summary>
    internal static class StandInKeys<T>
    {
        public static readonly Func<ulong, T>? Make = Build();

        private static readonly Random Seeds = new Random();

        /// <summary>A random start, so a file cannot choose keys that collide with the stand-ins.</summary>
        public static ulong Start()
        {
            lock (Seeds) return (ulong)Seeds.Next() << 32 | (uint)Seeds.Next();
        }

        private static Func<ulong, T>? Build()
        {
            var type = typeof(T);
            if (type == typeof(string))
            {
                string prefix = "VarSave free slot " + Guid.NewGuid().ToString("N") + " ";
                return n => (T)(object)(prefix + n.ToString(CultureInfo.InvariantCulture));
            }
            if (type == typeof(Guid)) return _ => (T)(object)Guid.NewGuid();
            if (type == typeof(object)) return _ => (T)new object();
            Func<ulong, object>? box = Type.GetTypeCode(type) switch
            {
                TypeCode.SByte => n => unchecked((sbyte)n),
                TypeCode.Byte => n => unchecked((byte)n),
                TypeCode.Int16 => n => unchecked((short)n),
                TypeCode.UInt16 => n => unchecked((ushort)n),
                TypeCode.Char => n => unchecked((char)n),
                TypeCode.Int32 => n => unchecked((int)n),
                TypeCode.UInt32 => n => unchecked((uint)n),
                TypeCode.Int64 => n => unchecked((long)n),
                TypeCode.UInt64 => n => n,
                _ => null,
            };
            if (box != null) return type.IsEnum ? n => (T)Enum.ToObject(type, box(n)) : n => (T)box(n);
            var composite = Composite(type);
            return composite == null ? null : n => (T)composite(n);
        }

        /// <summary>A tuple built with one part set, or an object made without constructors with one field set.</summary>
        private static Func<ulong, object>? Composite(Type type)
        {
            if (type.IsAbstract || type.IsInterface || type.IsArray || type.IsPointer || type.IsByRef || typeof(Delegate).IsAssignableFrom(type)
                || type.ContainsGenericParameters || type.IsPrimitive || type == typeof(decimal))
                return null;
            if (BuiltinTypes.IsTuple(type) || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Generic.KeyValuePair<,>))
            {
                var parts = type.GetGenericArguments();
                for (int i = 0; i < parts.Length; i++)
                {
                    if (!(MakerOf(parts[i]) is Func<ulong, object> part)) continue;
                    var constructor = type.GetConstructor(parts);
                    if (constructor == null) return null;
                    int at = i;
                    return n =>
                    {
                        var args = new object?[parts.Length];
                        for (int j = 0; j < args.Length; j++) args[j] = j == at ? part(n) : Default(parts[j]);
                        return constructor.Invoke(args);
                    };
                }
                return null;
            }
            // Only types the loader itself builds this way: woven ones (saved keys of them are made without constructors too).
            if (Registry.TypeRegistry.FindByType(type) == null) return null;
            for (var current = type; current != null && current != typeof(object); current = current.BaseType)
            {
                foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!(MakerOf(field.FieldType) is Func<ulong, object> part)) continue;
                    return n =>
                    {
                        var instance = Allocator.Uninitialized(type);
                        if (!type.IsValueType) GC.SuppressFinalize(instance);
                        field.SetValue(instance, part(n));
                        return instance;
                    };
                }
            }
            return null;
        }

        private static Func<ulong, object>? MakerOf(Type type)
        {
            if (type == typeof(T)) return null;
            var make = (Delegate?)typeof(StandInKeys<>).MakeGenericType(type).GetField(nameof(Make))!.GetValue(null);
            return make == null ? null : n => make.DynamicInvoke(n)!;
        }

        private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
    }
}
