using System;
using System.Collections.Generic;
using System.Linq;
using VarSave.Graph;
using VarSave.Registry;

namespace VarSave.Runtime
{
    /// <summary>
    /// The saved locals a load hands to the woven code after the call, with the options that say
    /// which of them the call site may assign, and what it did with each, for the load report.
    /// </summary>
    internal sealed class OfferedLocals
    {
        /// <summary>A saved closure's name among the locals: the prefix, then the closure's stable key.</summary>
        public const string ClosurePrefix = "<closure>";

        private readonly Dictionary<string, object?> _locals;
        private readonly Dictionary<string, LoadedType> _closureTypes;
        private readonly LoadOptions _options;
        private readonly Dictionary<string, object?>? _stashed;
        private List<(string Where, Type Closure, string Reason)>? _unshared;

        public OfferedLocals(DecodedSnapshot decoded, LoadReportBuilder report, Snapshot snapshot, LoadOptions options, CallerObjects? caller)
        {
            _stashed = caller?.Stash;
            _locals = decoded.Locals;
            _closureTypes = decoded.ClosureTypes;
            Report = report;
            Snapshot = snapshot;
            _options = options;
        }

        public LoadReportBuilder Report { get; }
        public Snapshot Snapshot { get; }

        /// <summary>The call site may not assign <paramref name="name"/>: no locals at all, or this one kept.</summary>
        public bool Keeps(string name) => !_options.RestoreLocals || _options.KeepLocals.Contains(name);

        public bool TryTake(string name, out object? value)
        {
            if (!_locals.TryGetValue(name, out value)) return false;
            _locals.Remove(name);
            return true;
        }

        /// <summary>A captured variable's value from before the load refilled its closure.</summary>
        public bool TryUnstash(string name, out object? value)
        {
            value = null;
            return _stashed != null && _stashed.TryGetValue(name, out value);
        }

        /// <summary>
        /// The saved closure <paramref name="key"/> if it is the loading method's own: <paramref name="current"/>
        /// refilled in place, or, when the method's is still null, a restored one of the same type and variables.
        /// </summary>
        public object? TakeClosure(string key, Type closureType, string where, object? current)
        {
            string name = ClosurePrefix + key;
            if (!_options.RestoreLocals) return null;
            if (!TryTake(name, out var saved) || saved == null)
            {
                Unshared(where, closureType, "the snapshot has no closure of this method in scope");
                return null;
            }
            if (saved is MissingObject missing)
            {
                Unshared(where, closureType, missing.Type.MissingReason ?? "the saved closure cannot be restored");
                return null;
            }
            if (ReferenceEquals(saved, current)) return saved;
            if (saved.GetType() != closureType || !_closureTypes.TryGetValue(name, out var loaded) || loaded.MissesFields)
            {
                string savedVariables = _closureTypes.TryGetValue(name, out var type) ? UserNames(type.SavedFields) : "?";
                Unshared(where, closureType, $"the saved closure captured {savedVariables}; this one captures {Variables(closureType)}");
                return null;
            }
            return saved;
        }

        private void Unshared(string where, Type closureType, string reason) => (_unshared ??= new List<(string, Type, string)>()).Add((where, closureType, reason));

        /// <summary>Reports the method's closures that are not the restored ones, and which of their variables took copies of saved values.</summary>
        public void ReportUnshared()
        {
            if (_unshared == null) return;
            foreach (var (where, closure, reason) in _unshared)
            {
                var copied = TypeRegistry.FindByType(closure)?.FieldNames.Where(Report.RestoredLocals.Contains).ToList();
                Report.UnsharedClosures.Add($"{where}: not shared with the snapshot's lambdas ({reason}); " + (copied == null || copied.Count == 0
                    ? "its variables keep their values, and a restored lambda reads and writes its own"
                    : $"{string.Join(", ", copied)} took copies of the saved values, so a restored lambda that captured them reads and writes its own"));
            }
        }

        /// <summary>Saved locals nobody took; saved closures are not locals and were reported through the closures that took them or not.</summary>
        public IEnumerable<string> Untaken => _locals.Keys.Where(name => !name.StartsWith(ClosurePrefix, StringComparison.Ordinal));

        private static string Variables(Type closure) => TypeRegistry.FindByType(closure) is WovenType woven ? UserNames(woven.FieldNames) : closure.Name;

        /// <summary>The captured variables among a closure's fields, without the compiler's links to <c>this</c> and outer closures.</summary>
        private static string UserNames(string[] fields)
        {
            var names = fields.Where(f => !f.StartsWith("<", StringComparison.Ordinal) && !f.StartsWith("CS$", StringComparison.Ordinal)).ToList();
            return names.Count == 0 ? "nothing" : string.Join(", ", names);
        }
    }
}
