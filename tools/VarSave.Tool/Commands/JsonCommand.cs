using System;
using System.CommandLine;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using VarSave.Format;
using VarSave.Inspection;

namespace VarSave.Tool.Commands
{
    /// <summary>
    /// <c>varsave json FILE</c>: the whole snapshot as JSON, written as it is read (one record at a time):
    /// <c>{ "format", "types", "roots": { "statics", "locals" }, "objects" }</c>; a reference is <c>{"$ref": id}</c>.
    /// </summary>
    internal static class JsonCommand
    {
        public static Command Create()
        {
            var file = Arguments.SnapshotFile();
            var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the JSON to this file instead of standard output." };
            var indented = new Option<bool>("--indented") { Description = "Indent the JSON for reading." };
            var command = new Command("json", "Write the whole snapshot as JSON: types, statics, locals and every object with its fields; references are {\"$ref\": id}.") { file, output, indented };
            command.SetAction(parse => Runner.Run(() => Export(parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(indented))));
            return command;
        }

        private static int Export(FileInfo file, FileInfo? output, bool indented)
        {
            var snapshot = SnapshotFiles.Open(file);
            Stream target = output == null ? Console.OpenStandardOutput() : File.Create(output.FullName);
            try
            {
                // Relaxed escaping keeps type names such as List<Game.Hero> readable; the output is not meant for HTML.
                var options = new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };
                using var json = new Utf8JsonWriter(target, options);
                SnapshotFiles.WithProgress("Writing JSON", output == null ? 0 : snapshot.Length, snapshot.ObjectCount, progress =>
                {
                    new JsonExport(snapshot, json).Write(progress);
                    return 0;
                });
                json.Flush();
                if (output == null) target.WriteByte((byte)'\n');
            }
            finally
            {
                if (output != null) target.Dispose();
                else target.Flush();
            }
            return 0;
        }

        private sealed class JsonExport
        {
            private readonly InspectedSnapshot _snapshot;
            private readonly Utf8JsonWriter _json;

            public JsonExport(InspectedSnapshot snapshot, Utf8JsonWriter json)
            {
                _snapshot = snapshot;
                _json = json;
            }

            public void Write(Action<long> progress)
            {
                _json.WriteStartObject();
                _json.WriteStartObject("format");
                _json.WriteNumber("version", _snapshot.Version);
                _json.WriteBoolean("signed", _snapshot.Signed);
                _json.WriteBoolean("checksumValid", true);
                _json.WriteNumber("bytes", _snapshot.Length);
                _json.WriteEndObject();
                WriteTypes();
                WriteRoots();
                _json.WriteStartArray("objects");
                for (int id = 0; id < _snapshot.ObjectCount; id++)
                {
                    WriteObject(id);
                    SnapshotFiles.Tick(progress, id);
                }
                _json.WriteEndArray();
                _json.WriteEndObject();
            }

            private void WriteTypes()
            {
                _json.WriteStartArray("types");
                foreach (var type in _snapshot.Types)
                {
                    _json.WriteStartObject();
                    _json.WriteNumber("id", type.Id);
                    _json.WriteString("kind", type.Kind.ToString().ToLowerInvariant());
                    _json.WriteString("name", type.Name);
                    if (type.FieldNames.Length > 0)
                    {
                        _json.WriteStartArray("fields");
                        foreach (var name in type.FieldNames) _json.WriteStringValue(name);
                        _json.WriteEndArray();
                    }
                    _json.WriteEndObject();
                }
                _json.WriteEndArray();
            }

            private void WriteRoots()
            {
                _json.WriteStartObject("roots");
                _json.WriteStartArray("statics");
                foreach (var holder in _snapshot.Statics)
                {
                    _json.WriteStartObject();
                    _json.WriteString("type", holder.Type);
                    _json.WriteStartObject("fields");
                    foreach (var field in holder.Fields)
                    {
                        _json.WritePropertyName(field.Name);
                        WriteValue(field.Value);
                    }
                    _json.WriteEndObject();
                    _json.WriteEndObject();
                }
                _json.WriteEndArray();
                _json.WriteStartObject("locals");
                foreach (var local in _snapshot.Locals)
                {
                    _json.WritePropertyName(local.Name);
                    WriteValue(local.Value);
                }
                _json.WriteEndObject();
                _json.WriteEndObject();
            }

