using System;
using System.Collections.Generic;
using System.ComponentModel;
using VarSave.Format;
using VarSave.Graph;

namespace VarSave.Runtime
{
    /// <summary>
    /// Decodes a snapshot and fills objects. Woven restore methods call <see cref="Read{T}"/>
    /// once per field with the field's index in today's schema; the reader maps it to the
    /// saved field of the same name, decided once per type per load.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed partial class StateReader
    {
        private readonly ByteReader _in;
        private readonly LoadedType[] _types;
        private readonly LoadReportBuilder _report;
        // Arrays from the workspace, which may be longer than this snapshot needs: the counts say how much is in use.
        private readonly ReaderWorkspace? _work;
        private string[] _strings = Array.Empty<string>();
        private int _stringCount;
        private object?[] _instances = Array.Empty<object?>();
        private int _objectCount;
        private int[] _recordType = Array.Empty<int>();
        private int[] _recordStart = Array.Empty<int>();
        private int[] _recordEnd = Array.Empty<int>();
        private int _structDepth;
        private bool[]? _reused;
        private int _bodyEnd;
        private bool _streaming;
        private readonly IExternalReferences? _external = ProgramState.ExternalReferences;

        // The object or statics being restored: saved values, and today's index -> saved index.
        private object?[] _slots = Array.Empty<object?>();
        private int[] _map = Array.Empty<int>();
        private string _owner = "";
        private string[] _fieldNames = Array.Empty<string>();

        private StateReader(ByteReader input, LoadedType[] types, LoadReportBuilder report, ReaderWorkspace? work)
        {
            _in = input;
            _types = types;
            _report = report;
            _work = work;
        }

        /// <summary>Assigns the saved value of field <paramref name="index"/>, if the snapshot has one; otherwise leaves the field as it is.</summary>
        public void Read<T>(int index, ref T field)
        {
            if (_streaming)
            {
                field = ReadTyped<T>(_owner, index, element: false);
                return;
            }
            int saved = index < _map.Length ? _map[index] : -1;
            if (saved < 0) return;
            if (_slots[saved] is T typed && !(typed is MissingObject)) { field = typed; return; }
            string name = index < _fieldNames.Length ? _fieldNames[index] : "#" + index;
            field = Convert<T>(_slots[saved], _owner + "." + name);
        }

        /// <summary>Checks the file, creates the objects its roots reach and fills them; statics and locals are returned for the caller to apply.</summary>
        internal static DecodedSnapshot Decode(byte[] data, LoadReportBuilder report, LoadOptions options, StaticsBackup live, Dictionary<string, object>? callerObjects = null)
        {
            try
            {
                return DecodeChecked(data, report, options, live, callerObjects);
            }
            catch (Exception e) when (DecodingErrors.Matches(e))
            {
                // Every input is checked where it is read; this net keeps the promise that a load throws only VarSave's exceptions.
                throw DecodingErrors.Corrupt(e);
            }
        }

        private static DecodedSnapshot DecodeChecked(byte[] data, LoadReportBuilder report, LoadOptions options, StaticsBackup live, Dictionary<string, object>? callerObjects)
        {
            if (data.Length > options.Limits.MaxSnapshotBytes)
                throw new SnapshotFormatException($"The snapshot is {data.Length} bytes, over LoadLimits.MaxSnapshotBytes ({options.Limits.MaxSnapshotBytes}).");
            int bodyEnd = Envelope.Check(data, ProgramState.SigningKey);
            var input = new ByteReader(data, FormatConstants.HeaderLength, bodyEnd, options.Limits);
            var types = TypeTableReader.Read(input, report);
            var reader = new StateReader(input, types, report, ReaderWorkspace.Rent()) { _bodyEnd = bodyEnd };
            try
            {
                reader.ReadStringTable();
                reader.ReadRecordIndex();
                int rootsAt = input.Position;
                if (options.InPlace || callerObjects != null)
                {
                    // The calling method's this and closures are refilled with the saved ones, so every reference to them stays valid.
                    InPlaceMatcher.Match(reader, rootsAt, options.InPlace ? live : null, callerObjects);
                    reader.LeaveRecords(rootsAt);
                }
                // Nothing is created before it is known to be reached from a root.
                reader.Reach(rootsAt);
                reader.CreateObjects();
                // Roots may hold built objects (immutable collections), which exist only once objects are filled.
                var decoded = reader._ordered ? null : reader.ReadRootsToEnd();
                reader.FillObjects();
                decoded ??= reader.ReadRootsToEnd();
                reader.RunAfterFill();
                CheckStatics(decoded);
                return decoded;
            }
            catch
            {
                reader.AbandonCreated();
                reader.Release();
                throw;
            }
        }

        /// <summary>Ends the load: the reader's arrays go back to be reused, emptied of the loaded objects.</summary>
        internal void Release()
        {
            _work?.Return(_stringCount, _objectCount);
            _strings = Array.Empty<string>();
            _instances = Array.Empty<object?>();
            _stringCount = _objectCount = 0;
        }

        /// <summary>A reader over values already in memory, for restoring a <see cref="StaticsBackup"/>.</summary>
        internal static StateReader ForMemory() =>
            new StateReader(new ByteReader(Array.Empty<byte>(), 0, 0), Array.Empty<LoadedType>(), new LoadReportBuilder(), work: null);

        /// <summary>Every object the load created (only those the roots reach), in the order they were first reached when saved.</summary>
        internal IEnumerable<object> RestoredObjects
        {
            get
            {
                for (int id = 0; id < _objectCount; id++)
                {
                    var instance = _instances[id];
                    if (instance != null && !(instance is MissingObject)) yield return instance;
                }
            }
        }

        /// <summary>Restores one type's statics from its decoded root.</summary>
        internal void RestoreStatics(StaticRoot root)
        {
            EnterFrame(root.Slots, root.Map, root.Holder.Key, root.Holder.StaticNames);
            root.Holder.RestoreStatics!(this);
        }

        private void ReadStringTable()
        {
            int count = _in.ReadCount("string", minBytesEach: 1);
            _work!.EnsureStrings(count);
            _strings = _work.Strings;
            _stringCount = count;
            for (int i = 0; i < count; i++) _strings[i] = _in.ReadString();
        }

        private void ReadRecordIndex()
        {
            int count = RecordIndex.ReadCount(_in);
            _work!.EnsureObjects(count);
            (_instances, _recordType, _recordStart, _recordEnd) = (_work.Instances, _work.RecordType, _work.RecordStart, _work.RecordEnd);
            _objectCount = count;
            RecordIndex.ReadEntries(_in, count, _types.Length, _recordType, _recordStart, _recordEnd);
        }

        // The snapshot holds built objects (immutable collections, surrogate classes): objects are filled and built in dependency order.
        private bool _ordered;
        private int _rootsAt;

        private void CreateObjects()
        {
            int rootsAt = _rootsAt = _in.Position;
            // Objects first; hash collections once their comparers exist; delegates once their targets do.
            var collections = new List<int>();
            var delegates = new List<int>();
            for (int id = 0; id < _objectCount; id++)
            {
                if (_instances[id] != null || !IsReached(id)) continue;
                var type = _types[_recordType[id]];
                if (type.Type == null) _instances[id] = new MissingObject(type);
                else if (type.Codec.Phase == Codecs.CreationPhase.Objects) Create(id);
                else if (type.Codec.Phase == Codecs.CreationPhase.Built) _ordered = true;
                else (type.Codec.Phase == Codecs.CreationPhase.Delegates ? delegates : collections).Add(id);
            }
            foreach (int id in collections) Create(id);
            // With built objects, a delegate's target may be one: delegates are made in the same order (BuildOrder).
            if (!_ordered) DelegateOrder.Create(this, delegates);
            LeaveRecords(rootsAt);
        }

        private DecodedSnapshot ReadRootsToEnd()
        {
            LeaveRecords(_rootsAt);
            var decoded = ReadRoots(scan: null)!;
            if (_in.Remaining != 0) throw _in.Corrupt($"{_in.Remaining} bytes follow the roots");
            return decoded;
        }

        /// <summary>"object 7 (Type)", for messages.</summary>
        internal string Describe(int id) => $"object {id} ({_types[_recordType[id]].Name})";

        /// <summary>Creates saved object <paramref name="id"/> from its record.</summary>
        internal void Create(int id)
        {
            EnterRecord(id);
            var type = _types[_recordType[id]];
            try
            {
                _instances[id] = type.Codec.Create(this, type);
            }
            catch (Exception e) when (IsForeign(e))
            {
                throw ForeignError(e, Describe(id), "creating it");
            }
        }

        internal int ObjectCount => _objectCount;

        private void FillObjects()
        {
            var late = new List<int>();
            for (int id = 0; id < _objectCount; id++)
            {
                var type = _types[_recordType[id]];
                if (type.Type == null || !IsReached(id)) continue;
                if (type.Codec.FillsLate) late.Add(id);
                else if (!_ordered) FillRecord(id, type);
            }
            if (_ordered) BuildOrder.Run(this);
            // Hash and sorted collections last, innermost first: their keys must be complete.
            for (int i = late.Count - 1; i >= 0; i--) FillRecord(late[i], _types[_recordType[late[i]]]);
            LeaveRecords(_in.Position);
        }

        /// <summary>Fills saved object <paramref name="id"/> (created already) from its record.</summary>
        internal void FillRecord(int id) => FillRecord(id, _types[_recordType[id]]);

        private void FillRecord(int id, LoadedType type)
        {
            EnterRecord(id);
            try
            {
                if (_reused != null && _reused[id]) type.Codec.Reset(_instances[id]!);
                type.Codec.Fill(_instances[id]!, this, type);
            }
            catch (Exception e) when (IsForeign(e))
            {
                throw ForeignError(e, Describe(id), "filling it");
            }
            if (_in.Position != _recordEnd[id]) throw _in.Corrupt($"{Describe(id)} has {_recordEnd[id] - _in.Position} unread bytes");
        }

        /// <summary>The record entered last: the one a codec reads.</summary>
        internal int CurrentRecord { get; private set; } = -1;

        /// <summary>Positions the reader on a record and bounds it by the record's end.</summary>
        internal void EnterRecord(int id)
        {
            CurrentRecord = id;
            _in.End = _recordEnd[id];
            _in.Position = _recordStart[id];
        }

        /// <summary>Lifts the record bound again, to read past the objects section.</summary>
        internal void LeaveRecords(int position)
        {
            _in.End = _bodyEnd;
            _in.Position = position;
        }

        internal LoadedType TypeOfRecord(int id) => _types[_recordType[id]];

        // Work that needs every object filled (a restored enumerator's collection gets the enumerator's version).
        private List<Action>? _afterFill;

        /// <summary>Runs <paramref name="action"/> once every object of the snapshot is filled.</summary>
        internal void AfterFill(Action action) => (_afterFill ??= new List<Action>()).Add(action);

        private void RunAfterFill()
        {
            if (_afterFill == null) return;
            foreach (var action in _afterFill) action();
            _afterFill = null;
        }

        internal bool IsCreated(int id) => _instances[id] != null;

        /// <summary>Makes a live object stand in for saved object <paramref name="id"/> (in-place loads): it is filled, not created.</summary>
        internal void Reuse(int id, object live)
        {
            _instances[id] = live;
            (_reused ??= new bool[_objectCount])[id] = true;
        }

        internal string[] ReadNames(string what)
        {
            var names = new string[_in.ReadCount(what)];
            for (int i = 0; i < names.Length; i++) names[i] = _in.ReadString();
            return names;
        }

        // ---- used by codecs ----

        internal ByteReader Input => _in;

        private CollisionBudget? _collisions;

        /// <summary>The load's budget of hash-chain steps (<see cref="CollisionBudget"/>).</summary>
        internal CollisionBudget Collisions => _collisions ??= new CollisionBudget(_bodyEnd);

        internal int ReadCount(string what) => _in.ReadCount(what);

        /// <summary>A count of <typeparamref name="T"/> values, each needing as many bytes of the record as its size in memory calls for (<see cref="ValueSize"/>).</summary>
        internal int ReadCountOf<T>(string what) => _in.ReadCount(what, ElementCost<T>.MinBytes);

        /// <summary>A count of key and value pairs (see <see cref="ReadCountOf{T}"/>).</summary>
        internal int ReadCountOf<TKey, TValue>(string what) => _in.ReadCount(what, ElementCost<TKey>.MinBytes + ElementCost<TValue>.MinBytes);

        private static class ElementCost<T>
        {
            public static readonly int MinBytes = ValueSize.MinEncodedBytes(typeof(T));
        }

        /// <summary>Reads a type-table id and returns its entry.</summary>
        internal LoadedType ReadTypeEntry(string what) => _types[_in.ReadIndex(what, _types.Length)];

        /// <summary>Reads a value and converts it to <typeparamref name="T"/>, or fails naming <paramref name="where"/>.</summary>
        internal T ReadItem<T>(string where) => Convert<T>(ReadValue(), where);

        /// <summary>Reads element <paramref name="index"/> of <paramref name="owner"/>; the message is built only on failure.</summary>
        internal T ReadElement<T>(LoadedType owner, int index) => ReadTyped<T>(owner.Name, index, element: true);

        /// <summary>Decodes the fields of a woven object into slots and lets its woven restore method take them.</summary>
        internal void RestoreWoven(IStateful target, LoadedType type)
        {
            if (type.SameSchema)
            {
                // Today's fields in the saved order: the restore method's reads consume the record as they go.
                EnterFrame(Array.Empty<object?>(), type.FieldMap, type.Name, type.Woven!.FieldNames);
                _streaming = true;
                try { target.RestoreState(this); }
                finally { _streaming = false; }
                return;
            }
            var slots = ReadUsedValues(type.SavedFields.Length, type.SavedToCurrent);
            EnterFrame(slots, type.FieldMap, type.Name, type.Woven!.FieldNames);
            target.RestoreState(this);
        }

        private void EnterFrame(object?[] slots, int[] map, string owner, string[] fieldNames)
        {
            _slots = slots;
            _map = map;
            _owner = owner;
            _fieldNames = fieldNames;
        }

    }
}
