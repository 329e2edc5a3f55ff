using System;
using System.Collections.Generic;
using System.ComponentModel;
using VarSave.Graph;

namespace VarSave.Runtime
{
    /// <summary>
    /// The weaver's hooks at call sites of <see cref="ProgramState"/>. Before a save, each local
    /// in scope is handed over with <see cref="Capture{T}"/>; after a load, each local is offered
    /// its saved value with <see cref="Restore{T}"/>, then <see cref="EndRestore"/> reports the
    /// rest. State is per thread, so concurrent saves on other threads do not mix.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class CallSite
    {
        [ThreadStatic] private static List<CapturedLocal>? _captured;
        [ThreadStatic] private static Offered? _offered;

        /// <summary>Hands over a local of the calling method just before it saves.</summary>
        public static void Capture<T>(T value, string name) =>
            (_captured ??= new List<CapturedLocal>()).Add(new CapturedLocal(name, value));

        /// <summary>Assigns the saved local <paramref name="name"/> to <paramref name="local"/> if the last load on this thread has one of a compatible type.</summary>
        public static void Restore<T>(ref T local, string name)
        {
            var offered = _offered;
            if (offered == null || !offered.Locals.TryGetValue(name, out var value)) return;
            if (StateReader.TryFit(value, typeof(T), out var fitted))
            {
                local = (T)fitted!;
                offered.Report.RestoredLocals.Add(name);
            }
            else
            {
                string saved = value is MissingObject missing ? missing.Type.Name : value?.GetType().FullName ?? "null";
                offered.Report.SkippedLocals.Add($"{name} (saved as {saved}; the local is {typeof(T).FullName})");
            }
            offered.Locals.Remove(name);
        }

        /// <summary>Closes a load call site: saved locals nobody took are reported on the snapshot.</summary>
        public static void EndRestore()
        {
            var offered = _offered;
            _offered = null;
            if (offered == null) return;
            foreach (var name in offered.Locals.Keys) offered.Report.SkippedLocals.Add(name);
            offered.Snapshot.LoadReport = new LoadReport(offered.Report);
        }

        internal static IReadOnlyList<CapturedLocal> TakeCaptured()
        {
            var captured = _captured;
            _captured = null;
            return captured ?? (IReadOnlyList<CapturedLocal>)Array.Empty<CapturedLocal>();
        }

        internal static void Offer(Dictionary<string, object?> locals, LoadReportBuilder report, Snapshot snapshot) =>
            _offered = new Offered(locals, report, snapshot);

        private sealed class Offered
        {
            public Offered(Dictionary<string, object?> locals, LoadReportBuilder report, Snapshot snapshot)
            {
                Locals = locals;
                Report = report;
                Snapshot = snapshot;
            }

            public Dictionary<string, object?> Locals { get; }
            public LoadReportBuilder Report { get; }
            public Snapshot Snapshot { get; }
        }
    }
}
