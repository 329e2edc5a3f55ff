using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VarSave
{
    /// <summary>
    /// What <see cref="ProgramState.Check"/> found: every object that would stop a save, each with
    /// its full path, and how many bytes each root (static field or local) would take.
    /// </summary>
    public sealed class SaveCheck
    {
        internal SaveCheck(IReadOnlyList<SaveProblem> problems, IReadOnlyList<RootSize> roots, int totalBytes)
        {
            Problems = problems;
            Roots = roots;
            TotalBytes = totalBytes;
        }

        /// <summary>Every unsaveable object reachable from the roots, in the order the walk met them.</summary>
        public IReadOnlyList<SaveProblem> Problems { get; }

        /// <summary>Each root and the bytes it and everything first reached through it would take, largest first.</summary>
        public IReadOnlyList<RootSize> Roots { get; }

        /// <summary>The size the snapshot would have with the problems left out.</summary>
        public int TotalBytes { get; }

        /// <summary>True when a save would succeed.</summary>
        public bool CanSave => Problems.Count == 0;

        /// <summary>A readable report: the problems, then the ten largest roots.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            text.AppendLine(CanSave ? "Everything reachable can be saved." : $"{Problems.Count} object(s) cannot be saved:");
            foreach (var problem in Problems) text.AppendLine($"  {problem.Path} -> {problem.Type.FullName}: {problem.Reason}");
            text.AppendLine($"Snapshot size: {TotalBytes:N0} bytes. Largest roots:");
            foreach (var root in Roots.Take(10)) text.AppendLine($"  {root.Bytes,12:N0}  {root.Root}");
            return text.ToString();
        }
    }

    /// <summary>One object a save could not write.</summary>
    public sealed class SaveProblem
    {
        internal SaveProblem(string path, Type type, string reason)
        {
            Path = path;
            Type = type;
            Reason = reason;
        }

        /// <summary>How the object is reached from a root, e.g. <c>static Game.World.Log</c>.</summary>
        public string Path { get; }

        /// <summary>The object's run-time type.</summary>
        public Type Type { get; }

        /// <summary>Why it cannot be saved, and what to do.</summary>
        public string Reason { get; }
    }

    /// <summary>A root of the saved state and its share of the snapshot.</summary>
    public sealed class RootSize
    {
        internal RootSize(string root, long bytes)
        {
            Root = root;
            Bytes = bytes;
        }

        /// <summary>The root: <c>static Type.field</c> or <c>local name</c>.</summary>
        public string Root { get; }

        /// <summary>Bytes of the root's value and of every object first reached through it.</summary>
        public long Bytes { get; }
    }
}
