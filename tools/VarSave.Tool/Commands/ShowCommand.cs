using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Spectre.Console;
using VarSave.Inspection;

namespace VarSave.Tool.Commands
{
    /// <summary><c>varsave show FILE PATH</c>: the values under one path, with shared references and cycles marked.</summary>
    internal static class ShowCommand
    {
        public static Command Create()
        {
            var file = Arguments.SnapshotFile();
            var path = new Argument<string>("path")
            {
                Description = "What to show: 'static Namespace.Type.Field', 'local name' or 'object' (an ObjectSnapshot), then .Field, [index] or [\"key\"] steps, e.g. 'static Game.World.Heroes[0].Inventory'.",
            };
            var depth = new Option<int>("--depth", "-d") { Description = "How many levels of objects to expand (1 to 64).", DefaultValueFactory = _ => 3 };
            var items = new Option<int>("--max-items") { Description = "The most elements of one collection to list.", DefaultValueFactory = _ => 50 };
            var command = new Command("show", "Show the values under a path, dictionary entries by key; shared objects and cycles are marked, not repeated.") { file, path, depth, items };
            command.SetAction(parse => Runner.Run(() => Show(parse.GetValue(file)!, parse.GetValue(path)!, parse.GetValue(depth), parse.GetValue(items))));
            return command;
        }

        private static int Show(FileInfo file, string path, int depth, int maxItems)
        {
            if (depth < 1 || depth > 64) throw new ToolError("--depth must be between 1 and 64.");
            if (maxItems < 1) throw new ToolError("--max-items must be at least 1.");
            var snapshot = SnapshotFiles.Open(file);
            var value = PathResolver.Resolve(snapshot, path.Trim());
            var counts = SnapshotFiles.WithProgress("Counting references", snapshot.Length, snapshot.ObjectCount, progress => ReferenceCounts.Count(snapshot, progress));
            var printer = new ValueTree(snapshot, counts, depth, maxItems);
            var tree = new Tree(new Text(path.Trim() + " = " + printer.Label(value, path.Trim())));
            printer.Expand(tree, value, path.Trim(), 1);
            Output.Console.Write(tree);
            return 0;
        }

        /// <summary>Expands objects level by level; each object once, later references to it say where it was shown.</summary>
        private sealed class ValueTree
        {
            private readonly InspectedSnapshot _snapshot;
            private readonly int[] _counts;
            private readonly int _depth;
            private readonly int _maxItems;
            private readonly Dictionary<int, string> _shownAt = new Dictionary<int, string>();
            private readonly HashSet<int> _open = new HashSet<int>();

            public ValueTree(InspectedSnapshot snapshot, int[] counts, int depth, int maxItems)
            {
                _snapshot = snapshot;
                _counts = counts;
                _depth = depth;
                _maxItems = maxItems;
            }

            public string Label(InspectedValue value, string path)
            {
                string text = ValueText.Render(_snapshot, value);
                if (!value.IsReference) return text;
                int id = value.Id;
                if (_counts[id] > 1) text += $" (shared: {_counts[id]} references)";
                if (_open.Contains(id)) return text + $" ↺ cycle: back to {_shownAt[id]}";
                if (_shownAt.TryGetValue(id, out var at)) return text + $" → shown above at {at}";
                return text;
            }

            /// <summary>Adds the members of <paramref name="value"/> under <paramref name="node"/>. Recursion is bounded by --depth (at most 64).</summary>
            public void Expand(IHasTreeNodes node, InspectedValue value, string path, int level)
            {
                if (value.Fields != null)
                {
                    var type = _snapshot.Types[value.Id];
                    for (int i = 0; i < value.Fields.Length; i++) Add(node, "." + ValueText.StructFieldName(type, i), value.Fields[i], path, level);
                    return;
                }
                if (!value.IsReference || _shownAt.ContainsKey(value.Id)) return;
                int id = value.Id;
                if (level > _depth)
                {
                    node.AddNode(new Text("… (deeper than --depth)"));
                    return;
                }
                _shownAt[id] = path;
                _open.Add(id);
                var members = _snapshot.Members(id);
                int items = 0;
                foreach (var member in members)
                {
                    if (member.Index >= 0 && ++items > _maxItems)
                    {
                        node.AddNode(new Text($"… {CountItems(members) - _maxItems} more (--max-items)"));
                        break;
                    }
                    string step = ValueText.Step(_snapshot, member);
                    // A delegate entry: its method, then its target (whose members follow).
                    string? method = member.Name != null && member.Index >= 0 ? member.Name : null;
                    Add(node, step, member.Value, path, level, method);
                }
                if (members.Count == 0 && _snapshot.TypeOf(id).Shape == RecordShape.Opaque)
                    node.AddNode(new Text($"({_snapshot.RecordBytes(id)} bytes this version of varsave cannot decode)"));
                _open.Remove(id);
            }

            private void Add(IHasTreeNodes node, string step, InspectedValue value, string path, int level, string? method = null)
            {
                string label = method == null ? Label(value, path + step) : method + " on " + Label(value, path + step);
                var child = node.AddNode(new Text(step + " = " + label));
                Expand(child, value, path + step, level + 1);
            }

            private static int CountItems(List<InspectedMember> members)
            {
                int n = 0;
                foreach (var m in members) if (m.Index >= 0) n++;
                return n;
            }
        }
    }
}
