using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Fody;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using VarSave.Fody;

namespace VarSave.Tests
{
    /// <summary>
    /// A console program compiled from source with Roslyn (Debug, portable PDB), woven by the
    /// real weaver, and laid out with the runtime so that <c>dotnet Program.dll</c> runs it in
    /// its own process. Lets a test build two versions of one program, or a woven library and a
    /// program that uses it.
    /// </summary>
    internal sealed class CompiledProgram
    {
        private CompiledProgram(string path, IReadOnlyList<string> warnings)
        {
            Path = path;
            Warnings = warnings;
        }

        /// <summary>The woven program, runnable with <c>dotnet</c>.</summary>
        public string Path { get; }

        /// <summary>The weaver's warnings while weaving it.</summary>
        public IReadOnlyList<string> Warnings { get; }

        public static CompiledProgram Build(string directory, string source, string assemblyName = "Program", params CompiledProgram[] libraries) =>
            Build(directory, source, assemblyName, OutputKind.ConsoleApplication, libraries, OptimizationLevel.Debug, pdb: true);

        /// <summary>
        /// A program built as <c>dotnet build -c Release</c> builds it (<paramref name="release"/>: optimised, struct
        /// async state machines, fewer named locals) or as Debug; without a PDB, as with <c>DebugType=none</c>.
        /// </summary>
        public static CompiledProgram Build(string directory, string source, bool release, bool pdb = true) =>
            Build(directory, source, "Program", OutputKind.ConsoleApplication, Array.Empty<CompiledProgram>(), release ? OptimizationLevel.Release : OptimizationLevel.Debug, pdb);

        /// <summary>A woven class library, to pass to <see cref="Build(string, string, string, CompiledProgram[])"/>.</summary>
        public static CompiledProgram BuildLibrary(string directory, string source, string assemblyName) =>
            Build(directory, source, assemblyName, OutputKind.DynamicallyLinkedLibrary, Array.Empty<CompiledProgram>(), OptimizationLevel.Debug, pdb: true);

        private static CompiledProgram Build(string directory, string source, string assemblyName, OutputKind kind, CompiledProgram[] libraries, OptimizationLevel optimization, bool pdb)
        {
            Directory.CreateDirectory(directory);
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator)
                .Where(p => p.EndsWith(".dll")).Concat(libraries.Select(l => l.Path)).Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create(assemblyName,
                new[] { CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(source, System.Text.Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Latest), path: System.IO.Path.Combine(directory, "Program.cs")) },
                references,
                new CSharpCompilationOptions(kind, optimizationLevel: optimization, nullableContextOptions: NullableContextOptions.Enable));
            string dll = System.IO.Path.Combine(directory, assemblyName + ".dll");
            using (var pe = File.Create(dll))
            using (var symbols = pdb ? File.Create(System.IO.Path.ChangeExtension(dll, ".pdb")) : null)
            {
                var result = compilation.Emit(pe, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
                if (!result.Success)
                    throw new InvalidOperationException("The test program does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            var woven = Weave(dll, libraries);
            if (woven.Errors.Count > 0) throw new InvalidOperationException("Weaving failed: " + string.Join("\n", woven.Errors.Select(e => e.Text)));
            string wovenDirectory = System.IO.Path.Combine(directory, "fodytemp");
            var runtimeFiles = new[] { "VarSave.dll", "VarSave.Attributes.dll" }.Select(f => System.IO.Path.Combine(AppContext.BaseDirectory, f));
            foreach (var file in runtimeFiles.Concat(libraries.Select(l => l.Path)))
                File.Copy(file, System.IO.Path.Combine(wovenDirectory, System.IO.Path.GetFileName(file)), true);
            File.WriteAllText(System.IO.Path.Combine(wovenDirectory, assemblyName + ".runtimeconfig.json"),
                "{\"runtimeOptions\":{\"tfm\":\"net10.0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"10.0.0\"}}}");
            return new CompiledProgram(System.IO.Path.Combine(wovenDirectory, assemblyName + ".dll"), woven.Warnings.Select(w => w.Text).ToList());
        }

        /// <summary>
        /// Fody's test resolver finds assemblies by loading them into this process by name; the
        /// woven libraries are found, for the weaving only, by their paths.
        /// </summary>
        private static TestResult Weave(string dll, IReadOnlyCollection<CompiledProgram> libraries)
        {
            Assembly? FindLibrary(AssemblyLoadContext context, AssemblyName name) =>
                libraries.Where(l => System.IO.Path.GetFileNameWithoutExtension(l.Path) == name.Name).Select(l => context.LoadFromAssemblyPath(l.Path)).FirstOrDefault();
            AssemblyLoadContext.Default.Resolving += FindLibrary;
            try { return new ModuleWeaver().ExecuteTestRun(dll, runPeVerify: false); }
            finally { AssemblyLoadContext.Default.Resolving -= FindLibrary; }
        }

        public string Run(string workingDirectory, params string[] arguments) =>
            Processes.Dotnet(workingDirectory, new[] { Path }.Concat(arguments).ToArray());
    }
}
