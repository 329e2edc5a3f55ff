using System;
using System.Globalization;
using System.Text;
using VarSave.Format;
using VarSave.Inspection;

namespace VarSave.Tool
{
    /// <summary>
    /// Values as one line of text. Strings are quoted with every control character escaped, so a
    /// hostile snapshot cannot send escape sequences to the terminal, and cut at a fixed length.
    /// </summary>
    internal static class ValueText
    {
        private const int MaxStringChars = 120;

        public static string Render(InspectedSnapshot snapshot, InspectedValue value, int depth = 0) => value.Tag switch
        {
            ValueTag.Null => "null",
            ValueTag.False => "false",
            ValueTag.True => "true",
            ValueTag.String => Quote((string)value.Scalar!, MaxStringChars),
            ValueTag.Char => "'" + Escape(((char)value.Scalar!).ToString()) + "'",
            ValueTag.Ref => Reference(snapshot, value.Id),
            ValueTag.Enum => $"({snapshot.Types[value.Id].Name}){value.Scalar}",
            ValueTag.External => "external " + Quote((string)value.Scalar!, MaxStringChars),
            ValueTag.Struct => Struct(snapshot, value, depth),
            _ => Scalar(value.Scalar),
        };

        /// <summary>An object as a reference: its type and id.</summary>
        public static string Reference(InspectedSnapshot snapshot, int id) => $"{snapshot.TypeOf(id).Name} #{id}";

        public static string Scalar(object? scalar) => scalar switch
        {
            null => "null",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("o", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("o", CultureInfo.InvariantCulture),
            TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => scalar.ToString() ?? "",
        };

        /// <summary>A struct inline, its own structs too up to a few levels.</summary>
        private static string Struct(InspectedSnapshot snapshot, InspectedValue value, int depth)
        {
            var type = snapshot.Types[value.Id];
            if (depth >= 3) return type.Name + " { … }";
            var text = new StringBuilder(type.Name).Append(" { ");
            var fields = value.Fields!;
            for (int i = 0; i < fields.Length; i++)
                text.Append(i > 0 ? ", " : "").Append(StructFieldName(type, i)).Append(" = ").Append(Render(snapshot, fields[i], depth + 1));
            return text.Append(" }").ToString();
        }

        /// <summary>The name of field <paramref name="index"/> of a struct value: a woven struct's own, Key/Value, or ItemN.</summary>
        public static string StructFieldName(InspectedType type, int index)
        {
            if (index < type.FieldNames.Length) return type.FieldNames[index];
            if (type.Name.StartsWith("System.Collections.Generic.KeyValuePair<", StringComparison.Ordinal)) return index == 0 ? "Key" : "Value";
            return index == 7 && type.Name.StartsWith("System.ValueTuple<", StringComparison.Ordinal) ? "Rest" : "Item" + (index + 1);
        }

        public static string Quote(string text, int maxChars)
        {
            if (text.Length <= maxChars) return "\"" + Escape(text) + "\"";
            return "\"" + Escape(text.Substring(0, maxChars)) + $"…\" ({text.Length} chars)";
        }

        private static string Escape(string text)
        {
            var result = new StringBuilder(text.Length + 2);
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': result.Append("\\\""); break;
                    case '\\': result.Append("\\\\"); break;
                    case '\n': result.Append("\\n"); break;
                    case '\r': result.Append("\\r"); break;
                    case '\t': result.Append("\\t"); break;
                    default:
                        if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E'))
                            result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else result.Append(c);
                        break;
                }
            }
            return result.ToString();
        }

        /// <summary>A byte count for people: 512 B, 12.3 KB, 4.5 MB.</summary>
        public static string Bytes(long bytes) => bytes switch
        {
            < 1024 => $"{bytes} B",
            < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
            _ => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        };

        /// <summary>How a member is written in a path: <c>.Name</c>, <c>[3]</c>, or <c>["key"]</c> for a dictionary entry.</summary>
        public static string Step(InspectedSnapshot snapshot, InspectedMember member)
        {
            if (member.Key is InspectedValue key) return "[" + Render(snapshot, key) + "]";
            if (member.Name != null && member.Index >= 0) return "[" + member.Index + "]"; // a delegate entry: shown by index, its method in the value
            return member.Name != null ? "." + member.Name : "[" + member.Index + "]";
        }
    }
}
