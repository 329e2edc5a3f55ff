using System.Collections.Generic;
using VarSave.Runtime;

namespace VarSave.Graph
{
    /// <summary>
    /// Before any object is created, pairs saved objects with live ones for an in-place load:
    /// each static's current object, if its type matches the saved one, stands in for it; then
    /// the objects a reused woven object holds in its fields, breadth-first. Each live object
    /// stands in for at most one saved object, so shared references stay shared.
    /// The calling method's <c>this</c> and closures, when a woven load call site offers them, are paired
    /// first with the saved locals of the same names, whether the load is in place or not: the caller and the
    /// lambdas it holds keep their references, and the restored lambdas share the same objects.
    /// </summary>
    internal sealed class InPlaceMatcher
    {
        private readonly StateReader _reader;
        private readonly Queue<(int Id, object Live)> _pending = new Queue<(int, object)>();
        private readonly HashSet<object> _used = new HashSet<object>(ReferenceComparer.Instance);

        private InPlaceMatcher(StateReader reader) => _reader = reader;

        /// <summary>Pairs the caller's objects (if any) with the saved locals of their names, and, when <paramref name="live"/> is given, the statics' objects and what they hold.</summary>
        public static void Match(StateReader reader, int rootsAt, StaticsBackup? live, Dictionary<string, object>? caller)
        {
            var matcher = new InPlaceMatcher(reader);
            if (caller != null) matcher.MatchLocals(rootsAt, caller);
            if (live == null) return;
            matcher.MatchStatics(rootsAt, live);
            matcher.MatchFields();
        }

        private void MatchLocals(int rootsAt, Dictionary<string, object> caller)
        {
            MatchStatics(rootsAt, live: null);
            int locals = _reader.Input.ReadCount("local");
            for (int i = 0; i < locals; i++)
            {
                caller.TryGetValue(_reader.Input.ReadString(), out var live);
                int id = _reader.ReadReferenceOrSkip();
                if (id >= 0 && live != null) TryReuse(id, live);
            }
        }

        /// <summary>Reads the statics section; with <paramref name="live"/>, pairs each saved static's object with the static's current one.</summary>
        private void MatchStatics(int rootsAt, StaticsBackup? live)
        {
            _reader.LeaveRecords(rootsAt);
            int holders = _reader.Input.ReadCount("static type");
            for (int h = 0; h < holders; h++)
            {
                var holder = _reader.ReadTypeEntry("static holder type");
                var names = _reader.ReadNames("static field");
                // A closed generic type's statics are held by its own instantiation's registration.
                var woven = live == null ? null : (holder.Type == null ? null : Registry.TypeRegistry.FindClosedStatics(holder.Type)) ?? holder.Registration;
                var current = woven == null ? null : live!.ValuesOf(woven);
                var toCurrent = woven == null ? null : LoadedType.Invert(LoadedType.MapNames(woven.Key, woven.Statics, names, null, new List<string>()), names.Length);
                for (int saved = 0; saved < names.Length; saved++)
                {
                    int id = _reader.ReadReferenceOrSkip();
                    if (id >= 0 && current != null && toCurrent![saved] >= 0) TryReuse(id, current[toCurrent[saved]]);
                }
            }
        }

        private void MatchFields()
        {
            while (_pending.Count > 0)
            {
                var (id, live) = _pending.Dequeue();
                var type = _reader.TypeOfRecord(id);
                if (!(live is IStateful stateful) || type.Woven == null) continue;
                var current = StateWriter.Record(stateful.CaptureState);
                var toCurrent = type.SavedToCurrent;
                _reader.EnterRecord(id);
                for (int saved = 0; saved < type.SavedFields.Length; saved++)
                {
                    int child = _reader.ReadReferenceOrSkip();
                    if (child >= 0 && toCurrent[saved] >= 0 && toCurrent[saved] < current.Length) TryReuse(child, current[toCurrent[saved]]);
                }
            }
        }

        private void TryReuse(int id, object? live)
        {
            if (live == null || _reader.IsCreated(id) || _used.Contains(live)) return;
            var type = _reader.TypeOfRecord(id);
            if (type.Type != live.GetType() || !type.Codec.FillsInPlace) return;
            _reader.Reuse(id, live);
            _used.Add(live);
            _pending.Enqueue((id, live));
        }
    }
}
