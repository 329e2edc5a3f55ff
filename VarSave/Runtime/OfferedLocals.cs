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
        private Dictionary<string, object?>? _stashed;
        private List<(string Where, Type Closure, string Reason)>? _unshared;

        public OfferedLocals(DecodedSnapshot decoded, LoadReportBuilder report, Snapshot snapshot, LoadOptions options)
        {
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

        /// <summary>Remembers a kept variable's value before its closure is replaced by the restored one.</summary>
        public void Stash(string name, object? value)
        {
            if (_options.RestoreLocals && _options.KeepLocals.Contains(name)) (_stashed ??= new Dictionary<string, object?>())[name] = value;
        }

        public bool TryUnstash(string name, out object? value)
        {
            value = null;
            return _stashed != null && _stashed.TryGetValue(name, out value);
        }

        /// <summary>The saved closure <paramref name="key"/> if it can become the loading method's own: same type, same variables.</summary>
        public object? TakeClosure(string key, Type closureType, string where)
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
            if (saved.GetType() != closureType || !_closureTypes.TryGetValue(name, out var loaded) || loaded.MissesFields)
            {
                string savedVariables = _closureTypes.TryGetValue(name, out var type) ? UserNames(type.SavedFields) : "?";
                Unshared(where, closureType, $"the saved closure captured {savedVariables}; this one captures {Variables(closureType)}");
                return null;
            }
            return saved;
        }

        private void Unshared(string where, Type closureType, string reason) => (_unshared ??= new List<(string, Type, string)>()).Add((where, closureType, reason));

        /// <summary>Reports closures that were not adopted but whose variables took saved values: the restored lambdas keep other copies.</summary>
        public void ReportUnshared()
        {
            if (_unshared == null) return;
            foreach (var (where, closure, reason) in _unshared)
            {
                var copied = TypeRegistry.FindByType(closure)?.FieldNames.Where(Report.RestoredLocals.Contains).ToList();
                if (copied == null || copied.Count == 0) continue;
                Report.UnsharedClosures.Add(
                    $"{where}: not shared with the snapshot's lambdas ({reason}); {string.Join(", ", copied)} took copies of the saved values, so a restored lambda that captured them reads and writes its own");
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
