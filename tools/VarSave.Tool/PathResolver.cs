using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VarSave.Inspection;

namespace VarSave.Tool
{
    /// <summary>
    /// Finds the value at a path such as <c>static Game.World.Heroes[0].Name</c>, <c>local x</c>,
    /// <c>object.Items["sword"]</c>: a root, then fields (<c>.Name</c>), elements (<c>[3]</c>) and
    /// dictionary entries by key (<c>["sword"]</c>, <c>[42]</c>). Names may contain dots (a field
    /// qualified by its declaring type), so each step takes the longest name that fits.
    /// </summary>
    internal static class PathResolver
    {
        public static InspectedValue Resolve(InspectedSnapshot snapshot, string path)
        {
            var roots = RootSlot.All(snapshot);
            var root = roots.Where(r => path == r.Path || path.StartsWith(r.Path, StringComparison.Ordinal) && IsStepStart(path[r.Path.Length]))
                .OrderByDescending(r => r.Path.Length).FirstOrDefault()
                ?? throw new ToolError($"no root '{Before(path)}' in the snapshot; its roots are: {string.Join(", ", roots.Select(r => r.Path).Take(20))}{(roots.Count > 20 ? ", …" : "")}");
            var value = root.Root.Value;
            int at = root.Path.Length;
            string walked = root.Path;
            while (at < path.Length)
            {
                int start = at;
                value = path[at] == '.' ? Field(snapshot, value, path, ref at, walked) : Bracket(snapshot, value, path, ref at, walked);
                walked += path.Substring(start, at - start);
            }
            return value;
        }

        private static bool IsStepStart(char c) => c == '.' || c == '[';

        private static string Before(string path)
        {
            int end = path.IndexOfAny(new[] { '[' });
            return end < 0 ? path : path.Substring(0, end);
        }

        private static InspectedValue Field(InspectedSnapshot snapshot, InspectedValue value, string path, ref int at, string walked)
        {
            var named = Named(snapshot, value, walked);
            int nameStart = at + 1;
            var match = named.Where(m => path.Length >= nameStart + m.Name.Length && string.CompareOrdinal(path, nameStart, m.Name, 0, m.Name.Length) == 0
                                         && (path.Length == nameStart + m.Name.Length || IsStepStart(path[nameStart + m.Name.Length])))
                .OrderByDescending(m => m.Name.Length).FirstOrDefault();
            if (match.Name == null)
            {
                string wanted = path.Substring(nameStart).Split('.', '[')[0];
                throw new ToolError($"{walked} has no field '{wanted}'; its fields are: {string.Join(", ", named.Select(m => m.Name).Take(40))}");
            }
            at = nameStart + match.Name.Length;
            return match.Value;
        }

        /// <summary>The named parts of an object or struct value.</summary>
        private static List<(string Name, InspectedValue Value)> Named(InspectedSnapshot snapshot, InspectedValue value, string walked)
        {
            if (value.Fields != null)
            {
                var type = snapshot.Types[value.Id];
                return value.Fields.Select((field, i) => (ValueText.StructFieldName(type, i), field)).ToList();
            }
            if (!value.IsReference) throw new ToolError($"{walked} is {ValueText.Render(snapshot, value)}, which has no fields.");
            return snapshot.Members(value.Id).Where(m => m.Name != null && m.Index < 0).Select(m => (m.Name!, m.Value)).ToList();
        }

        private static InspectedValue Bracket(InspectedSnapshot snapshot, InspectedValue value, string path, ref int at, string walked)
        {
            string text = ReadBracket(path, ref at, out bool quoted);
            if (!value.IsReference) throw new ToolError($"{walked} is {ValueText.Render(snapshot, value)}, which has no elements.");
            var members = snapshot.Members(value.Id);
            var entries = members.Where(m => m.Key != null).ToList();
            if (entries.Count > 0 || snapshot.TypeOf(value.Id).Shape == RecordShape.Map)
            {
                foreach (var entry in entries)
                {
                    var key = entry.Key!.Value;
                    bool isText = key.Tag == Format.ValueTag.String && (string)key.Scalar! == text;
                    if (isText || !quoted && ValueText.Render(snapshot, key) == text) return entry.Value;
                }
                throw new ToolError($"{walked} has no key [{(quoted ? ValueText.Quote(text, 60) : text)}]; its keys are: " +
                                    string.Join(", ", entries.Take(20).Select(e => ValueText.Render(snapshot, e.Key!.Value))) + (entries.Count > 20 ? ", …" : ""));
            }
            var items = members.Where(m => m.Index >= 0).ToList();
            if (quoted || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                throw new ToolError($"{walked} is a {snapshot.TypeOf(value.Id).Name}, indexed by position: [0] to [{items.Count - 1}], not [{text}].");
            if (index >= items.Count) throw new ToolError($"{walked} has {items.Count} items; [{index}] is out of range.");
            return items[index].Value;
        }

        /// <summary>The text between brackets; a quoted key may contain brackets and escaped quotes.</summary>
        private static string ReadBracket(string path, ref int at, out bool quoted)
        {
            int i = at + 1;
            quoted = i < path.Length && path[i] == '"';
            var text = new System.Text.StringBuilder();
            if (quoted)
            {
                for (i++; i < path.Length && path[i] != '"'; i++)
                {
                    if (path[i] == '\\' && i + 1 < path.Length) i++;
                    text.Append(path[i]);
                }
                i++;
            }
            else
                for (; i < path.Length && path[i] != ']'; i++) text.Append(path[i]);
            if (i >= path.Length || path[i] != ']') throw new ToolError($"the path has an unclosed '[' at character {at + 1}.");
            at = i + 1;
            return text.ToString();
        }
    }
}
