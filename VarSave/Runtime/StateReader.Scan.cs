using System;
using System.Collections.Generic;
using VarSave.Codecs;
using VarSave.Format;
using VarSave.Graph;

namespace VarSave.Runtime
{
    /// <summary>
    /// The pass before anything is created: which records the roots reach. Roots are the values of
    /// the statics the loading program has (mapped by name) and the saved locals; an object's
    /// references are those of the fields the loading type still has. Nothing else is created.
    /// </summary>
    public sealed partial class StateReader
    {
        private ReferenceScan? _scan;

        private void Reach(int rootsAt)
        {
            var scan = _scan = new ReferenceScan(_objectCount);
            LeaveRecords(rootsAt);
            ReadRoots(scan);
            while (scan.TryNext(out int id))
            {
                var type = _types[_recordType[id]];
                if (type.Type == null) continue;
                EnterRecord(id);
                var codec = type.Codec;
                scan.Enter(id, structural: codec is TupleCodec);
                codec.ScanReferences(this, type, scan);
            }
            StructuralDepth.Check(scan, _in.Limits.MaxStructuralDepth, Describe);
            LeaveRecords(rootsAt);
        }

        /// <summary>
        /// How the roots reach record <paramref name="target"/>, for a message: <c>static World.Member -> object 3 (Member)
        /// -> object 5 (ImmutableHashSet&lt;Member&gt;)</c>. A second breadth-first scan, run only when a load fails.
        /// </summary>
        internal string PathTo(int target)
        {
            var found = new List<(int Id, bool Key)>();
            var roots = new List<string>();
            var scan = ReferenceScan.Tracing(found, roots);
            LeaveRecords(_rootsAt);
            ReadRoots(scan);
            var parent = new int[_objectCount];
            var root = new string?[_objectCount];
            var queue = new Queue<int>();
            for (int i = 0; i < found.Count; i++)
            {
                int id = found[i].Id;
                if (root[id] != null) continue;
                root[id] = roots[i];
                parent[id] = -1;
                queue.Enqueue(id);
            }
            while (queue.Count > 0 && root[target] == null)
            {
                int id = queue.Dequeue();
                var type = _types[_recordType[id]];
                if (type.Type == null) continue;
                found.Clear();
                EnterRecord(id);
                type.Codec.ScanReferences(this, type, scan);
                foreach (var (child, _) in found)
                {
                    if (root[child] != null) continue;
                    root[child] = root[id];
                    parent[child] = id;
                    queue.Enqueue(child);
                }
            }
            if (root[target] == null) return Describe(target);
            var chain = new List<string>();
            for (int id = target; id >= 0 && chain.Count <= 8; id = parent[id]) chain.Add(Describe(id));
            if (chain.Count > 8) chain[8] = "...";
            chain.Add(root[target]!);
            chain.Reverse();
            return string.Join(" -> ", chain);
        }

        /// <summary>Whether the load creates record <paramref name="id"/>: its roots reach it.</summary>
        internal bool IsReached(int id) => _scan == null || _scan.IsReached(id);

        /// <summary>Scans one value: a reference is handed to <paramref name="scan"/>; a struct's fields are scanned one level deeper.</summary>
        internal void ScanValue(ReferenceScan scan)
        {
            var tag = (ValueTag)_in.ReadByte();
            if (tag == ValueTag.Ref)
            {
                scan.Found(_in.ReadIndex("object reference", _objectCount));
                return;
            }
            if (tag != ValueTag.Struct)
            {
                SkipPayload(tag, 0);
                return;
            }
            if (scan.StructDepth >= _in.Limits.MaxNesting) throw _in.OverLimit("struct nesting", nameof(LoadLimits.MaxNesting), _in.Limits.MaxNesting);
            var type = _types[_in.ReadIndex("struct type", _types.Length)];
            int count = _in.ReadCount("struct field");
            var used = UsedFields(type, count);
            scan.StructDepth++;
            for (int i = 0; i < count; i++)
            {
                if (used == null || used[i] >= 0) ScanValue(scan);
                else SkipPayload((ValueTag)_in.ReadByte(), scan.StructDepth);
            }
            scan.StructDepth--;
        }

        /// <summary>Scans every value left in the current record.</summary>
        internal void ScanToEnd(ReferenceScan scan)
        {
            while (_in.Remaining > 0) ScanValue(scan);
        }

        /// <summary>Scans the fields of a woven object, skipping those the loading type no longer has.</summary>
        internal void ScanFields(LoadedType type, ReferenceScan scan)
        {
            var used = type.SavedToCurrent;
            for (int i = 0; i < used.Length; i++)
            {
                if (used[i] >= 0) ScanValue(scan);
                else SkipPayload((ValueTag)_in.ReadByte(), 0);
            }
        }

