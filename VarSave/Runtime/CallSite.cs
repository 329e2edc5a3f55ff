using System;
using System.Collections.Generic;
using System.ComponentModel;
using VarSave.Graph;

namespace VarSave.Runtime
{
    /// <summary>
    /// The weaver's hooks at call sites of <see cref="ProgramState"/>. Before a save, each local,
    /// parameter, <c>this</c> and closure in scope is handed over with <see cref="Capture{T}"/>.
    /// Before a load, <see cref="OfferLive"/> names <c>this</c> and the method's closures, which the load
    /// refills in place with their saved counterparts, and <see cref="Stash{T}"/> keeps the captured
    /// variables' values for <see cref="LoadOptions.KeepLocals"/>; after it, each closure is checked or
    /// adopted (<see cref="Adopt{T}"/>), each local is offered its saved value with <see cref="Restore{T}"/>,
    /// then <see cref="EndRestore"/> reports the rest.
    /// State is per thread, so concurrent saves on other threads do not mix.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class CallSite
    {
        [ThreadStatic] private static CallerLocals? _captured;
        [ThreadStatic] private static OfferedLocals? _offered;
        [ThreadStatic] private static CallerObjects? _caller;

        /// <summary>Hands over a local of the calling method just before it saves.</summary>
        public static void Capture<T>(T value, string name) =>
            (_captured ??= new CallerLocals()).Add(new CapturedLocal(name, value));

        /// <summary>
        /// Hands over a local whose declared type the build expects a registered surrogate to save
        /// (<see cref="Surrogates.Register{T, TSurrogate}"/>, <c>[assembly: SaveWithSurrogate]</c>); <paramref name="where"/>
        /// names the method and line, for the message if none is registered when saving.
        /// </summary>
        public static void CaptureDeclared<T>(T value, string name, string where) =>
            (_captured ??= new CallerLocals()).AddDeclared(new CapturedLocal(name, value), typeof(T), where);

        /// <summary>
        /// Just before a load: the calling method's <c>this</c> or one of its closures (<paramref name="name"/> as
        /// saved), to be filled in place with the saved object of that name, so every reference to it (lambdas
        /// the method holds, the caller's own reference) sees the restored state.
        /// </summary>
        public static void OfferLive(object? live, string name)
        {
            if (live != null) (_caller ??= new CallerObjects()).Live.Add((name, live));
        }

        /// <summary>Just before a load: a captured variable's value, put back after the load if the options keep it.</summary>
        public static void Stash<T>(T value, string name) => (_caller ??= new CallerObjects()).Stash[name] = value;

        /// <summary>
        /// After a load: <paramref name="closure"/> is now the saved closure <paramref name="key"/>, filled in
        /// place, or, if the method's was still null, becomes it; so the method and the restored lambdas share its
        /// variables. When the snapshot has no closure of that key with the same variables, the closure stays the
        /// method's own and the load report says so (<see cref="EndRestore"/>).
        /// </summary>
        public static void Adopt<T>(ref T closure, string key, string where) where T : class
        {
            if (_offered?.TakeClosure(key, typeof(T), where, closure) is T saved)
            {
                closure = saved;
                _offered.Report.SharedClosures.Add(where);
            }
        }

        /// <summary>Assigns the saved local <paramref name="name"/> to <paramref name="local"/> if the last load on this thread has one of a compatible type and the load's options do not keep it.</summary>
        public static void Restore<T>(ref T local, string name)
        {
            var offered = _offered;
            if (offered == null || !offered.TryTake(name, out var value)) return;
            if (offered.Keeps(name))
            {
                if (offered.TryUnstash(name, out var kept)) local = (T)kept!;
                offered.Report.KeptLocals.Add(name);
            }
            else if (StateReader.TryFit(value, typeof(T), out var fitted))
            {
                local = (T)fitted!;
                offered.Report.RestoredLocals.Add(name);
            }
            else
            {
                offered.Report.SkippedLocals.Add($"{name} (saved as {Describe(value)}; the local is {typeof(T).FullName})");
            }
        }

        /// <summary>After a load: reports whether the calling method's <c>this</c> was refilled with the saved one.</summary>
        public static void RestoreThis(object self)
        {
            var offered = _offered;
            if (offered == null || !offered.TryTake("this", out var value)) return;
            if (offered.Keeps("this")) offered.Report.KeptLocals.Add("this");
            else if (ReferenceEquals(value, self)) offered.Report.RestoredLocals.Add("this");
            else offered.Report.SkippedLocals.Add($"this (saved as {Describe(value)}; this is {self.GetType().FullName})");
        }

        /// <summary>Closes a load call site: saved locals nobody took are reported on the snapshot.</summary>
        public static void EndRestore()
        {
            var offered = _offered;
            _offered = null;
            if (offered == null) return;
            foreach (var name in offered.Untaken) offered.Report.SkippedLocals.Add(name);
            offered.ReportUnshared();
            offered.Snapshot.LoadReport = new LoadReport(offered.Report);
        }

        internal static IReadOnlyList<CapturedLocal> TakeCaptured()
        {
            var captured = _captured;
            _captured = null;
            return captured ?? (IReadOnlyList<CapturedLocal>)Array.Empty<CapturedLocal>();
        }

        /// <summary>What the calling method offered for this load (<c>this</c>, closures, stashed variables), if anything; taken once.</summary>
        internal static CallerObjects? TakeCaller()
        {
            var caller = _caller;
            _caller = null;
            return caller;
        }

        internal static void Offer(OfferedLocals offered) => _offered = offered;

        private static string Describe(object? value) =>
            value is MissingObject missing ? missing.Type.Name : value?.GetType().FullName ?? "null";
    }
}
