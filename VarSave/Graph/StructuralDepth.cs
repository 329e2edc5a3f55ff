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
    /// Iterative depth-first search over arrays indexed by tuple: the data never drives recursion.
    /// </summary>
    internal static class StructuralDepth
    {
        private const byte Unseen = 0, Open = 1, Done = 2;

        /// <summary>The most tuples (unfolded, with the struct values between them) a tuple held by several tuples may stand for.</summary>
        public const int MaxSharedSize = 16;

        public static void Check(ReferenceScan scan, int limit, Func<int, string> describe)
        {
            var index = scan.StructuralIndex;
            int n = index.Count;
            if (n == 0) return;
            var ids = new int[n];
            foreach (var pair in index) ids[pair.Value] = pair.Key;

            // Adjacency in one array: the edges of tuple t are at first[t] .. first[t + 1].
            var first = new int[n + 1];
            var holders = new int[n];
            foreach (var (from, to, _) in scan.StructuralEdges)
            {
                if (!index.TryGetValue(to, out int target)) continue;
                first[index[from] + 1]++;
                holders[target]++;
            }
            for (int t = 0; t < n; t++) first[t + 1] += first[t];
            var next = (int[])first.Clone();
            var targets = new int[first[n]];
            var weights = new int[first[n]];
            foreach (var (from, to, weight) in scan.StructuralEdges)
            {
                if (!index.TryGetValue(to, out int target)) continue;
                int at = next[index[from]]++;
                targets[at] = target;
                weights[at] = weight;
            }

            var state = new byte[n];
            var depth = new int[n];
            var size = new int[n];
            var stack = new Stack<(int Node, int Edge)>();
            for (int start = 0; start < n; start++)
            {
                if (state[start] != Unseen) continue;
                stack.Push((start, first[start]));
                state[start] = Open;
                while (stack.Count > 0)
                {
                    var (node, edge) = stack.Pop();
                    if (edge < first[node + 1])
                    {
                        stack.Push((node, edge + 1));
                        int child = targets[edge];
                        if (state[child] == Open)
                            throw new SnapshotFormatException($"The snapshot is corrupt: {describe(ids[child])} contains itself. Tuples are immutable, so no program can build one; the file was made by hand.");
                        if (state[child] == Unseen)
                        {
                            state[child] = Open;
                            stack.Push((child, first[child]));
                        }
                        continue;
                    }
                    // All children done: the depth is the deepest child's plus the edge's weight; the size the sum.
                    int deepest = 1;
                    long unfolded = 1;
                    for (int e = first[node]; e < first[node + 1]; e++)
                    {
                        deepest = Math.Max(deepest, weights[e] + depth[targets[e]]);
                        unfolded = Math.Min(unfolded + weights[e] - 1 + size[targets[e]], int.MaxValue);
                    }
                    if (deepest > limit)
                        throw new SnapshotFormatException($"The snapshot exceeds a load limit: {describe(ids[node])} nests tuples {deepest} levels deep, over LoadLimits.{nameof(LoadLimits.MaxStructuralDepth)} ({limit}); hashing or comparing it would overflow the stack. Raise it in LoadOptions.Limits only for snapshots you trust.");
                    if (unfolded > MaxSharedSize && holders[node] > 1)
                        throw new SnapshotFormatException($"The snapshot is refused: {describe(ids[node])} holds {unfolded} tuples and is held by {holders[node]} tuples; hashing or comparing them would visit it once per holder (a shared tuple may hold at most {MaxSharedSize}).");
                    depth[node] = deepest;
                    size[node] = (int)unfolded;
                    state[node] = Done;
                }
            }
        }
    }
}
