using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using VarSave.Benchmarks.Model;

namespace VarSave.Benchmarks
{
    /// <summary>
    /// A reference point, not a serializer: code written by hand for exactly this graph, in the
    /// same spirit as VarSave's format (a string table, varints, references as indexes) but with
    /// everything a general tool must do left out: no type table or field names, no identity
    /// tracking for lists (it knows none is shared), no checksum, no version, no checks on load
    /// beyond array bounds. It knows every Target is in Players, so a player's id is its index, and
    /// finds that index with a Dictionary, as code without VarSave's save marks must.
    /// What it costs is what the runtime and the machine charge for walking or building this graph.
    /// </summary>
    internal sealed class HandWrittenEngine : Engine
    {
        public override string Name => "hand-written (reference)";

        public override object Save(World world)
        {
            var players = world.Players;
            var ids = new Dictionary<Player, int>(players.Count, ReferenceEqualityComparer.Instance);
            for (int i = 0; i < players.Count; i++) ids.Add(players[i], i);
            var strings = new StringTable();
            var body = new Output(players.Count * 48);
            body.VarUInt((uint)players.Count);
            foreach (var player in players)
            {
                body.VarUInt(strings.IdOf(player.Name));
                body.VarUInt((uint)player.Hp);
                body.Double(player.X);
                body.Double(player.Y);
                body.VarUInt((uint)player.Inventory.Count);
                foreach (var item in player.Inventory) body.VarUInt(strings.IdOf(item));
                body.VarUInt(player.Target == null ? 0u : (uint)ids[player.Target] + 1);
            }
            body.VarUInt((uint)world.Index.Count);
            foreach (var entry in world.Index)
            {
                body.VarUInt(strings.IdOf(entry.Key));
                body.VarUInt((uint)ids[entry.Value]);
            }
            var file = new Output(strings.Bytes.Length + body.Length + 8);
            file.VarUInt(strings.Count);
            file.Append(strings.Bytes);
            file.Append(body);
            return file.ToArray();
        }

        public override World Load(byte[] bytes)
        {
            var input = new Input(bytes);
            var strings = new string[input.VarUInt()];
            for (int i = 0; i < strings.Length; i++) strings[i] = input.String();
            var players = new Player[input.VarUInt()];
            for (int i = 0; i < players.Length; i++) players[i] = new Player();
            foreach (var player in players)
            {
                player.Name = strings[input.VarUInt()];
                player.Hp = (int)input.VarUInt();
                player.X = input.Double();
                player.Y = input.Double();
                var inventory = new List<string>((int)input.VarUInt());
                for (int k = inventory.Capacity; k > 0; k--) inventory.Add(strings[input.VarUInt()]);
                player.Inventory = inventory;
                uint target = input.VarUInt();
                player.Target = target == 0 ? null : players[target - 1];
            }
            int count = (int)input.VarUInt();
            var index = new Dictionary<string, Player>(count);
            for (int i = 0; i < count; i++) index.Add(strings[input.VarUInt()], players[input.VarUInt()]);
            return GameState.World = new World { Players = new List<Player>(players), Index = index };
        }

        private sealed class StringTable
        {
            private readonly Dictionary<string, uint> _ids = new Dictionary<string, uint>(StringComparer.Ordinal);

            public Output Bytes { get; } = new Output(4096);

            public uint Count => (uint)_ids.Count;

            public uint IdOf(string text)
            {
                if (_ids.TryGetValue(text, out uint id)) return id;
                _ids.Add(text, id = Count);
                Bytes.String(text);
                return id;
            }
        }

        private sealed class Output
        {
            private byte[] _buffer;

            public Output(int capacity) => _buffer = new byte[capacity];

            public int Length { get; private set; }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public void VarUInt(uint value)
            {
                if (_buffer.Length - Length < 5) Array.Resize(ref _buffer, _buffer.Length * 2);
                while (value >= 0x80)
                {
                    _buffer[Length++] = (byte)(value | 0x80);
                    value >>= 7;
                }
                _buffer[Length++] = (byte)value;
            }

            public void Double(double value)
            {
                if (_buffer.Length - Length < 8) Array.Resize(ref _buffer, _buffer.Length * 2);
                BitConverter.TryWriteBytes(_buffer.AsSpan(Length), value);
                Length += 8;
            }

            public void String(string text)
            {
                int max = Encoding.UTF8.GetMaxByteCount(text.Length) + 5;
                if (_buffer.Length - Length < max) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + max));
                int count = Encoding.UTF8.GetBytes(text, _buffer.AsSpan(Length + 1));
                if (count >= 0x80) throw new NotSupportedException("the hand-written engine writes strings under 128 bytes only");
                _buffer[Length] = (byte)count;
                Length += count + 1;
            }

            public void Append(Output other)
            {
                if (_buffer.Length - Length < other.Length) Array.Resize(ref _buffer, Length + other.Length);
                Array.Copy(other._buffer, 0, _buffer, Length, other.Length);
                Length += other.Length;
            }

            public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();
        }

        private ref struct Input
        {
            private readonly ReadOnlySpan<byte> _data;
            private int _position;

            public Input(byte[] data)
            {
                _data = data;
                _position = 0;
            }

            public uint VarUInt()
            {
                uint value = 0;
                for (int shift = 0; ; shift += 7)
                {
                    byte next = _data[_position++];
                    value |= (uint)(next & 0x7F) << shift;
                    if (next < 0x80) return value;
                }
            }

            public double Double()
            {
                double value = BitConverter.ToDouble(_data.Slice(_position, 8));
                _position += 8;
                return value;
            }

            public string String()
            {
                int length = _data[_position++];
                string text = Encoding.UTF8.GetString(_data.Slice(_position, length));
                _position += length;
                return text;
            }
        }
    }
}
