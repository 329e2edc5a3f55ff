using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using VarSave.Codecs;

namespace VarSave.Tests.Fuzzing
{
    /// <summary>
    /// Writes a snapshot from nothing, byte by byte, as an attacker with the format's description
    /// would: type table, strings, records and roots, sealed with a valid checksum.
    /// </summary>
    internal sealed class SnapshotBuilder
    {
        private readonly List<byte[]> _types = new();
        private readonly List<string> _strings = new();
        private readonly List<(int Type, byte[] Payload)> _records = new();
        private readonly List<(int Holder, string[] Names, byte[][] Values)> _statics = new();
        private readonly List<(string Name, byte[] Value)> _locals = new();

        public int TypeCount => _types.Count;

        public int Builtin(Type type)
        {
            if (!BuiltinTypes.TryGetCode(type, out byte code)) throw new ArgumentException($"{type} is not built in");
            return AddType(new byte[] { 1, code });
        }

        public int Generic(Type definition, params int[] args)
        {
            if (!BuiltinTypes.TryGetGenericCode(definition, out byte code)) throw new ArgumentException($"{definition} is not built in");
            return AddType(Concat(new byte[] { 2, code }, Varint((ulong)args.Length), Concat(args.Select(a => Varint((ulong)a)).ToArray())));
        }

        public int Woven(string key, string[] fields, params int[] args) =>
            AddType(Concat(new byte[] { 3 }, Str(key), Varint((ulong)args.Length), Concat(args.Select(a => Varint((ulong)a)).ToArray()),
                Varint((ulong)fields.Length), Concat(fields.Select(Str).ToArray())));

        public int ArrayOf(int element, int rank = 0) => AddType(Concat(new byte[] { 4 }, Varint((ulong)element), Varint((ulong)rank)));

        /// <summary>Adds a raw type entry (for entries no helper writes).</summary>
        public int AddType(byte[] entry)
        {
            _types.Add(entry);
            return _types.Count - 1;
        }

        /// <summary>Adds an object record; returns its id.</summary>
        public int Record(int type, params byte[][] payload)
        {
            _records.Add((type, Concat(payload)));
            return _records.Count - 1;
        }

        /// <summary>Replaces record <paramref name="id"/>'s payload (to close cycles).</summary>
        public void SetRecord(int id, params byte[][] payload) => _records[id] = (_records[id].Type, Concat(payload));

        public void Static(int holder, string name, byte[] value) => _statics.Add((holder, new[] { name }, new[] { value }));

        public void Local(string name, byte[] value) => _locals.Add((name, value));

        /// <summary>Sets the test assembly's <c>Roots.Current</c> to <paramref name="value"/>.</summary>
        public void Root(byte[] value) => Static(Woven("AssemblyToProcess.Roots", Array.Empty<string>()), "Current", value);

        // ---- values ----
        public static readonly byte[] Null = { 0 };
        public static byte[] Int(int value) => Concat(new byte[] { 3 }, ZigZag(value));
        public static byte[] Long(long value) => Concat(new byte[] { 4 }, ZigZag(value));
        public static byte[] Char(char value) => new byte[] { 11, (byte)value, (byte)(value >> 8) };
        public static byte[] Ref(int id) => Concat(new byte[] { 21 }, Varint((ulong)id));
        public static byte[] Struct(int type, params byte[][] fields) => Concat(new byte[] { 22 }, Varint((ulong)type), Varint((ulong)fields.Length), Concat(fields));
        public static byte[] Count(int count) => Varint((ulong)count);

        public byte[] String(string text)
        {
            int index = _strings.IndexOf(text);
            if (index < 0) { _strings.Add(text); index = _strings.Count - 1; }
            return Concat(new byte[] { 15 }, Varint((ulong)index));
        }

        public byte[] Build()
        {
            var body = new MemoryStream();
            void Write(params byte[][] parts) { foreach (var p in parts) body.Write(p); }
            Write(Encoding.ASCII.GetBytes("VARSAVE"), new byte[] { 0x1A, 1, 0, 0 });
            Write(Varint((ulong)_types.Count));
            foreach (var t in _types) Write(t);
            Write(Varint((ulong)_strings.Count));
            foreach (var s in _strings) Write(Str(s));
            Write(Varint((ulong)_records.Count));
            foreach (var (type, payload) in _records) Write(Varint((ulong)type), BitConverter.GetBytes((uint)payload.Length), payload);
            var holders = _statics.GroupBy(s => s.Holder).ToList();
            Write(Varint((ulong)holders.Count));
            foreach (var holder in holders)
            {
                var entries = holder.ToList();
                Write(Varint((ulong)holder.Key), Varint((ulong)entries.Count));
                foreach (var e in entries) Write(Str(e.Names[0]));
                foreach (var e in entries) Write(e.Values[0]);
            }
            Write(Varint((ulong)_locals.Count));
            foreach (var (name, value) in _locals) Write(Str(name), value);
            var bytes = body.ToArray();
            return Concat(bytes, BitConverter.GetBytes(SnapshotSurgery.Crc32(bytes)));
        }

        public static byte[] Str(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            return Concat(Varint((ulong)bytes.Length), bytes);
        }

        public static byte[] ZigZag(long value) => Varint((ulong)((value << 1) ^ (value >> 63)));

        public static byte[] Varint(ulong value)
        {
            var bytes = new List<byte>();
            do
            {
                byte b = (byte)(value & 0x7F);
                value >>= 7;
                bytes.Add(value != 0 ? (byte)(b | 0x80) : b);
            } while (value != 0);
            return bytes.ToArray();
        }

        public static byte[] Concat(params byte[][] parts)
        {
            var all = new byte[parts.Sum(p => p.Length)];
            int at = 0;
            foreach (var p in parts) { p.CopyTo(all, at); at += p.Length; }
            return all;
        }
    }
}
