using System.Collections.Generic;
using System.IO;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>One kind of build message: its code (for NoWarn / WarningsAsErrors) and whether it is a warning.</summary>
    internal sealed class DiagnosticKind
    {
        public DiagnosticKind(string code, bool isWarning)
        {
            Code = code;
            IsWarning = isWarning;
        }

        public string Code { get; }
        public bool IsWarning { get; }
    }

    /// <summary>
    /// Every build message of the weaver, by code (documented in docs/diagnostics.md), and where they go.
    /// Fody 6.9.3 logs a weaver's warnings without a code, so MSBuild's NoWarn, WarningsAsErrors and
    /// TreatWarningsAsErrors cannot act on them. The messages are written instead, one a line
    /// (<c>code, severity, file, line, column, text</c>, tab-separated), to <see cref="FileFor"/> beside the
    /// intermediate assembly; build/VarSave.Fody.targets raises each with its code after Fody runs. Fody's
    /// own log gets them at low importance only, for <c>-v:diag</c> and FodyHelpers test runs.
    /// </summary>
    internal sealed class Diagnostics
    {
        public static readonly DiagnosticKind UnsaveableField = new DiagnosticKind("VARSAVE001", isWarning: true);
        public static readonly DiagnosticKind UnwovenBase = new DiagnosticKind("VARSAVE002", isWarning: true);
        public static readonly DiagnosticKind NoPdb = new DiagnosticKind("VARSAVE003", isWarning: true);
        public static readonly DiagnosticKind AfterLoadNotRun = new DiagnosticKind("VARSAVE004", isWarning: true);
        public static readonly DiagnosticKind UnsaveableLocal = new DiagnosticKind("VARSAVE005", isWarning: false);
        public static readonly DiagnosticKind UnsaveableClosure = new DiagnosticKind("VARSAVE006", isWarning: false);
        public static readonly DiagnosticKind UnsaveableDelegate = new DiagnosticKind("VARSAVE007", isWarning: false);
        public static readonly DiagnosticKind ClosureCaptures = new DiagnosticKind("VARSAVE008", isWarning: false);
        public static readonly DiagnosticKind Summary = new DiagnosticKind("VARSAVE009", isWarning: false);

        private readonly ModuleWeaver _weaver;
        private readonly List<string> _lines = new List<string>();

        public Diagnostics(ModuleWeaver weaver) => _weaver = weaver;

        /// <summary>The file the weaver writes for <paramref name="assemblyPath"/>: <c>obj/.../Name.varsave-diagnostics.txt</c>.</summary>
        public static string FileFor(string assemblyPath) => Path.ChangeExtension(assemblyPath, ".varsave-diagnostics.txt");

        /// <summary>Records one message; <paramref name="at"/> gives the file and line (none without a PDB).</summary>
        public void Report(DiagnosticKind kind, string text, SequencePoint? at)
        {
            text = text.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
            string file = at?.Document.Url ?? "";
            _lines.Add(string.Join("\t", kind.Code, kind.IsWarning ? "warning" : "message", file,
                at?.StartLine.ToString() ?? "0", at?.StartColumn.ToString() ?? "0", text));
            _weaver.WriteDebug($"{at.Describe()}{(kind.IsWarning ? "warning" : "message")} {kind.Code}: {text}");
        }

        /// <summary>Writes the file, always (an empty one when all is well), so a stale one never outlives a rebuild.</summary>
        public void Save() => File.WriteAllLines(FileFor(_weaver.AssemblyFilePath), _lines);
    }
}
