using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using VarSave.Benchmarks.Model;

namespace VarSave.Benchmarks
{
    /// <summary>
    /// Save and load of the workload by each engine. Method names are Engine_Operation; the
    /// combined table and the Size column take the engine from the part before the underscore.
    /// </summary>
    [MemoryDiagnoser]
    public class SaveLoadBenchmarks
    {
        private Prepared _prepared = null!;
        private readonly VarSaveEngine _varSave = new VarSaveEngine();
        private readonly SystemTextJsonEngine _stj = new SystemTextJsonEngine();
        private readonly NewtonsoftEngine _newtonsoft = new NewtonsoftEngine();
        private readonly HandWrittenEngine _handWritten = new HandWrittenEngine();

        /// <summary>The N of the current BenchmarkDotNet run (the full command runs one N at a time), or every N of the command line.</summary>
        public static int? Only { get; set; }

        /// <summary>The sizes to run: 10,000, 100,000 and 1,000,000 unless the command line says otherwise.</summary>
        public static IEnumerable<int> Sizes => Only is int n ? new[] { n } : Program.FullSizes;

        [ParamsSource(nameof(Sizes))]
        public int N { get; set; }

        [GlobalSetup]
        public void Setup() => _prepared = Workload.For(N);

        [Benchmark] public object VarSave_Save() => _varSave.Save(_prepared.World);
        [Benchmark] public World VarSave_Load() => _varSave.Load(_prepared.Bytes[_varSave.Name]);
        [Benchmark] public object SystemTextJson_Save() => _stj.Save(_prepared.World);
        [Benchmark] public World SystemTextJson_Load() => _stj.Load(_prepared.Bytes[_stj.Name]);
        [Benchmark] public object Newtonsoft_Save() => _newtonsoft.Save(_prepared.World);
        [Benchmark] public World Newtonsoft_Load() => _newtonsoft.Load(_prepared.Bytes[_newtonsoft.Name]);
        [Benchmark] public object HandWritten_Save() => _handWritten.Save(_prepared.World);
        [Benchmark] public World HandWritten_Load() => _handWritten.Load(_prepared.Bytes[_handWritten.Name]);

        /// <summary>The engine's display name for a benchmark method name.</summary>
        public static string EngineOf(string method) => method.Split('_')[0] switch
        {
            "VarSave" => "VarSave",
            "SystemTextJson" => "System.Text.Json",
            "Newtonsoft" => "Newtonsoft.Json",
            "HandWritten" => "hand-written (reference)",
            var other => other,
        };

        public static bool IsSave(string method) => method.EndsWith("_Save", System.StringComparison.Ordinal);
    }
}
