using System;
using System.Collections;
using System.Collections.Generic;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>
    /// Brings loaded enumerators that cannot be rebuilt from their fields (a SortedSet's stack of tree nodes, a
    /// LinkedList's next node) to their saved position once every object is filled: a fresh enumerator of the
    /// loaded collection is advanced past the items already passed. Requests over one collection share one walk,
    /// in order of position, so a load costs O(count) per collection however many enumerators a snapshot claims;
    /// a position outside the loaded count is refused before anything is walked.
    /// </summary>
    internal sealed class EnumeratorWalks
    {
        private sealed class Walk
        {
            public Walk(Func<int> count, Func<IEnumerator> fresh)
            {
                Count = count;
                Fresh = fresh;
            }

            public Func<int> Count { get; }
            public Func<IEnumerator> Fresh { get; }
            public List<Stop> Stops { get; } = new List<Stop>();
        }

        private readonly struct Stop
        {
            public Stop(int position, string name, Action<IEnumerator> arrive)
            {
                Position = position;
                Name = name;
                Arrive = arrive;
            }

            public int Position { get; }
            public string Name { get; }
            public Action<IEnumerator> Arrive { get; }
        }

        private readonly Dictionary<object, Walk> _walks = new Dictionary<object, Walk>(ReferenceComparer.Instance);

        /// <summary>
        /// Once every object is filled, advances the enumerator <paramref name="fresh"/> makes <paramref name="position"/>
        /// times and hands it to <paramref name="arrive"/>. <paramref name="key"/> (the collection) tells walks apart.
        /// </summary>
        public static void Request(StateReader reader, object key, Func<int> count, Func<IEnumerator> fresh, int position, string name, Action<IEnumerator> arrive)
        {
            var walks = PerLoad<EnumeratorWalks>.Of(reader);
            if (walks._walks.Count == 0) reader.AfterFill(walks.Run);
            if (!walks._walks.TryGetValue(key, out var walk)) walks._walks.Add(key, walk = new Walk(count, fresh));
            walk.Stops.Add(new Stop(position, name, arrive));
        }

        private void Run()
        {
            foreach (var walk in _walks.Values)
            {
                int count = walk.Count();
                foreach (var stop in walk.Stops)
                {
                    if (stop.Position < 0 || stop.Position > count)
                        throw new SnapshotFormatException($"The snapshot is corrupt: a {stop.Name} is at position {stop.Position} of {count} items.");
                }
                walk.Stops.Sort((a, b) => a.Position.CompareTo(b.Position));
                var enumerator = walk.Fresh();
                int at = 0;
                foreach (var stop in walk.Stops)
                {
                    for (; at < stop.Position; at++)
                    {
                        if (!enumerator.MoveNext()) throw new SnapshotFormatException($"The snapshot is corrupt: a {stop.Name} is at position {stop.Position} of {count} items.");
                    }
                    stop.Arrive(enumerator);
                }
            }
            _walks.Clear();
        }
    }
}
