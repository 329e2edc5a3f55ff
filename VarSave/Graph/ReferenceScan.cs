using System;
using System.Collections.Generic;

namespace VarSave.Graph
{
    /// <summary>
    /// The records a load's roots reach, found breadth-first before anything is created: only
    /// these are created, filled and given [AfterLoad] hooks, so a record nothing refers to (a
    /// gadget added to a file) never becomes an object. Also keeps the references between
    /// tuples, for <see cref="StructuralDepth"/>.
    /// </summary>
    internal sealed class ReferenceScan
    {
        private readonly bool[] _reached;
        // Whether the record being scanned (From) is a tuple, whose references are structural edges.
        private bool _fromStructural;
        private readonly Dictionary<int, int> _structuralIndex = new Dictionary<int, int>();
        private readonly int[] _queue;
        private int _head, _tail;
        private readonly List<(int From, int To, int Weight)> _structuralEdges = new List<(int, int, int)>();
        // Set for a scan that only lists one record's references (BuildOrder), with whether each sits in a key.
        private readonly List<(int Id, bool Key)>? _collected;

        public ReferenceScan(int objectCount)
        {
            _reached = new bool[objectCount];
            _queue = new int[objectCount];
        }

        private ReferenceScan(List<(int Id, bool Key)> into)
        {
            _reached = Array.Empty<bool>();
            _queue = Array.Empty<int>();
            _collected = into;
        }

        private ReferenceScan(List<(int Id, bool Key)> into, List<string>? roots) : this(into) => _roots = roots;

        /// <summary>A scan that lists the references of the records it is run over in <paramref name="into"/>, marking those read while <see cref="InKey"/> is set.</summary>
        public static ReferenceScan Collecting(List<(int Id, bool Key)> into) => new ReferenceScan(into);

        /// <summary>As <see cref="Collecting"/>, also naming in <paramref name="roots"/> the root each reference was read from, for messages.</summary>
        public static ReferenceScan Tracing(List<(int Id, bool Key)> into, List<string> roots) => new ReferenceScan(into, roots);

        private readonly List<string>? _roots;

        /// <summary>The static's holder while the roots are scanned (null for a local); with <see cref="RootName"/>, names the root for <see cref="Tracing"/>.</summary>
        public LoadedType? RootHolder { get; set; }

        public string? RootName { get; set; }

        /// <summary>
        /// Set by the codecs of collections that hash or sort what they hold while they scan a key, an item of a
        /// set, a comparer or a surrogate's stand-in: what those refer to must be complete before the collection is built.
        /// </summary>
        public bool InKey { get; set; }

        /// <summary>The record being scanned, or -1 while the roots are.</summary>
        public int From { get; private set; } = -1;

        /// <summary>How deep in struct values the scan is: a reference inside them is that many more levels of hashing away.</summary>
        public int StructDepth { get; set; }

        public bool IsReached(int id) => _reached[id];

        /// <summary>The position of each structural (tuple) record among them, by record id.</summary>
        public IReadOnlyDictionary<int, int> StructuralIndex => _structuralIndex;

        public IReadOnlyList<(int From, int To, int Weight)> StructuralEdges => _structuralEdges;

        /// <summary>A reference to record <paramref name="id"/> seen in the current record or root.</summary>
        public void Found(int id)
        {
            if (_collected != null)
            {
                _collected.Add((id, InKey));
                _roots?.Add(RootHolder == null ? ObjectSnapshot.PathOfLocal(RootName!) : "static " + RootHolder.Name + "." + RootName);
                return;
            }
            if (From >= 0 && _fromStructural) _structuralEdges.Add((From, id, 1 + StructDepth));
            if (_reached[id]) return;
            _reached[id] = true;
            _queue[_tail++] = id;
        }

        /// <summary>The next reached record whose references are not yet scanned.</summary>
        public bool TryNext(out int id)
        {
            id = _head < _tail ? _queue[_head++] : -1;
            return id >= 0;
        }

        /// <summary>Starts scanning record <paramref name="id"/>; <paramref name="structural"/> when its hash and equality recurse into what it holds.</summary>
        public void Enter(int id, bool structural)
        {
            From = id;
            StructDepth = 0;
            _fromStructural = structural;
            if (structural) _structuralIndex.Add(id, _structuralIndex.Count);
        }
    }
}
