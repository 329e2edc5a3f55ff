using System;
using System.Collections.Generic;
using VarSave.Registry;
using VarSave.Runtime;

namespace VarSave.Graph
{
    /// <summary>A snapshot whose objects exist and are filled; what is left is to hand statics and locals to the program.</summary>
    internal sealed class DecodedSnapshot
    {
        public DecodedSnapshot(StateReader reader) => Reader = reader;

        public StateReader Reader { get; }

        public List<StaticRoot> Statics { get; } = new List<StaticRoot>();

        public Dictionary<string, object?> Locals { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

        /// <summary>The type-table entry of each saved closure among the locals, to tell whether it captured the same variables.</summary>
        public Dictionary<string, LoadedType> ClosureTypes { get; } = new Dictionary<string, LoadedType>(StringComparer.Ordinal);
    }

    /// <summary>One type's saved statics, decoded and mapped to the loading type's static fields.</summary>
    internal sealed class StaticRoot
    {
        public StaticRoot(WovenType holder, object?[] slots, int[] map)
        {
            Holder = holder;
            Slots = slots;
            Map = map;
        }

        public WovenType Holder { get; }
        public object?[] Slots { get; }
        public int[] Map { get; }
    }
}
