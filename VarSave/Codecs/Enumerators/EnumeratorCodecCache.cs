using System;
using System.Collections.Concurrent;
using VarSave.Codecs.Values;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>The codecs of a family of generic enumerator structs, built once per closed type (null when the runtime lays one out otherwise).</summary>
    internal sealed class EnumeratorCodecCache
    {
        private readonly ConcurrentDictionary<Type, ValueCodec?> _codecs = new ConcurrentDictionary<Type, ValueCodec?>();
        private readonly Func<Type, ValueCodec?> _build;
        private readonly Type[] _definitions;

        public EnumeratorCodecCache(Func<Type, ValueCodec?> build, params Type[] definitions)
        {
            _build = build;
            _definitions = definitions;
        }

        public ValueCodec? For(Type type) =>
            type.IsGenericType && Array.IndexOf(_definitions, type.GetGenericTypeDefinition()) >= 0 ? _codecs.GetOrAdd(type, _build) : null;
    }
}
