using VarSave.Graph;
using VarSave.Registry;
using VarSave.Runtime;

namespace VarSave
{
    /// <summary>
    /// Saves and restores the whole state of the program: the static fields of every woven
    /// module, the calling method's locals (when the caller is woven), and everything they
    /// reach. <c>using static VarSave.ProgramState;</c> makes the four calls read like the
    /// Python original.
    /// </summary>
    public static class ProgramState
    {
        /// <summary>The file used when no path is given.</summary>
        public const string DefaultPath = "snapshot.varsave";

        /// <summary>Saves the program's state to <paramref name="path"/>, replacing the file only once the new one is complete.</summary>
        public static void SaveToFile(string path = DefaultPath)
        {
            var locals = CallSite.TakeCaptured();
            using var serialised = SaveLoadLock.Enter();
            Capture(locals, options: null).WriteToFile(path);
        }

        /// <summary>Restores the program's state from <paramref name="path"/>; returns the snapshot, whose <see cref="Snapshot.LoadReport"/> tells what did not map.</summary>
        public static Snapshot LoadFromFile(string path = DefaultPath) => LoadFromFile(path, new LoadOptions());

        /// <summary>Restores the program's state from <paramref name="path"/> as <paramref name="options"/> say.</summary>
        public static Snapshot LoadFromFile(string path, LoadOptions options)
        {
            // Taken first, so a file that cannot be read leaves nothing behind for another load.
            var caller = CallSite.TakeCaller();
            if (options == null) throw new System.ArgumentNullException(nameof(options));
            using var serialised = SaveLoadLock.Enter();
            var snapshot = Snapshot.ReadFile(path, options.Limits.MaxSnapshotBytes);
            Load(snapshot, options, caller);
            return snapshot;
        }

        /// <summary>
        /// Objects to save by key instead of by value (singletons, engine objects, services), for
        /// every save and load in the process; null (the default) saves everything by value.
        /// </summary>
        public static IExternalReferences? ExternalReferences { get; set; }

        /// <summary>The shortest <see cref="SigningKey"/> accepted, in bytes: 256 bits, HMAC-SHA256's own strength.</summary>
        public const int MinimumSigningKeyBytes = 32;

        /// <summary>
        /// A key for HMAC-SHA256 signing. When set, every save is signed with it and every load
        /// refuses a snapshot that is unsigned or signed with another key, so the program loads
        /// only snapshots it wrote itself. The key must be at least <see cref="MinimumSigningKeyBytes"/>
        /// bytes of secret random data (<c>RandomNumberGenerator.GetBytes(32)</c>); a shorter one is
        /// refused with <see cref="System.ArgumentException"/>, since a short key can be recovered
        /// from a single signed file. Keep the key out of the snapshot's reach (not in a saved field).
        /// </summary>
        public static byte[]? SigningKey
        {
            get => _signingKey;
            set => _signingKey = Format.SigningKeys.Checked(value);
        }

        private static byte[]? _signingKey;

        /// <summary>
        /// A dry run of a save: walks everything a save would write and returns every object that
        /// cannot be saved, each with its full path, and each root's size in bytes. Writes nothing.
        /// </summary>
        public static SaveCheck Check()
        {
            using var serialised = SaveLoadLock.Enter();
            return StateWriter.Check(TypeRegistry.TypesWithStatics, CallSite.TakeCaptured());
        }

        /// <summary>Saves as <see cref="SaveToFile(string)"/> does, as <paramref name="options"/> say; the snapshot lists what was left out.</summary>
        public static Snapshot SaveToFile(string path, SaveOptions options)
        {
            var locals = CallSite.TakeCaptured();
            if (options == null) throw new System.ArgumentNullException(nameof(options));
            using var serialised = SaveLoadLock.Enter();
            var snapshot = Capture(locals, options);
            snapshot.WriteToFile(path);
            return snapshot;
        }

