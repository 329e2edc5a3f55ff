using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using VarSave.Codecs.Values;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Collections
{
    /// <summary>An <see cref="ArrayList"/>: count, then items.</summary>
    internal sealed class ArrayListCodec : ObjectCodec
    {
        public static readonly ArrayListCodec Instance = new ArrayListCodec();

        public override bool FillsInPlace => true;

        public override void Reset(object instance) => ((ArrayList)instance).Clear();

        public override void Write(object value, StateWriter writer)
        {
            var list = (ArrayList)value;
            writer.WriteCount(list.Count);
            for (int i = 0; i < list.Count; i++) writer.WriteElement(i, list[i]);
        }

        public override object Create(StateReader reader, LoadedType type) => new ArrayList(reader.ReadCount("collection item"));

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            reader.ReadCount("collection item");
            reader.ScanToEnd(scan);
        }

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var list = (ArrayList)instance;
            int count = reader.ReadCount("collection item");
            for (int i = 0; i < count; i++) list.Add(reader.ReadValue());
        }
    }

    /// <summary>A <see cref="Hashtable"/>: count, key comparer (as for generic dictionaries), then key and value per entry.</summary>
    internal sealed class HashtableCodec : ObjectCodec
    {
        private static readonly FieldInfo KeyComparer = typeof(Hashtable).GetField("_keycomparer", BindingFlags.Instance | BindingFlags.NonPublic)!;

        public static readonly HashtableCodec Instance = new HashtableCodec();

        public override bool FillsLate => true;

        public override bool FillsInPlace => true;

        public override void Reset(object instance) => ((Hashtable)instance).Clear();

        public override void Write(object value, StateWriter writer)
        {
            var table = (Hashtable)value;
            writer.WriteCount(table.Count);
            Comparers.Write(KeyComparer.GetValue(table) ?? NoComparer, NoComparer, writer);
            int i = 0;
            foreach (DictionaryEntry entry in table)
            {
                writer.WriteElement(i, entry.Key, "Key");
                writer.WriteElement(i++, entry.Value, "Value");
            }
        }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            reader.ReadCount("dictionary entry");
            Comparers.SkipCode(reader);
            reader.ScanToEnd(scan);
        }

        // Stands for "no comparer": a Hashtable without one uses each key's own Equals and GetHashCode.
        private static readonly object NoComparer = new object();

        public override object Create(StateReader reader, LoadedType type)
        {
            int count = reader.ReadCount("dictionary entry");
            return new Hashtable(count, Comparers.Read<IEqualityComparer>(reader, type));
        }

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var table = (Hashtable)instance;
            int count = reader.ReadCount("dictionary entry");
            var comparer = Comparers.Read<IEqualityComparer>(reader, type);
            // Keys of equal hash codes probe the same slots: the load's collision budget counts them
            // (a Hashtable keeps its load factor at 0.72, so it has about count / 0.72 buckets).
            var budget = reader.Collisions;
            budget.Begin(EqualityComparer<object>.Default, (int)Math.Min(int.MaxValue, count / 0.72 + 1));
            for (int i = 0; i < count; i++)
            {
                var key = reader.ReadValue() ?? throw reader.Input.Corrupt($"{type.Name} has a null key at entry {i}");
                budget.Add((comparer?.GetHashCode(key) ?? key.GetHashCode()) & 0x7FFFFFFF, type.Name);
                var value = reader.ReadValue();
                table[key] = value;
                if (table.Count != i + 1) throw reader.Input.Corrupt($"{type.Name} has a repeated key at entry {i}");
            }
        }
    }

    /// <summary>A <see cref="BitArray"/>: its length in bits, then 32-bit words.</summary>
    internal sealed class BitArrayCodec : ImmutableObjectCodec
    {
        public static readonly BitArrayCodec Instance = new BitArrayCodec();

        public override void Write(object value, StateWriter writer)
        {
            var bits = (BitArray)value;
            var words = new int[(bits.Length + 31) / 32];
            bits.CopyTo(words, 0);
            writer.WriteCount(bits.Length);
            foreach (int word in words) writer.Output.WriteUInt32((uint)word);
        }

        protected override object Read(StateReader reader, LoadedType type)
        {
            ulong length = reader.Input.ReadVarUInt();
            if (length > int.MaxValue) throw reader.Input.Corrupt("a BitArray's length is out of range");
            long wordCount = ((long)length + 31) / 32;
            if (wordCount * 4 > reader.Input.Remaining) throw reader.Input.Corrupt($"a BitArray of {length} bits is longer than its record");
            var words = new int[wordCount];
            for (int i = 0; i < words.Length; i++) words[i] = (int)reader.Input.ReadUInt32();
            return new BitArray(words) { Length = (int)length };
        }
    }
}
