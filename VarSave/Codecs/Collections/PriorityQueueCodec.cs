#if NET
using System.Collections.Generic;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Collections
{
    /// <summary>
    /// A <see cref="PriorityQueue{TElement, TPriority}"/>: count, priority comparer, then (element,
    /// priority) in the heap's own array order. Loading hands them to <c>EnqueueRange</c> on the empty
    /// queue, which heapifies; a valid heap is left as it is, so items of equal priority come out in
    /// the order they would have.
    /// </summary>
    internal sealed class PriorityQueueCodec<TElement, TPriority> : ObjectCodec
    {
        public override bool FillsLate => true;

        public override bool FillsInPlace => true;

        public override void Reset(object instance) => ((PriorityQueue<TElement, TPriority>)instance).Clear();

        public override void Write(object value, StateWriter writer)
        {
            var queue = (PriorityQueue<TElement, TPriority>)value;
            writer.WriteCount(queue.Count);
            Comparers.Write(queue.Comparer, Comparer<TPriority>.Default, writer);
            int i = 0;
            foreach (var (element, priority) in queue.UnorderedItems)
            {
                writer.WriteElement(i, element, "Element");
                writer.WriteElement(i++, priority, "Priority");
            }
        }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            reader.ReadCount("queue item");
            Comparers.SkipCode(reader);
            reader.ScanToEnd(scan);
        }

        public override object Create(StateReader reader, LoadedType type)
        {
            int count = reader.ReadCountOf<TElement, TPriority>("queue item");
            return new PriorityQueue<TElement, TPriority>(count, Comparers.Read<IComparer<TPriority>>(reader, type));
        }

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var items = new (TElement, TPriority)[reader.ReadCountOf<TElement, TPriority>("queue item")];
            Comparers.Read<IComparer<TPriority>>(reader, type);
            for (int i = 0; i < items.Length; i++) items[i] = (reader.ReadElement<TElement>(type, i), reader.ReadElement<TPriority>(type, i));
            ((PriorityQueue<TElement, TPriority>)instance).EnqueueRange(items);
        }
    }
}
#endif
