using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using Newtonsoft.Json;
using VarSave.Benchmarks.Model;

namespace VarSave.Benchmarks
{
    /// <summary>
    /// One way to turn the world into bytes and back. <see cref="Save"/> returns the engine's
    /// natural product (a <see cref="Snapshot"/> for VarSave, a byte[] for the JSON engines)
    /// so no engine pays for an extra copy; <see cref="BytesOf"/> turns it into the bytes
    /// <see cref="Load"/> reads.
    /// </summary>
    internal abstract class Engine
    {
        public abstract string Name { get; }

        /// <summary>Saves the world. VarSave ignores the argument: it saves the program's statics, where the world is.</summary>
        public abstract object Save(World world);

        public abstract World Load(byte[] bytes);

        public virtual byte[] BytesOf(object saved) => (byte[])saved;

        public static readonly Engine[] All = { new VarSaveEngine(), new SystemTextJsonEngine(), new NewtonsoftEngine(), new HandWrittenEngine() };
    }

    /// <summary>VarSave: the world sits in <see cref="GameState.World"/>, a static field of a woven class.</summary>
    internal sealed class VarSaveEngine : Engine
    {
        public override string Name => "VarSave";

        public override object Save(World world) => ProgramState.SaveEverything();

        public override World Load(byte[] bytes)
        {
            ProgramState.LoadEverything(Snapshot.FromBytes(bytes));
            return GameState.World!;
        }

        public override byte[] BytesOf(object saved) => ((Snapshot)saved).ToArray();
    }

    /// <summary>System.Text.Json with reference preservation (shared players and cycles) and fields.</summary>
    internal sealed class SystemTextJsonEngine : Engine
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            ReferenceHandler = ReferenceHandler.Preserve,
            IncludeFields = true,
            // Target chains nest one JSON object inside another: 1,250 deep at N = 100,000 and
            // 12,500 at 1,000,000 (see docs/performance.md). The default limit is 64.
            MaxDepth = 1_000_000,
        };

        public override string Name => "System.Text.Json";

        public override object Save(World world) => DeepStack.Run(() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(world, Options));

        public override World Load(byte[] bytes) => DeepStack.Run(() => System.Text.Json.JsonSerializer.Deserialize<World>(bytes, Options)!);
    }

    /// <summary>Newtonsoft.Json with PreserveReferencesHandling.All; it serializes public fields by default.</summary>
    internal sealed class NewtonsoftEngine : Engine
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        public static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            PreserveReferencesHandling = PreserveReferencesHandling.All,
            // Reading stops at depth 64 by default; Target chains are far deeper (see above).
            MaxDepth = null,
        };

        // A serializer per call, as JsonConvert does: a shared one keeps its reference resolver,
        // whose "$id" counter then goes on growing from one call to the next (and so does the output).
        private static Newtonsoft.Json.JsonSerializer Serializer() => Newtonsoft.Json.JsonSerializer.Create(Settings);

        public override string Name => "Newtonsoft.Json";

        public override object Save(World world) => DeepStack.Run(() =>
        {
            using var stream = new MemoryStream();
            using (var text = new StreamWriter(stream, Utf8, 64 * 1024, leaveOpen: true))
            using (var json = new JsonTextWriter(text))
                Serializer().Serialize(json, world);
            return stream.ToArray();
        });

        public override World Load(byte[] bytes) => DeepStack.Run(() =>
        {
            using var text = new StreamReader(new MemoryStream(bytes, writable: false), Utf8);
            using var json = new JsonTextReader(text);
            return Serializer().Deserialize<World>(json)!;
        });
    }

    /// <summary>
    /// Runs a call on a thread with a 1 GiB stack. Both JSON serializers recurse once per nested
    /// object, and the Target chains here are thousands of objects deep. Starting the thread
    /// costs tens of microseconds, under 1% of the smallest JSON measurement.
    /// </summary>
    internal static class DeepStack
    {
        private const int StackSize = 1024 * 1024 * 1024;

        public static T Run<T>(Func<T> work)
        {
            T result = default!;
            Exception? error = null;
            var thread = new Thread(() =>
            {
                try { result = work(); }
                catch (Exception e) { error = e; }
            }, StackSize);
            thread.Start();
            thread.Join();
            if (error != null) throw new InvalidOperationException(error.Message, error);
            return result;
        }
    }
}
