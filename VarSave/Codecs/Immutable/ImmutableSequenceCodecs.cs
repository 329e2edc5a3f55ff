#if NET
using System.Collections.Immutable;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Immutable
{
    /// <summary>An <see cref="ImmutableList{T}"/>: count, items; built as a balanced tree in one pass.</summary>
    internal sealed class ImmutableListCodec<T> : BuiltCodec<ImmutableList<T>, T>
    {
        protected override ImmutableList<T> Build(StateReader reader, LoadedType type, int count) =>
            count == 0 ? ImmutableList<T>.Empty : ImmutableList.CreateRange(ReadItems(reader, type, count));
    }

    /// <summary>An <see cref="ImmutableStack{T}"/>: count, items top first; pushed back bottom first.</summary>
    internal sealed class ImmutableStackCodec<T> : BuiltCodec<ImmutableStack<T>, T>
    {
        protected override ImmutableStack<T> Build(StateReader reader, LoadedType type, int count)
        {
            var items = ReadItems(reader, type, count);
            var stack = ImmutableStack<T>.Empty;
            for (int i = items.Length - 1; i >= 0; i--) stack = stack.Push(items[i]);
            return stack;
        }
    }

    /// <summary>An <see cref="ImmutableQueue{T}"/>: count, items front first.</summary>
    internal sealed class ImmutableQueueCodec<T> : BuiltCodec<ImmutableQueue<T>, T>
    {
        protected override ImmutableQueue<T> Build(StateReader reader, LoadedType type, int count) =>
            count == 0 ? ImmutableQueue<T>.Empty : ImmutableQueue.CreateRange(ReadItems(reader, type, count));
    }
}
#endif
