using System.Collections.Generic;
using System.Linq;

namespace VarSave.Graph
{
    /// <summary>What a dry-run save collects: the problems, and bytes per root and per object.</summary>
    internal sealed class CheckState
    {
        private readonly Dictionary<string, long> _rootBytes = new Dictionary<string, long>();
        private readonly List<int> _objectBytes = new List<int>();

        public List<SaveProblem> Problems { get; } = new List<SaveProblem>();

        /// <summary>Objects whose own record could not be written (a delegate no woven code made, a refused base): a skipping save writes null for them.</summary>
        public HashSet<object> FailedObjects { get; } = new HashSet<object>(ReferenceComparer.Instance);

        public void AddRootBytes(string root, int bytes) => _rootBytes[root] = _rootBytes.TryGetValue(root, out var known) ? known + bytes : bytes;

        public void AddObjectBytes(int bytes) => _objectBytes.Add(bytes);

        /// <summary>Charges each object to the root it was first reached from (parents come before children), then ranks the roots.</summary>
        public SaveCheck Finish(WalkEntry[] objects, int totalBytes)
        {
            var rootOf = new string[_objectBytes.Count];
            for (int id = 0; id < _objectBytes.Count; id++)
            {
                var step = objects[id].Step;
                rootOf[id] = step.Parent < 0 ? step.Name ?? "root" : rootOf[step.Parent];
                AddRootBytes(rootOf[id], _objectBytes[id]);
            }
            var roots = _rootBytes.Select(r => new RootSize(r.Key, r.Value)).OrderByDescending(r => r.Bytes).ThenBy(r => r.Root).ToList();
            return new SaveCheck(Problems, roots, totalBytes);
        }
    }
}
