using System;
using System.Collections.Generic;
using VarSave.Runtime;

namespace VarSave.Codecs.Exceptions
{
    /// <summary>
    /// The exceptions of one load and the inner exceptions each holds (its InnerException and the BCL
    /// fields that hold more, as AggregateException's list). <see cref="Exception.ToString"/> recurses
    /// into them, and <see cref="Exception.GetBaseException"/> loops down them, so once every object is
    /// filled: no exception may contain itself (an inner exception is given when its outer one is made,
    /// so no program can build that), no chain may be deeper than <see cref="LoadLimits.MaxStructuralDepth"/>,
    /// and no exception may stand for more than <see cref="MaxUnfolded"/> exceptions once shared inner ones
    /// are counted at each place they appear (ToString visits each). Iterative, over arrays: no recursion on data.
    /// </summary>
    internal sealed class ExceptionChains
    {
        /// <summary>The most exceptions one exception's ToString may visit.</summary>
        public const int MaxUnfolded = 10_000;

        private readonly List<(Exception Exception, Func<Exception, IEnumerable<Exception>> Inner)> _loaded = new List<(Exception, Func<Exception, IEnumerable<Exception>>)>();

        /// <summary>Records an exception filled by the load; the first one schedules the check for when every object is filled.</summary>
        public static void Add(StateReader reader, Exception exception, Func<Exception, IEnumerable<Exception>> inner)
        {
            var chains = PerLoad<ExceptionChains>.Of(reader);
            if (chains._loaded.Count == 0)
            {
                int limit = reader.Input.Limits.MaxStructuralDepth;
                reader.AfterFill(() => chains.Check(limit));
            }
            chains._loaded.Add((exception, inner));
        }

        private const byte Unseen = 0, Open = 1, Done = 2;

        private void Check(int limit)
        {
            int n = _loaded.Count;
            var index = new Dictionary<Exception, int>(n, Graph.ReferenceComparer.Instance);
            for (int i = 0; i < n; i++) index[_loaded[i].Exception] = i;
            var children = new List<int>[n];
            for (int i = 0; i < n; i++)
            {
                var distinct = new List<int>();
                foreach (var inner in _loaded[i].Inner(_loaded[i].Exception))
                    if (index.TryGetValue(inner, out int child) && !distinct.Contains(child)) distinct.Add(child);
                children[i] = distinct;
            }

            var state = new byte[n];
            var depth = new int[n];
            var size = new long[n];
            var stack = new Stack<(int Node, int Edge)>();
            for (int start = 0; start < n; start++)
            {
                if (state[start] != Unseen) continue;
                state[start] = Open;
                stack.Push((start, 0));
                while (stack.Count > 0)
                {
                    var (node, edge) = stack.Pop();
                    if (edge < children[node].Count)
                    {
                        stack.Push((node, edge + 1));
                        int child = children[node][edge];
                        if (state[child] == Open)
                            throw new SnapshotFormatException($"The snapshot is corrupt: {Describe(child)} contains itself through its inner exceptions. An inner exception is given when its outer exception is made, so no program can build one; the file was made by hand.");
                        if (state[child] == Unseen)
                        {
                            state[child] = Open;
                            stack.Push((child, 0));
                        }
                        continue;
                    }
                    int deepest = 1;
                    long unfolded = 1;
                    foreach (int child in children[node])
                    {
                        deepest = Math.Max(deepest, depth[child] + 1);
                        unfolded = Math.Min(unfolded + size[child], int.MaxValue);
                    }
                    if (deepest > limit)
                        throw new SnapshotFormatException($"The snapshot exceeds a load limit: {Describe(node)} nests inner exceptions {deepest} deep, over LoadLimits.{nameof(LoadLimits.MaxStructuralDepth)} ({limit}); its ToString would overflow the stack. Raise it in LoadOptions.Limits only for snapshots you trust.");
                    if (unfolded > MaxUnfolded)
                        throw new SnapshotFormatException($"The snapshot is refused: {Describe(node)} stands for {unfolded} exceptions once its shared inner exceptions are counted where each appears (at most {MaxUnfolded}); its ToString would visit every one.");
                    depth[node] = deepest;
                    size[node] = unfolded;
                    state[node] = Done;
                }
            }
        }

        private string Describe(int node) => $"an exception ({_loaded[node].Exception.GetType().FullName})";
    }
}
