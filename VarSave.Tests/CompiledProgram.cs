using System;
using System.IO;
using System.Linq;
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
    /// its own process. Lets a test build two versions of one program.
    /// </summary>
    internal sealed class CompiledProgram
    {
        private CompiledProgram(string path) => Path = path;

        /// <summary>The woven program, runnable with <c>dotnet</c>.</summary>
        public string Path { get; }

        public static CompiledProgram Build(string directory, string source, string assemblyName = "Program")
        {
            Directory.CreateDirectory(directory);
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator)
                .Where(p => p.EndsWith(".dll")).Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create(assemblyName,
                new[] { CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(source, System.Text.Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Latest), path: System.IO.Path.Combine(directory, "Program.cs")) },
                references,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: OptimizationLevel.Debug, nullableContextOptions: NullableContextOptions.Enable));
            string dll = System.IO.Path.Combine(directory, assemblyName + ".dll");
            using (var pe = File.Create(dll))
            using (var pdb = File.Create(System.IO.Path.ChangeExtension(dll, ".pdb")))
            {
                var result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
                if (!result.Success)
                    throw new InvalidOperationException("The test program does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            var woven = new ModuleWeaver().ExecuteTestRun(dll, runPeVerify: false);
            if (woven.Errors.Count > 0) throw new InvalidOperationException("Weaving failed: " + string.Join("\n", woven.Errors.Select(e => e.Text)));
            string wovenDirectory = System.IO.Path.Combine(directory, "fodytemp");
            foreach (var runtime in new[] { "VarSave.dll", "VarSave.Attributes.dll" })
                File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, runtime), System.IO.Path.Combine(wovenDirectory, runtime), true);
            File.WriteAllText(System.IO.Path.Combine(wovenDirectory, assemblyName + ".runtimeconfig.json"),
                "{\"runtimeOptions\":{\"tfm\":\"net10.0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"10.0.0\"}}}");
            return new CompiledProgram(System.IO.Path.Combine(wovenDirectory, assemblyName + ".dll"));
        }

        public string Run(string workingDirectory, params string[] arguments) =>
            Processes.Dotnet(workingDirectory, new[] { Path }.Concat(arguments).ToArray());
    }
}