            private void WriteObject(int id)
            {
                var type = _snapshot.TypeOf(id);
                var members = _snapshot.Members(id);
                _json.WriteStartObject();
                _json.WriteNumber("id", id);
                _json.WriteString("type", type.Name);
                switch (type.Shape)
                {
                    case RecordShape.Map:
                        WriteNamed(members);
                        _json.WriteStartArray("entries");
                        foreach (var m in members)
                        {
                            if (m.Key == null) continue;
                            _json.WriteStartObject();
                            _json.WritePropertyName("key");
                            WriteValue(m.Key.Value);
                            _json.WritePropertyName("value");
                            WriteValue(m.Value);
                            _json.WriteEndObject();
                        }
                        _json.WriteEndArray();
                        break;
                    case RecordShape.PriorityQueue:
                        WriteNamed(members);
                        _json.WriteStartArray("items");
                        foreach (var m in members)
                        {
                            if (m.Key == null) continue;
                            _json.WriteStartObject();
                            _json.WritePropertyName("element");
                            WriteValue(m.Value);
                            _json.WritePropertyName("priority");
                            WriteValue(m.Key.Value);
                            _json.WriteEndObject();
                        }
                        _json.WriteEndArray();
                        break;
                    case RecordShape.Delegate:
                        _json.WriteStartArray("invocationList");
                        foreach (var m in members)
                        {
                            _json.WriteStartObject();
                            _json.WriteString("method", m.Name);
                            _json.WritePropertyName("target");
                            WriteValue(m.Value);
                            _json.WriteEndObject();
                        }
                        _json.WriteEndArray();
                        break;
                    case RecordShape.Vector:
                    case RecordShape.MultiArray:
                    case RecordShape.Sequence:
                    case RecordShape.Set:
                        WriteNamed(members);
                        _json.WriteStartArray("items");
                        foreach (var m in members)
                            if (m.Index >= 0) WriteValue(m.Value);
                        _json.WriteEndArray();
                        break;
                    case RecordShape.Opaque:
                        _json.WriteNumber("undecodedBytes", _snapshot.RecordBytes(id));
                        break;
                    default:
                        WriteNamed(members);
                        break;
                }
                _json.WriteEndObject();
            }

            /// <summary>Fields, a comparer, array lengths: under "fields".</summary>
            private void WriteNamed(System.Collections.Generic.List<InspectedMember> members)
            {
                bool any = false;
                foreach (var m in members)
                {
                    if (m.Name == null || m.Index >= 0) continue;
                    if (!any) _json.WriteStartObject("fields");
                    any = true;
                    _json.WritePropertyName(m.Name);
                    WriteValue(m.Value);
                }
                if (any) _json.WriteEndObject();
            }

            /// <summary>One value; structs nest at most <see cref="LoadLimits.MaxNesting"/> deep, as the decoder allows.</summary>
            private void WriteValue(InspectedValue value)
            {
                switch (value.Tag)
                {
                    case ValueTag.Null: _json.WriteNullValue(); return;
                    case ValueTag.False: case ValueTag.True: _json.WriteBooleanValue((bool)value.Scalar!); return;
                    case ValueTag.String: _json.WriteStringValue((string)value.Scalar!); return;
                    case ValueTag.Ref:
                        _json.WriteStartObject();
                        _json.WriteNumber("$ref", value.Id);
                        _json.WriteEndObject();
                        return;
                    case ValueTag.Enum:
                        _json.WriteStartObject();
                        _json.WriteString("$enum", _snapshot.Types[value.Id].Name);
                        _json.WriteNumber("value", (long)value.Scalar!);
                        _json.WriteEndObject();
                        return;
                    case ValueTag.External:
                        _json.WriteStartObject();
                        _json.WriteString("$external", (string)value.Scalar!);
                        _json.WriteEndObject();
                        return;
                    case ValueTag.Struct:
                    {
                        var type = _snapshot.Types[value.Id];
                        _json.WriteStartObject();
                        _json.WriteString("$type", type.Name);
                        for (int i = 0; i < value.Fields!.Length; i++)
                        {
                            _json.WritePropertyName(ValueText.StructFieldName(type, i));
                            WriteValue(value.Fields[i]);
                        }
                        _json.WriteEndObject();
                        return;
                    }
                }
                switch (value.Scalar)
                {
                    case int n: _json.WriteNumberValue(n); return;
                    case long n: _json.WriteNumberValue(n); return;
                    case uint n: _json.WriteNumberValue(n); return;
                    case ulong n: _json.WriteNumberValue(n); return;
                    case byte n: _json.WriteNumberValue(n); return;
                    case sbyte n: _json.WriteNumberValue(n); return;
                    case short n: _json.WriteNumberValue(n); return;
                    case ushort n: _json.WriteNumberValue(n); return;
                    case decimal n: _json.WriteNumberValue(n); return;
                    case double n when double.IsFinite(n): _json.WriteNumberValue(n); return;
                    case float n when float.IsFinite(n): _json.WriteNumberValue(n); return;
                    default: _json.WriteStringValue(ValueText.Scalar(value.Scalar)); return;
                }
            }
        }
    }
}
