using System;
using System.Collections.Generic;
using VarSave.Format;

namespace VarSave.Inspection
{
    /// <summary>
    /// A snapshot opened for reading without the program that wrote it (the <c>varsave</c> tool):
    /// envelope, type table, strings, record index and roots are decoded up front; records are decoded
    /// one at a time on demand. It looks no name up in any program and creates no saved type. Every
    /// read is bounded as a load's is (<see cref="LoadLimits"/>), and nothing recurses on data
    /// beyond the struct nesting limit.
    /// </summary>
    internal sealed partial class InspectedSnapshot
    {
        private readonly byte[] _data;
        private readonly ByteReader _in;
        private int[] _recordType = Array.Empty<int>();
        private int[] _recordStart = Array.Empty<int>();
        private int[] _recordEnd = Array.Empty<int>();

        private InspectedSnapshot(byte[] data, int bodyEnd, LoadLimits limits)
        {
            _data = data;
            BodyEnd = bodyEnd;
            _in = new ByteReader(data, FormatConstants.HeaderLength, bodyEnd, limits);
        }

        public int Length => _data.Length;
        public int Version => _data[FormatConstants.Magic.Length] | _data[FormatConstants.Magic.Length + 1] << 8;
        public bool Signed => (_data[FormatConstants.Magic.Length + 2] & FormatConstants.SignedFlag) != 0;
        /// <summary>Where the body ends: the signature (if signed) and checksum follow.</summary>
        public int BodyEnd { get; }
        public InspectedType[] Types { get; private set; } = Array.Empty<InspectedType>();
        public string[] Strings { get; private set; } = Array.Empty<string>();
        public int ObjectCount { get; private set; }
        public List<InspectedStatics> Statics { get; } = new List<InspectedStatics>();
        public List<InspectedRoot> Locals { get; } = new List<InspectedRoot>();

        /// <summary>Bytes of each section: header, types, strings, objects (with the record index), roots, trailer.</summary>
        public int TypesBytes { get; private set; }
        public int StringsBytes { get; private set; }
        public int ObjectsBytes { get; private set; }
        public int RootsBytes { get; private set; }
        public int TrailerBytes => Length - BodyEnd;

        /// <summary>
        /// Checks the envelope (signature bytes, version, checksum; the signature itself only with
        /// <paramref name="signingKey"/>) and decodes everything but the records' contents.
        /// </summary>
        /// <exception cref="SnapshotFormatException">The file is damaged, hostile or over a limit.</exception>
        public static InspectedSnapshot Open(byte[] data, LoadLimits? limits = null, byte[]? signingKey = null)
        {
            limits ??= new LoadLimits();
            if (data.Length > limits.MaxSnapshotBytes)
                throw new SnapshotFormatException($"The snapshot is {data.Length} bytes, over the limit of {limits.MaxSnapshotBytes}.");
            int bodyEnd = Envelope.Check(data, signingKey);
            var snapshot = new InspectedSnapshot(data, bodyEnd, limits);
            Guarded(snapshot.ReadSections);
            return snapshot;
        }

        /// <summary>Runs a decoding step so that it throws only <see cref="SnapshotFormatException"/>, as loads do.</summary>
        internal static T Guarded<T>(Func<T> decode)
        {
            try
            {
                return decode();
            }
            catch (Exception e) when (DecodingErrors.Matches(e))
            {
                throw DecodingErrors.Corrupt(e);
            }
        }

        private static void Guarded(Action decode) => Guarded(() => { decode(); return 0; });

        private void ReadSections()
        {
            int start = _in.Position;
            Types = TypeTableDecoder.Read(_in);
            TypesBytes = _in.Position - start;

            start = _in.Position;
            var strings = new string[_in.ReadCount("string", minBytesEach: 1)];
            for (int i = 0; i < strings.Length; i++) strings[i] = _in.ReadString();
            Strings = strings;
            StringsBytes = _in.Position - start;

            start = _in.Position;
            ReadRecordIndex();
            ObjectsBytes = _in.Position - start;

            start = _in.Position;
            ReadRoots();
            if (_in.Remaining != 0) throw _in.Corrupt($"{_in.Remaining} bytes follow the roots");
            RootsBytes = _in.Position - start;
        }

        private void ReadRecordIndex()
        {
            int count = RecordIndex.ReadCount(_in);
            _recordType = new int[count];
            _recordStart = new int[count];
            _recordEnd = new int[count];
            RecordIndex.ReadEntries(_in, count, Types.Length, _recordType, _recordStart, _recordEnd);
            ObjectCount = count;
        }

        private void ReadRoots()
        {
            int staticCount = _in.ReadCount("static type");
            for (int i = 0; i < staticCount; i++)
            {
                var holder = Types[_in.ReadIndex("static holder type", Types.Length)];
                var names = new string[_in.ReadCount("static field")];
                for (int n = 0; n < names.Length; n++) names[n] = _in.ReadString();
                var fields = new InspectedRoot[names.Length];
                for (int n = 0; n < names.Length; n++) fields[n] = ReadRoot(names[n]);
                Statics.Add(new InspectedStatics(holder.Name, fields));
            }
            int localCount = _in.ReadCount("local", minBytesEach: 2);
            for (int i = 0; i < localCount; i++) Locals.Add(ReadRoot(_in.ReadString()));
        }

        private InspectedRoot ReadRoot(string name)
        {
            int start = _in.Position;
            var value = ReadValue(0);
            return new InspectedRoot(name, value, _in.Position - start);
        }

        /// <summary>The type of object <paramref name="id"/>.</summary>
        public InspectedType TypeOf(int id) => Types[_recordType[id]];

        /// <summary>The bytes object <paramref name="id"/> takes in the file, its type id and length prefix included.</summary>
        public int RecordBytes(int id)
        {
            int payload = _recordEnd[id] - _recordStart[id];
            return payload + 4 + VarIntLength((uint)_recordType[id]);
        }

        private static int VarIntLength(uint value)
        {
            int length = 1;
            while (value >= 0x80) { value >>= 7; length++; }
            return length;
        }
    }

    /// <summary>One type's saved statics.</summary>
    internal sealed class InspectedStatics
    {
        public InspectedStatics(string type, InspectedRoot[] fields)
        {
            Type = type;
            Fields = fields;
        }

        public string Type { get; }
        public InspectedRoot[] Fields { get; }
    }

    /// <summary>A static field or local as saved: its name, value, and the bytes the value takes in the roots section.</summary>
    internal sealed class InspectedRoot
    {
        public InspectedRoot(string name, InspectedValue value, int inlineBytes)
        {
            Name = name;
            Value = value;
            InlineBytes = inlineBytes;
        }

        public string Name { get; }
        public InspectedValue Value { get; }
        public int InlineBytes { get; }
    }
}
