using System;
using System.IO;
using VarSave.Graph;
using VarSave.Registry;
using VarSave.Runtime;

namespace VarSave
{
    /// <summary>
    /// Saves one object graph, not the program's state: pickle's <c>dumps</c>/<c>loads</c>, named like
    /// <c>JsonSerializer</c> and <c>MessagePackSerializer</c>. The bytes are an ordinary snapshot (same
    /// format, checksum, <see cref="ProgramState.SigningKey"/> signing, <see cref="ProgramState.ExternalReferences"/>
    /// and <see cref="LoadLimits"/>) whose only root is the object; statics and locals are neither saved nor touched.
    /// Shared references and cycles are kept; only woven and supported BCL types are created on load.
    /// </summary>
    public static class ObjectSnapshot
    {
        /// <summary>The name of the one root an object snapshot holds (no C# local can have it).</summary>
        internal const string RootName = "<object>";

        /// <summary>How a message names a saved local: <c>local name</c>, or <c>object</c> for this snapshot's root.</summary>
        internal static string PathOfLocal(string name) => name == RootName ? "object" : "local " + name;

        /// <summary>Encodes <paramref name="value"/> and everything it reaches.</summary>
        /// <exception cref="UnsaveableObjectException">Something reachable cannot be saved; the message has its path.</exception>
        public static byte[] Serialize<T>(T value)
        {
            // One save or load at a time, as for ProgramState: an in-place load must not be half seen.
            using var serialised = SaveLoadLock.Enter();
            return StateWriter.Encode(Array.Empty<WovenType>(), new[] { new CapturedLocal(RootName, value) });
        }

        /// <summary>Writes <paramref name="value"/> and everything it reaches to <paramref name="stream"/>.</summary>
        public static void Serialize<T>(Stream stream, T value)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            var bytes = Serialize(value);
            stream.Write(bytes, 0, bytes.Length);
        }

        /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> as <see cref="Snapshot.WriteToFile"/> does: the old file is replaced only once the new one is complete.</summary>
        public static void SerializeToFile<T>(string path, T value) => new Snapshot(Serialize(value)).WriteToFile(path);

        /// <summary>Decodes a new graph from bytes written by <see cref="Serialize{T}(T)"/>.</summary>
        /// <exception cref="SnapshotFormatException">The bytes are damaged, over a limit, or not an object snapshot.</exception>
        /// <exception cref="SnapshotMismatchException">The root is not a <typeparamref name="T"/>, or a type the graph needs is not woven here.</exception>
        public static T Deserialize<T>(byte[] bytes, LoadOptions? options = null)
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            options ??= new LoadOptions();
            if (options.InPlace) throw new ArgumentException("LoadOptions.InPlace applies to ProgramState loads; an object snapshot always makes a new graph.", nameof(options));
            using var serialised = SaveLoadLock.Enter();
            var decoded = StateReader.Decode(bytes, new LoadReportBuilder(), options, StaticsBackup.Capture(Array.Empty<WovenType>()), callerObjects: null);
            try
            {
                if (decoded.Statics.Count != 0 || decoded.Locals.Count != 1 || !decoded.Locals.TryGetValue(RootName, out var root))
                    throw new SnapshotFormatException("This is a whole-program snapshot, not an object snapshot: load it with ProgramState.LoadEverything or LoadFromFile.");
                AfterLoadHooks.RunInstanceHooks(decoded.Reader.RestoredObjects);
                return StateReader.Convert<T>(root, "the object snapshot's root");
            }
            finally
            {
                decoded.Reader.Release();
            }
        }

        /// <summary>Reads an object snapshot from the current position of <paramref name="stream"/> to its end (at most <see cref="LoadLimits.MaxSnapshotBytes"/>) and decodes it.</summary>
        public static T Deserialize<T>(Stream stream, LoadOptions? options = null) =>
            Deserialize<T>(Snapshot.ReadFrom(stream, (options ?? new LoadOptions()).Limits).Bytes, options);

        /// <summary>Reads and decodes an object snapshot file, refusing one over <see cref="LoadLimits.MaxSnapshotBytes"/>.</summary>
        public static T DeserializeFromFile<T>(string path, LoadOptions? options = null) =>
            Deserialize<T>(Snapshot.ReadFile(path, (options ?? new LoadOptions()).Limits.MaxSnapshotBytes).Bytes, options);

        /// <summary>A deep copy of <paramref name="value"/> through a save and a load: shared references and cycles are kept, delegates rebound to the copies.</summary>
        public static T DeepClone<T>(T value) => Deserialize<T>(Serialize(value));
    }
}
