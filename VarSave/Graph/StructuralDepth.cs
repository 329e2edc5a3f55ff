using System;
using System.Collections.Generic;

namespace VarSave.Graph
{
    /// <summary>
    /// Tuples hash, compare and test equality by recursing into what they hold, and they are
    /// immutable: no program can make one that contains itself, and a deep chain of them
    /// overflows the stack the first time a hash set hashes it. So before anything is created, the
    /// references between reached tuples must form no cycle, and the longest chain (counting the
    /// struct values a reference sits in) must stay within <see cref="LoadLimits.MaxStructuralDepth"/>.
    /// Hashing does not notice shared references either: a tuple holding the same tuple twice, 60
    /// times over, is hashed 2^60 times. So a tuple that more than one tuple holds may itself hold at
    /// most <see cref="MaxSharedSize"/> tuples (counted unfolded); then hashing every key of a load
    /// visits at most that many tuples per key plus each unshared tuple once.
    /// Iterative depth-first search: the data never drives recursion.
    /// </summary>
    internal static class StructuralDepth
    {
        private const byte Unseen = 0, Open = 1, Done = 2;

        /// <summary>The most tuples (unfolded, with the struct values between them) a tuple held by several tuples may stand for.</summary>
        public const int MaxSharedSize = 16;

        public static void Check(ReferenceScan scan, int objectCount, int limit, Func<int, string> describe)
        {
            var edges = scan.StructuralEdges;
            if (edges.Count == 0) return;
            // Adjacency in one array: the edges of record r are at first[r] .. first[r + 1].
            var sources = new List<int>();
            var count = new Dictionary<int, int>();
            foreach (var (from, to, _) in edges)
                if (scan.IsStructural(to)) count[from] = count.TryGetValue(from, out int c) ? c + 1 : 1;
            if (count.Count == 0) return;
            var first = new Dictionary<int, int>();
            int total = 0;
            foreach (var pair in count) { first[pair.Key] = total; total += pair.Value; }
            var next = new Dictionary<int, int>(first);
            var targets = new int[total];
            var weights = new int[total];
            var holders = new Dictionary<int, int>();
            foreach (var (from, to, weight) in edges)
            {
                if (!scan.IsStructural(to)) continue;
                int at = next[from]++;
                targets[at] = to;
                weights[at] = weight;
                holders[to] = holders.TryGetValue(to, out int h) ? h + 1 : 1;
            }

            var state = new Dictionary<int, byte>();
            var depth = new Dictionary<int, int>();
            var size = new Dictionary<int, long>();
            var stack = new Stack<(int Node, int Edge)>();
            foreach (int start in first.Keys)
            {
                if (state.ContainsKey(start)) continue;
                stack.Push((start, first[start]));
                state[start] = Open;
                while (stack.Count > 0)
                {
                    var (node, edge) = stack.Pop();
                    int end = first.TryGetValue(node, out int f) ? f + count[node] : edge;
                    if (edge < end)
                    {
                        stack.Push((node, edge + 1));
                        int child = targets[edge];
                        state.TryGetValue(child, out byte s);
                        if (s == Open)
                            throw new SnapshotFormatException($"The snapshot is corrupt: {describe(child)} contains itself. Tuples are immutable, so no program can build one; the file was made by hand.");
                        if (s == Unseen)
                        {
                            state[child] = Open;
                            stack.Push((child, first.TryGetValue(child, out int cf) ? cf : 0));
                        }
                        continue;
                    }
                    // All children done: this node's depth is the deepest child's plus the edge's weight; its size the sum.
                    int deepest = 1;
                    long unfolded = 1;
                    if (first.TryGetValue(node, out int from))
                        for (int e = from; e < from + count[node]; e++)
                        {
                            deepest = Math.Max(deepest, weights[e] + (depth.TryGetValue(targets[e], out int d) ? d : 1));
                            unfolded = Math.Min(unfolded + weights[e] - 1 + (size.TryGetValue(targets[e], out long z) ? z : 1), int.MaxValue);
                        }
                    if (unfolded > MaxSharedSize && holders.TryGetValue(node, out int holderCount) && holderCount > 1)
                        throw new SnapshotFormatException($"The snapshot is refused: {describe(node)} holds {unfolded} tuples and is held by {holderCount} tuples; hashing or comparing them would visit it once per holder (a shared tuple may hold at most {MaxSharedSize}).");
                    size[node] = unfolded;
                    if (deepest > limit)
                        throw new SnapshotFormatException($"The snapshot exceeds a load limit: {describe(node)} nests tuples {deepest} levels deep, over LoadLimits.{nameof(LoadLimits.MaxStructuralDepth)} ({limit}); hashing or comparing it would overflow the stack. Raise it in LoadOptions.Limits only for snapshots you trust.");
                    depth[node] = deepest;
                    state[node] = Done;
                }
            }
        }
    }
}
