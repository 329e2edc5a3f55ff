using System;
using System.Collections.Generic;
using System.Linq;
using VarSave.Format;
using VarSave.Inspection;

namespace VarSave.Tool
{
    /// <summary>One difference between two snapshots at one path.</summary>
    internal readonly struct Difference
    {
        public Difference(char kind, string path, string? before, string? after)
        {
            Kind = kind;
            Path = path;
            Before = before;
            After = after;
        }

        /// <summary>'+' added, '-' removed, '~' changed.</summary>
        public char Kind { get; }
        public string Path { get; }
        public string? Before { get; }
        public string? After { get; }
    }

    /// <summary>
    /// Compares two snapshots path by path: roots by name, fields by name, list and array items by
    /// position, dictionary entries by key. Objects are paired by the first path that reaches them in
    /// both (breadth-first, a queue, no recursion on data); each object of the first snapshot is
    /// compared once, so cycles and shared references end the walk. Object ids are never compared:
    /// they are positions in each file, not identities.
    /// </summary>
    internal sealed class GraphDiff
    {
        private readonly InspectedSnapshot _a, _b;
        private readonly List<Difference> _found = new List<Difference>();
        private readonly int _max;
        private readonly bool[] _seenA;
        private readonly Queue<(int A, int B, int Step)> _queue = new Queue<(int, int, int)>();
        // Paths as parent links, rendered only for a difference: a deep list costs one entry per object, not its whole path.
        private readonly List<(int Parent, string Step)> _steps = new List<(int, string)>();

        private GraphDiff(InspectedSnapshot a, InspectedSnapshot b, int max)
        {
            _a = a;
            _b = b;
            _max = max;
            _seenA = new bool[a.ObjectCount];
        }

        public int Total { get; private set; }

        public IReadOnlyList<Difference> Found => _found;

        public static GraphDiff Compare(InspectedSnapshot a, InspectedSnapshot b, int max, Action<long> progress)
        {
            var diff = new GraphDiff(a, b, max);
            var rootsA = RootSlot.All(a);
            var rootsB = RootSlot.All(b).ToDictionary(r => r.Path, StringComparer.Ordinal);
            foreach (var root in rootsA)
            {
                int step = diff.NewStep(-1, root.Path);
                if (rootsB.TryGetValue(root.Path, out var other)) diff.CompareValues(root.Root.Value, other.Root.Value, step);
                else diff.Add('-', step, diff.Text(a, root.Root.Value), null);
                rootsB.Remove(root.Path);
            }
            foreach (var added in RootSlot.All(b).Where(r => rootsB.ContainsKey(r.Path)))
                diff.Add('+', diff.NewStep(-1, added.Path), null, diff.Text(b, added.Root.Value));
            long done = 0;
            while (diff._queue.Count > 0)
            {
                var (idA, idB, at) = diff._queue.Dequeue();
                diff.CompareObjects(idA, idB, at);
                SnapshotFiles.Tick(progress, ++done);
            }
            return diff;
        }

        private int NewStep(int parent, string step)
        {
            _steps.Add((parent, step));
            return _steps.Count - 1;
        }

        private string PathOf(int step)
        {
            var parts = new List<string>();
            for (; step >= 0; step = _steps[step].Parent) parts.Add(_steps[step].Step);
            parts.Reverse();
            return string.Concat(parts);
        }

        private void Add(char kind, int step, string? before, string? after)
        {
            Total++;
            if (_found.Count < _max) _found.Add(new Difference(kind, PathOf(step), before, after));
        }

        private string Text(InspectedSnapshot snapshot, InspectedValue value) => ValueText.Render(snapshot, value);

        /// <summary>Type names of two references, or rendered values: what must match for two values to be "the same".</summary>
        private void CompareValues(InspectedValue a, InspectedValue b, int step, int depth = 0)
        {
            if (a.IsReference && b.IsReference)
            {
                if (_a.TypeOf(a.Id).Name != _b.TypeOf(b.Id).Name) Add('~', step, Text(_a, a), Text(_b, b));
                else if (!_seenA[a.Id])
                {
                    _seenA[a.Id] = true;
                    _queue.Enqueue((a.Id, b.Id, step));
                }
                return;
            }
            if (a.Tag == ValueTag.Struct && b.Tag == ValueTag.Struct && _a.Types[a.Id].Name == _b.Types[b.Id].Name
                && a.Fields!.Length == b.Fields!.Length && depth < 64)
            {
                var type = _a.Types[a.Id];
                for (int i = 0; i < a.Fields.Length; i++)
                    CompareValues(a.Fields[i], b.Fields[i], NewStep(step, "." + ValueText.StructFieldName(type, i)), depth + 1);
                return;
            }
            string before = Text(_a, a), after = Text(_b, b);
            if (a.IsReference || b.IsReference || before != after) Add('~', step, before, after);
        }

