using System;
using System.Collections.Generic;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Values
{
    /// <summary>
    /// <c>EqualityComparer&lt;T&gt;.Default</c> and <c>Comparer&lt;T&gt;.Default</c> held as values: their
    /// run-time classes are internal, so the type table names them as <c>EqualityComparer&lt;T&gt;</c> or
    /// <c>Comparer&lt;T&gt;</c> and loading gives the loading process's default. Nothing else is in the record.
    /// </summary>
    internal sealed class DefaultComparerCodec : ImmutableObjectCodec
    {
        private readonly object _default;

        private DefaultComparerCodec(object defaultComparer) => _default = defaultComparer;

        public override void Write(object value, StateWriter writer)
        {
            if (!ReferenceEquals(value, _default)) throw writer.Unsaveable(value.GetType(), "only the default comparer of this kind can be saved.");
        }

        protected override object Read(StateReader reader, LoadedType type) => _default;

        /// <summary>The public face of a default comparer's run-time type (<c>EqualityComparer&lt;T&gt;</c>), or null.</summary>
        public static Type? PublicFace(Type type)
        {
            if (type.IsAbstract || type.Assembly != typeof(EqualityComparer<>).Assembly) return null;
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (!current.IsGenericType) continue;
                var definition = current.GetGenericTypeDefinition();
                if (definition != typeof(EqualityComparer<>) && definition != typeof(Comparer<>)) continue;
                return DefaultOf(current)?.GetType() == type ? current : null;
            }
            return null;
        }

        /// <summary>The codec for <c>EqualityComparer&lt;T&gt;</c> or <c>Comparer&lt;T&gt;</c> itself (what the type table names).</summary>
        public static DefaultComparerCodec? For(Type type)
        {
            if (!type.IsGenericType) return null;
            var definition = type.GetGenericTypeDefinition();
            if (definition != typeof(EqualityComparer<>) && definition != typeof(Comparer<>)) return null;
            var value = DefaultOf(type);
            return value == null ? null : new DefaultComparerCodec(value);
        }

        private static object? DefaultOf(Type comparerType) => comparerType.GetProperty("Default")?.GetValue(null);
    }
}