        /// <summary>Captures the program's state in memory as <paramref name="options"/> say (for example skipping what cannot be saved, listed in <see cref="Snapshot.Skipped"/>).</summary>
        public static Snapshot SaveEverything(SaveOptions options)
        {
            var locals = CallSite.TakeCaptured();
            if (options == null) throw new System.ArgumentNullException(nameof(options));
            using var serialised = SaveLoadLock.Enter();
            return Capture(locals, options);
        }

        /// <summary>Captures the program's state in memory.</summary>
        public static Snapshot SaveEverything()
        {
            var locals = CallSite.TakeCaptured();
            using var serialised = SaveLoadLock.Enter();
            return Capture(locals, options: null);
        }

        /// <summary>A save's capture, the caller's <paramref name="locals"/> with the statics; called with the save/load lock held.</summary>
        private static Snapshot Capture(System.Collections.Generic.IReadOnlyList<CapturedLocal> locals, SaveOptions? options)
        {
            if (options == null || !options.SkipUnsaveable) return new Snapshot(StateWriter.Encode(TypeRegistry.TypesWithStatics, locals));
            var bytes = StateWriter.EncodeSkipping(TypeRegistry.TypesWithStatics, locals, out var skipped);
            return new Snapshot(bytes) { Skipped = skipped };
        }

        /// <summary>
        /// Restores the program's state from <paramref name="snapshot"/>. Every object is decoded,
        /// filled and given its [AfterLoad] hooks before any static field is touched; then the statics
        /// are assigned and the static hooks run. A snapshot that does not fit, or a hook that throws,
        /// fails the load and leaves the statics holding exactly what they held before.
        /// </summary>
        public static void LoadEverything(Snapshot snapshot) => LoadEverything(snapshot, new LoadOptions());

        /// <summary>Restores the program's state from <paramref name="snapshot"/> as <paramref name="options"/> say (for example in place).</summary>
        public static void LoadEverything(Snapshot snapshot, LoadOptions options)
        {
            var caller = CallSite.TakeCaller();
            using var serialised = SaveLoadLock.Enter();
            Load(snapshot, options, caller);
        }

        /// <summary>
        /// A load; <paramref name="caller"/> is what a woven call site offered: its <c>this</c> and closures are
        /// refilled in place with the saved ones (unless the options keep the locals), so every reference to them stays valid.
        /// Called with the save/load lock held.
        /// </summary>
        private static void Load(Snapshot snapshot, LoadOptions options, CallerObjects? caller)
        {
            if (snapshot == null) throw new System.ArgumentNullException(nameof(snapshot));
            if (options == null) throw new System.ArgumentNullException(nameof(options));
            System.Collections.Generic.Dictionary<string, object>? live = null;
            if (options.RestoreLocals && caller != null)
            {
                live = new System.Collections.Generic.Dictionary<string, object>(System.StringComparer.Ordinal);
                foreach (var (name, value) in caller.Live)
                    if (!options.KeepLocals.Contains(name)) live[name] = value;
            }
            var report = new LoadReportBuilder();
            var backup = StaticsBackup.Capture(TypeRegistry.TypesWithStatics);
            var decoded = StateReader.Decode(snapshot.Bytes, report, options, backup, live);
            try
            {
                // Instance hooks see the whole restored graph before anything the program holds changes.
                AfterLoadHooks.RunInstanceHooks(decoded.Reader.RestoredObjects);
                try
                {
                    foreach (var root in decoded.Statics) decoded.Reader.RestoreStatics(root);
                    AfterLoadHooks.RunStaticHooks();
                }
                catch
                {
                    backup.Restore();
                    throw;
                }
            }
            catch
            {
                // The failed load's objects are dropped: none of them may run a finalizer on the file's data.
                decoded.Reader.AbandonCreated();
                throw;
            }
            finally
            {
                decoded.Reader.Release();
            }
            snapshot.LoadReport = new LoadReport(report);
            CallSite.Offer(new OfferedLocals(decoded, report, snapshot, options, caller));
        }
    }
}
