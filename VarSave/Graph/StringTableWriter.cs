using System;
using System.Collections.Generic;
using VarSave.Format;

namespace VarSave.Graph
{
    /// <summary>Each distinct string is written once, in a table before the objects; values refer to it by index.</summary>
    internal sealed class StringTableWriter
    {
        private readonly Dictionary<string, int> _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly ByteWriter _bytes = new ByteWriter(4096);

        public int Count => _ids.Count;

        public ByteWriter Bytes => _bytes;

        public void Clear()
        {
            _ids.Clear();
            _bytes.Clear();
        }

        public int IdOf(string value)
        {
            if (_ids.TryGetValue(value, out int id)) return id;
            id = _ids.Count;
            _ids.Add(value, id);
            _bytes.WriteString(value);
            return id;
        }
    }
}