        private void CompareObjects(int idA, int idB, int step)
        {
            var membersA = _a.Members(idA);
            var membersB = _b.Members(idB);
            var shape = _a.TypeOf(idA).Shape;
            if (shape == RecordShape.Map && KeysAreValues(membersA) && KeysAreValues(membersB))
            {
                CompareKeyed(membersA, membersB, step);
                return;
            }
            // Fields by name; items, entries and delegate entries by position.
            var named = membersB.Where(m => m.Index < 0 && m.Name != null).GroupBy(m => m.Name!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var itemsB = membersB.Where(m => m.Index >= 0).ToList();
            int item = 0;
            foreach (var m in membersA)
            {
                if (m.Index < 0 && m.Name != null)
                {
                    int at = NewStep(step, "." + m.Name);
                    if (named.TryGetValue(m.Name, out var other)) CompareValues(m.Value, other.Value, at);
                    else Add('-', at, Text(_a, m.Value), null);
                    named.Remove(m.Name);
                    continue;
                }
                int index = item++;
                int itemStep = NewStep(step, "[" + index + "]");
                if (index >= itemsB.Count)
                {
                    Add('-', itemStep, Describe(_a, m), null);
                    continue;
                }
                var o = itemsB[index];
                if (m.Key is InspectedValue keyA && o.Key is InspectedValue keyB) CompareValues(keyA, keyB, NewStep(itemStep, ".Key"));
                if (m.Name != null && m.Name != o.Name) Add('~', NewStep(itemStep, ".Method"), m.Name, o.Name);
                CompareValues(m.Value, o.Value, m.Key != null ? NewStep(itemStep, ".Value") : itemStep);
            }
            foreach (var extra in named.Values) Add('+', NewStep(step, "." + extra.Name), null, Text(_b, extra.Value));
            for (int i = item; i < itemsB.Count; i++) Add('+', NewStep(step, "[" + i + "]"), null, Describe(_b, itemsB[i]));
        }

        private string Describe(InspectedSnapshot snapshot, InspectedMember member) =>
            member.Key is InspectedValue key ? Text(snapshot, key) + ": " + Text(snapshot, member.Value) : Text(snapshot, member.Value);

        /// <summary>Keys that are values (strings, numbers, enums) can pair entries across files; object keys cannot.</summary>
        private static bool KeysAreValues(List<InspectedMember> members) =>
            members.All(m => m.Key == null || !m.Key.Value.IsReference && m.Key.Value.Tag != ValueTag.Struct);

        private void CompareKeyed(List<InspectedMember> membersA, List<InspectedMember> membersB, int step)
        {
            var byKey = new Dictionary<string, InspectedMember>(StringComparer.Ordinal);
            foreach (var m in membersB)
                if (m.Key is InspectedValue key) byKey[Text(_b, key)] = m;
            foreach (var m in membersA)
            {
                if (!(m.Key is InspectedValue key))
                {
                    CompareNamed(m, membersB, step);
                    continue;
                }
                string text = Text(_a, key);
                int at = NewStep(step, "[" + text + "]");
                if (byKey.TryGetValue(text, out var other)) CompareValues(m.Value, other.Value, at);
                else Add('-', at, Text(_a, m.Value), null);
                byKey.Remove(text);
            }
            foreach (var m in membersB)
                if (m.Key is InspectedValue key && byKey.ContainsKey(Text(_b, key)))
                    Add('+', NewStep(step, "[" + Text(_b, key) + "]"), null, Text(_b, m.Value));
        }

        /// <summary>A map's comparer, compared by name.</summary>
        private void CompareNamed(InspectedMember m, List<InspectedMember> membersB, int step)
        {
            var other = membersB.FirstOrDefault(o => o.Key == null && o.Name == m.Name);
            int at = NewStep(step, "." + m.Name);
            if (other.Name == null) Add('-', at, Text(_a, m.Value), null);
            else CompareValues(m.Value, other.Value, at);
        }
    }
}
