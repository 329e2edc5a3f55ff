using System;
using VarSave.Codecs;
using VarSave.Format;

namespace VarSave.Graph
{
    /// <summary>
    /// Bounds on the types a snapshot's type table constructs, checked before each is built: how
    /// deep and how large (in names) one type may be, how many generic and array types one table
    /// may make (the runtime never frees them), and how large a struct it may make. Names are
    /// shortened for messages, so exponentially nested types cost no exponential strings.
    /// </summary>
    internal sealed class TypeShapes
    {
        /// <summary>The largest struct a type table may construct (the runtime refuses much larger ones with TypeLoadException).</summary>
        public const long MaxStructBytes = 64 * 1024;
        private const int NameLength = 300;

        private readonly ByteReader _reader;
        private int _constructed;

        public TypeShapes(ByteReader reader) => _reader = reader;

        /// <summary>Checks the shape of a type built from <paramref name="args"/>, then builds it with <paramref name="build"/> and records its shape.</summary>
        public LoadedType Constructed(string name, Type? definition, LoadedType[] args, Func<LoadedType> build)
        {
            var limits = _reader.Limits;
            int depth = 1;
            long nodes = 1, bytes = 0;
            foreach (var arg in args)
            {
                depth = Math.Max(depth, arg.Depth + 1);
                nodes += arg.Nodes;
                bytes += arg.Type == null || !arg.Type.IsValueType ? IntPtr.Size : arg.ValueBytes;
            }
            if (depth > limits.MaxTypeNesting)
                throw _reader.OverLimit($"the type {Shorten(name)} nests {depth} levels deep", nameof(LoadLimits.MaxTypeNesting), limits.MaxTypeNesting);
            if (nodes > limits.MaxTypeNodes)
                throw _reader.OverLimit($"the type {Shorten(name)} names {nodes} types", nameof(LoadLimits.MaxTypeNodes), limits.MaxTypeNodes);
            if (++_constructed > limits.MaxConstructedTypes)
                throw _reader.OverLimit($"{_constructed} constructed types", nameof(LoadLimits.MaxConstructedTypes), limits.MaxConstructedTypes);
            bool structural = definition != null && BuiltinTypes.IsTuple(definition) && definition.IsValueType
                || definition == typeof(System.Collections.Generic.KeyValuePair<,>) || definition == typeof(Nullable<>);
            if (structural && bytes > MaxStructBytes)
                throw _reader.Corrupt($"the struct {Shorten(name)} would take {bytes} bytes, over the {MaxStructBytes} a snapshot may ask for");
            var loaded = build();
            loaded.Depth = depth;
            loaded.Nodes = (int)nodes;
            loaded.ValueBytes = loaded.Type != null && loaded.Type.IsValueType ? (structural ? bytes : ValueSize.Of(loaded.Type)) : IntPtr.Size;
            if (loaded.ValueBytes > MaxStructBytes)
                throw _reader.Corrupt($"the struct {Shorten(name)} takes {loaded.ValueBytes} bytes, over the {MaxStructBytes} a snapshot may ask for");
            return loaded;
        }

        /// <summary>A name cut to a length fit for a message.</summary>
        public static string Shorten(string name) => name.Length <= NameLength ? name : name.Substring(0, NameLength) + "…";
    }
}
