using System;
using System.Collections.Generic;
using System.ComponentModel;
using VarSave.Codecs;
using VarSave.Format;
using VarSave.Graph;

namespace VarSave.Runtime
{
    /// <summary>
    /// Walks the object graph from the roots and encodes it. Woven capture methods call
    /// <see cref="Write{T}"/> once per field; everything else is internal. The walk is
    /// iterative: a reference to an object not seen before gives it the next id and queues
    /// it, so depth of data never becomes depth of stack.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed partial class StateWriter
    {
        private readonly TypeTableWriter _types;
        private readonly WriterWorkspace _work;
        private readonly KindCache _kinds;
        private ByteWriter _out;
        private readonly IExternalReferences? _external = ProgramState.ExternalReferences;

        // Where the value being written sits, for path steps and error messages.
        private int _currentObject = -1;
        private string? _rootLabel;
        private string[] _fieldNames = Array.Empty<string>();
        private int _fieldIndex;
        private string? _slotName;
        private int _slotIndex = -1;
        private int _structDepth;

        private StateWriter(WriterWorkspace work)
        {
            _work = work;
            _out = work.Roots;
            _types = new TypeTableWriter();
            _kinds = new KindCache();
        }

        // A recording writer: Write<T> collects each value and returns before any encoding, so none of the encoding state exists.
        private StateWriter(List<object?> recorded)
        {
            _recorded = recorded;
            _work = null!;
            _out = null!;
            _types = null!;
            _kinds = null!;
        }

        /// <summary>How many objects this save has reached so far; the table only grows, in order.</summary>
        internal int ReachedCount => _work?.ObjectCount ?? 0;

        /// <summary>The <paramref name="index"/>th object this save reached.</summary>
        internal object Reached(int index) => _work.Objects[index].Instance;

        // Set when the writer only records values by reference (a backup of statics), writing no bytes.
        private readonly List<object?>? _recorded;

        /// <summary>Writes the next field of the object being captured.</summary>
        public void Write<T>(T value)
        {
            if (_recorded != null)
            {
                _recorded.Add(value);
                return;
            }
            int index = _fieldIndex++;
            if (_check == null && TryWriteInline(value)) return;
            _slotName = index < _fieldNames.Length ? _fieldNames[index] : "?";
            _slotIndex = -1;
            if (_check != null && _currentObject < 0 && _structDepth == 0) WriteRootValue(value);
            else WriteValue(value);
        }

        /// <summary>The values a capture method writes, by reference, in order.</summary>
        internal static object?[] Record(Action<StateWriter> capture)
        {
            var recorded = new List<object?>();
            capture(new StateWriter(recorded));
            return recorded.ToArray();
        }

        /// <summary>Encodes the statics of every registered type and the given locals, then everything they reach.</summary>
        internal static byte[] Encode(IReadOnlyList<Registry.WovenType> staticHolders, IReadOnlyList<CapturedLocal> locals)
        {
            return Retrying(() => EncodeOnce(staticHolders, locals));
        }

        /// <summary>
        /// An object another thread changes while it is read would give a snapshot its reader rejects:
        /// the walk detects it and starts again, a few times, before it reports the object.
        /// </summary>
        private static T Retrying<T>(Func<T> walk)
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return walk();
                }
                catch (ChangedDuringSave changed)
                {
                    if (attempt == MaxAttempts) throw changed.Report(attempt);
                }
            }
        }

        /// <summary>How many times a save is tried when objects change under it.</summary>
        internal const int MaxAttempts = 3;

        private static byte[] EncodeOnce(IReadOnlyList<Registry.WovenType> staticHolders, IReadOnlyList<CapturedLocal> locals)
        {
            var writer = new StateWriter(WriterWorkspace.Rent());
            writer._saveNumber = SaveMarks.TryAcquire();
            try
            {
                var roots = writer.WriteRoots(staticHolders, locals);
                var records = writer.WriteObjects();
                return writer.Assemble(records, roots);
            }
            finally
            {
                if (writer._saveNumber != 0) SaveMarks.Release();
                writer._work.Return();
            }
        }

        // This save's number in woven objects' marks (high 32 bits), or 0 when it may not mark them.
        private long _saveNumber;

        /// <summary>
        /// A save that leaves out what cannot be saved (<see cref="SaveOptions.SkipUnsaveable"/>): a dry run finds the
        /// objects whose records fail, then the save writes null in their place and in place of every unsaveable value.
        /// </summary>
        internal static byte[] EncodeSkipping(IReadOnlyList<Registry.WovenType> staticHolders, IReadOnlyList<CapturedLocal> locals, out IReadOnlyList<SaveProblem> skipped)
        {
            var dryRun = new StateWriter(new WriterWorkspace()) { _check = new CheckState() };
            dryRun.WriteRoots(staticHolders, locals);
            dryRun.WriteObjects();
            skipped = dryRun._check.Problems;
            if (skipped.Count == 0) return Encode(staticHolders, locals);
            var writer = new StateWriter(WriterWorkspace.Rent()) { _check = new CheckState(), _skipped = dryRun._check.FailedObjects };
            try
            {
                var roots = writer.WriteRoots(staticHolders, locals);
                var records = writer.WriteObjects();
                return writer.Assemble(records, roots);
            }
            finally
            {
                writer._work.Return();
            }
        }

        // In a skipping save, the objects written as null.
        private HashSet<object>? _skipped;

        /// <summary>A dry run of <see cref="Encode"/> that collects every unsaveable object instead of stopping at the first.</summary>
        internal static SaveCheck Check(IReadOnlyList<Registry.WovenType> staticHolders, IReadOnlyList<CapturedLocal> locals) =>
            Retrying(() => CheckOnce(staticHolders, locals));

        private static SaveCheck CheckOnce(IReadOnlyList<Registry.WovenType> staticHolders, IReadOnlyList<CapturedLocal> locals)
        {
            var writer = new StateWriter(new WriterWorkspace()) { _check = new CheckState() };
            var roots = writer.WriteRoots(staticHolders, locals);
            var records = writer.WriteObjects();
            return writer._check.Finish(writer._work.Objects, writer.FileLength(records, roots, ProgramState.SigningKey != null));
        }

        // Set in a dry run: problems collected, and bytes per root.
        private CheckState? _check;

        private void WriteRootValue(object? value)
        {
            int before = _out.Length;
            WriteValue(value);
            _check!.AddRootBytes(_rootLabel + _slotName, _out.Length - before);
        }

        private ByteWriter WriteRoots(IReadOnlyList<Registry.WovenType> staticHolders, IReadOnlyList<CapturedLocal> locals)
        {
            var roots = _out;
            roots.WriteCount(staticHolders.Count);
            foreach (var holder in staticHolders)
            {
                roots.WriteCount(_types.TryGetId(holder.Type) ?? throw new UnsaveableObjectException("static " + holder.Key, holder.Type,
                    "the statics of this instantiation of a generic type cannot be named in a snapshot: a type argument is neither woven nor a supported BCL type. " +
                    "Mark the generic type's static fields [Transient], or weave the assembly that defines the type argument."));
                roots.WriteCount(holder.StaticNames.Length);
                foreach (var name in holder.StaticNames) roots.WriteString(name);
                _rootLabel = "static " + holder.Key + ".";
                BeginFields(holder.StaticNames);
                try
                {
                    holder.CaptureStatics!(this);
                }
                catch (TypeInitializationException e)
                {
                    throw new VarSaveException($"Cannot save the statics of {holder.Key}: its static constructor failed ({e.InnerException?.Message}).", e);
                }
                if (_fieldIndex != holder.StaticNames.Length)
                    throw new InvalidOperationException($"The woven statics of {holder.Key} wrote {_fieldIndex} values for {holder.StaticNames.Length} names.");
            }

            roots.WriteCount(locals.Count);
            var callerLocals = locals as CallerLocals;
            foreach (var local in locals)
            {
                roots.WriteString(local.Name);
                // Messages say "local name", or "object" for an object snapshot's root.
                bool objectRoot = local.Name == ObjectSnapshot.RootName;
                _rootLabel = objectRoot ? "" : "local ";
                _slotName = objectRoot ? "object" : local.Name;
                _slotIndex = -1;
                _declared = callerLocals?.Declared(local.Name);
                if (_check != null) WriteRootValue(local.Value);
                else WriteValue(local.Value);
            }
            _declared = null;
            _rootLabel = null;
            _out = _work.Records;
            return roots;
        }

        private ByteWriter WriteObjects()
        {
            var records = _out;
            // The table grows while it is walked: each record may add the objects it refers to.
            for (int id = 0; id < _work.ObjectCount; id++)
            {
                _currentObject = id;
                _slotName = null;
                _slotIndex = -1;
                var entry = _work.Objects[id];
                int recordStart = records.Length;
                records.WriteCount(entry.TypeId);
                int lengthAt = records.ReserveUInt32();
                int start = records.Length;
                try
                {
                    if (_check == null) entry.Codec.Write(entry.Instance, this);
                    else WriteRecordChecked(entry);
                }
                catch (Exception e) when (e is InvalidOperationException || e is ArgumentOutOfRangeException || e is IndexOutOfRangeException)
                {
                    // What the BCL collections throw when they change under an enumerator or an index.
                    throw ChangedWhileSaving(entry.Instance.GetType(), e.Message, e);
                }
                records.PatchUInt32(lengthAt, (uint)(records.Length - start));
                _check?.AddObjectBytes(records.Length - recordStart);
            }
            return records;
        }

        private byte[] Assemble(ByteWriter records, ByteWriter roots)
        {
            var key = ProgramState.SigningKey;
            var file = new ByteWriter(FileLength(records, roots, signed: key != null));
            Envelope.WriteHeader(file, signed: key != null);
            file.WriteCount(_types.Count);
            _types.Bytes.WriteTo(file);
            file.WriteCount(_work.Strings.Count);
            _work.Strings.Bytes.WriteTo(file);
            file.WriteCount(_work.ObjectCount);
            records.WriteTo(file);
            roots.WriteTo(file);
            Envelope.WriteTrailer(file, key);
            return file.ToArrayOrBuffer();
        }

        /// <summary>The exact size of the file <see cref="Assemble"/> writes.</summary>
        private int FileLength(ByteWriter records, ByteWriter roots, bool signed)
        {
            var counts = new ByteWriter(32);
            counts.WriteCount(_types.Count);
            counts.WriteCount(_work.Strings.Count);
            counts.WriteCount(_work.ObjectCount);
            return FormatConstants.HeaderLength + counts.Length + _types.Bytes.Length + _work.Strings.Bytes.Length + records.Length + roots.Length
                   + (signed ? FormatConstants.SignatureLength : 0) + FormatConstants.ChecksumLength;
        }

        // ---- used by codecs ----

        internal ByteWriter Output => _out;

        internal TypeTableWriter Types => _types;

        internal void WriteCount(int count) => _out.WriteCount(count);

        /// <summary>Starts writing the fields of a woven object or struct, named for error paths.</summary>
        internal void BeginFields(string[] names)
        {
            _fieldNames = names;
            _fieldIndex = 0;
        }

        /// <summary>Writes one element of a collection; <paramref name="part"/> names a part of it, such as Key.</summary>
        internal void WriteElement<T>(int index, T value, string? part = null)
        {
            _slotName = part;
            _slotIndex = index;
            if (_check == null && TryWriteInline(value)) return;
            WriteValue(value);
        }

        /// <summary>Writes a non-element part of an object, such as a comparer.</summary>
        internal void WriteMember(string name, object? value)
        {
            _slotName = name;
            _slotIndex = -1;
            WriteValue(value);
        }

        internal UnsaveableObjectException Unsaveable(Type type, string reason) =>
            new UnsaveableObjectException(CurrentPath(), type, reason);

        /// <summary>The object being written changed while it was read (its count, or its version).</summary>
        internal Exception ChangedWhileSaving(Type type, string change, Exception? inner = null)
        {
            _slotName = null;
            _slotIndex = -1;
            return new ChangedDuringSave(CurrentPath(), type, change, inner);
        }

        /// <summary>Writes any value: inline for primitives, strings and structs, as a reference for objects.</summary>
        internal void WriteValue(object? value)
        {
            if (_check == null) WriteValueCore(value);
            else WriteValueChecked(value);
        }

        // Apart from the methods above: a lambda's closure would be allocated on every call, checked or not.
        private void WriteValueChecked(object? value) => _ = WriteChecked(() => WriteValueCore(value), writeNullInstead: true);

        private void WriteRecordChecked(WalkEntry entry)
        {
            var failure = WriteChecked(() => entry.Codec.Write(entry.Instance, this), writeNullInstead: false);
            if (failure == null) return;
            // A skipping save met a record that failed after its dry run: the record is cut short, so the file would be corrupt.
            if (_skipped != null) throw failure;
            _check!.FailedObjects.Add(entry.Instance);
        }

        /// <summary>In a dry run, an unsaveable value is recorded and left out (written as null), and the walk goes on.</summary>
        private UnsaveableObjectException? WriteChecked(Action write, bool writeNullInstead)
        {
            int mark = _out.Length;
            try
            {
                write();
                return null;
            }
            catch (UnsaveableObjectException e)
            {
                _out.Truncate(mark);
                _check!.Problems.Add(new SaveProblem(e.ObjectPath, e.ObjectType, e.Reason));
                if (writeNullInstead) _out.WriteByte((byte)ValueTag.Null);
                return e;
            }
        }

        private void WriteReference(object value, Type type)
        {
            if (_skipped != null && _skipped.Contains(value))
            {
                _out.WriteByte((byte)ValueTag.Null);
                return;
            }
            var kind = _kinds.Find(type) ?? AddKind(type);
            int id;
            if (kind.Marked && _saveNumber != 0)
            {
                var marked = (IMarked)value;
                long mark = marked.VarSaveMark;
                if (mark >> 32 == _saveNumber) id = (int)mark;
                else marked.VarSaveMark = _saveNumber << 32 | (uint)(id = AddObject(value, kind));
            }
            else
            {
                id = _work.Ids.Find(value);
                if (id < 0) _work.Ids.Add(value, id = AddObject(value, kind));
            }
            _out.WriteByte((byte)ValueTag.Ref);
            _out.WriteCount(id);
        }

        private int AddObject(object value, ObjectKind kind) => _work.Add(new WalkEntry
        {
            Instance = value,
            Codec = kind.Codec,
            TypeId = kind.TypeId,
            Step = new PathStep(_currentObject, _currentObject < 0 ? _rootLabel + _slotName : _slotName, _slotIndex),
        });

        /// <summary>The codec and type id of a run-time type, looked up once per type per save.</summary>
        private ObjectKind AddKind(Type type)
        {
            var codec = CodecCatalog.For(type)
                ?? throw Unsaveable(type, Advice(type));
            int typeId = _types.TryGetId(type)
                ?? throw Unsaveable(type, "a type it is made of cannot be saved (a generic argument or array element that is neither woven nor supported).");
            return _kinds.Add(type, new ObjectKind(codec, typeId, typeof(IMarked).IsAssignableFrom(type)));
        }

        /// <summary>Why <paramref name="type"/> cannot be saved, with advice for where the value sits (a local, a field, an element).</summary>
        private string Advice(Type type)
        {
            bool isLocal = _currentObject < 0 && _rootLabel == "local ";
            if (isLocal && _declared != null && _structDepth == 0) return UnsaveableAdvice.ForDeclaredSurrogate(type, _declared);
            return UnsaveableAdvice.For(type, isLocal, _slotName, isElement: _slotIndex >= 0);
        }

        // While a local is written whose type the build expected a surrogate for: its declared type, method and line (CallerLocals).
        private DeclaredLocal? _declared;

        /// <summary>The path from a root to the value being written (or, between values, to the object being written).</summary>
        private string CurrentPath()
        {
            bool inSlot = _slotName != null || _slotIndex >= 0;
            var parts = new List<string>();
            if (_currentObject < 0) return _rootLabel + _slotName;
            if (inSlot) parts.Add(new PathStep(_currentObject, _slotName, _slotIndex).Render());
            var objects = _work.Objects;
            for (var step = objects[_currentObject].Step; ; step = objects[step.Parent].Step)
            {
                parts.Add(step.Parent < 0 ? step.Name ?? "root" : step.Render());
                if (step.Parent < 0) break;
            }
            parts.Reverse();
            return string.Concat(parts);
        }

    }
}
