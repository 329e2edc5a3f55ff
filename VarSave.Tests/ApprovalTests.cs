using System;
using System.IO;
using ICSharpCode.Decompiler;
using ICSharpCode.Decompiler.CSharp;
using ICSharpCode.Decompiler.Metadata;
using ICSharpCode.Decompiler.TypeSystem;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// The weaver's output, decompiled to C# and compared with committed files. A difference
    /// writes <c>*.received.cs</c> beside the approved file; review it and copy it over to approve.
    /// </summary>
    public class ApprovalTests
    {
        [Theory]
        [InlineData("AssemblyToProcess.Game.Point")]
        [InlineData("AssemblyToProcess.Game.Boss")]
        [InlineData("AssemblyToProcess.Game.World")]
        [InlineData("AssemblyToProcess.Game.Box`1")]
        [InlineData("AssemblyToProcess.LocalScenarios")]
        [InlineData("AssemblyToProcess.Delegates")]
        [InlineData("<Module>")]
        [InlineData("<VarSave>ExternalDelegates")]
        [InlineData("AssemblyToProcess.GenericDelegates")]
        [InlineData("AssemblyToProcess.Die")]
        [InlineData("AssemblyToProcess.CountedExtensions")]
        [InlineData("AssemblyToProcess.Memo`1")]
        [InlineData("<VarSave>Delegates")]
        public void Woven_type_matches_the_approved_decompilation(string typeName)
        {
            string actual = Decompile(typeName);
            string file = typeName.Replace("AssemblyToProcess.", "").Replace("`", "_").Replace("<", "").Replace(">", "");
            string approved = Path.Combine(Processes.RepositoryRoot, "VarSave.Tests", "Approvals", file + ".verified.cs");
            string received = Path.ChangeExtension(approved, null).Replace(".verified", ".received") + ".cs";
            string expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n") : "";
            if (expected != actual)
            {
                File.WriteAllText(received, actual);
                Assert.Fail($"The woven {typeName} differs from {approved}. Review {received} and copy it over the approved file if the change is intended.");
            }
            File.Delete(received);
        }

        private static string Decompile(string typeName)
        {
            string path = Woven.WovenPath;
            _ = Woven.Assembly; // weaves on first use
            using var file = new PEFile(path);
            var resolver = new UniversalAssemblyResolver(path, false, file.DetectTargetFrameworkId());
            resolver.AddSearchDirectory(AppContext.BaseDirectory);
            var decompiler = new CSharpDecompiler(file, resolver, new DecompilerSettings { ThrowOnAssemblyResolveErrors = false });
            return decompiler.DecompileTypeAsString(new FullTypeName(typeName)).Replace("\r\n", "\n");
        }
    }
}
