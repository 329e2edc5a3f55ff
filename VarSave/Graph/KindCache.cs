using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace VarSave.Graph
{
    /// <summary>
    /// Run-time type → <see cref="ObjectKind"/>. Every reference the walk meets asks, so a small
    /// direct-mapped cache answers most of them with one comparison before the dictionary.
    /// </summary>
    internal sealed class KindCache
    {
        private struct Slot
        {
            public Type? Type;
            public ObjectKind Kind;
        }

        private readonly Slot[] _recent = new Slot[32];
        private readonly Dictionary<Type, ObjectKind> _all = new Dictionary<Type, ObjectKind>();

        public ObjectKind? Find(Type type)
        {
            ref var slot = ref _recent[RuntimeHelpers.GetHashCode(type) & (_recent.Length - 1)];
            if (ReferenceEquals(slot.Type, type)) return slot.Kind;
            if (!_all.TryGetValue(type, out var kind)) return null;
            slot.Type = type;
            slot.Kind = kind;
            return kind;
        }

        public ObjectKind Add(Type type, ObjectKind kind)
        {
            _all.Add(type, kind);
            return kind;
        }
    }
}