        /// <summary>For a woven struct, each saved field's index today (-1: dropped, its value is never decoded); null when every field is used.</summary>
        private static int[]? UsedFields(LoadedType type, int count) =>
            type.Woven != null && type.Type != null && type.Type.IsValueType && count == type.SavedFields.Length ? type.SavedToCurrent : null;

        /// <summary>Reads <paramref name="count"/> values, leaving null (undecoded) those whose index maps to no field today.</summary>
        private object?[] ReadUsedValues(int count, int[]? used)
        {
            var values = new object?[count];
            for (int i = 0; i < count; i++)
            {
                if (used == null || (i < used.Length && used[i] >= 0)) values[i] = ReadValue();
                else SkipPayload((ValueTag)_in.ReadByte(), 0);
            }
            return values;
        }

        /// <summary>
        /// Checks that every saved static fits its field today, before any hook runs or any static is
        /// assigned, so a load fails whole or not at all. (The woven restore checks again as it assigns.)
        /// </summary>
        private static void CheckStatics(DecodedSnapshot decoded)
        {
            const System.Reflection.BindingFlags Static = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public
                | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly;
            foreach (var root in decoded.Statics)
            {
                var holder = root.Holder;
                for (int i = 0; i < root.Map.Length && i < holder.Statics.Length; i++)
                {
                    if (root.Map[i] < 0) continue;
                    var field = holder.Type.GetField(holder.Statics[i].Name, Static);
                    var value = root.Slots[root.Map[i]];
                    if (field != null && !TryFit(value, field.FieldType, out _))
                        throw Mismatch(value, field.FieldType, holder.Key + "." + holder.Statics[i].Name);
                }
            }
        }

        /// <summary>Every object this load created (not the live ones an in-place load reused): a failed load's must never run a finalizer.</summary>
        internal void AbandonCreated()
        {
            for (int id = 0; id < _objectCount; id++)
            {
                var instance = _instances[id];
                if (instance == null || instance is MissingObject || (_reused != null && _reused[id])) continue;
                System.GC.SuppressFinalize(instance);
            }
        }

        /// <summary>The roots: statics the loading program has and locals. Read twice: scanned for references (<paramref name="scan"/> set), then decoded.</summary>
        private DecodedSnapshot? ReadRoots(ReferenceScan? scan)
        {
            var decoded = scan == null ? new DecodedSnapshot(this) : null;
            int staticCount = _in.ReadCount("static type");
            for (int i = 0; i < staticCount; i++)
            {
                var holder = _types[_in.ReadIndex("static holder type", _types.Length)];
                var names = ReadNames("static field");
                var woven = holder.Registration;
                // A generic type's statics belong to each closed instantiation.
                if (woven != null && woven.RestoreStatics == null && woven.Statics.Length > 0) woven = GenericStatics.HolderFor(holder.Type!);
                int[]? map = woven?.RestoreStatics == null ? null
                    : LoadedType.MapNames(woven.Key, woven.Statics, names, null, scan == null ? _report.SkippedStatics : new List<string>());
                // A holder the program no longer restores has no field for any saved static: Invert of an empty map says so.
                var used = LoadedType.Invert(map ?? Array.Empty<int>(), names.Length);
                if (scan != null)
                {
                    scan.RootHolder = holder;
                    for (int n = 0; n < names.Length; n++)
                    {
                        scan.RootName = names[n];
                        if (used[n] >= 0) ScanValue(scan);
                        else SkipPayload((ValueTag)_in.ReadByte(), 0);
                    }
                    continue;
                }
                var slots = ReadUsedValues(names.Length, used);
                if (map == null)
                {
                    _report.SkippedStatics.Add(holder.Name + ".*");
                    continue;
                }
                decoded!.Statics.Add(new StaticRoot(woven!, slots, map));
            }

            int localCount = _in.ReadCount("local", minBytesEach: 2);
            for (int i = 0; i < localCount; i++)
            {
                string name = _in.ReadString();
                if (scan != null)
                {
                    scan.RootHolder = null;
                    scan.RootName = name;
                    ScanValue(scan);
                    continue;
                }
                if (name.StartsWith(OfferedLocals.ClosurePrefix, StringComparison.Ordinal))
                {
                    int at = _in.Position;
                    int id = ReadReferenceOrSkip();
                    if (id >= 0) decoded!.ClosureTypes[name] = _types[_recordType[id]];
                    _in.Position = at;
                }
                decoded!.Locals[name] = ReadValue();
            }
            return decoded;
        }
    }
}
