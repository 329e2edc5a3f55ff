using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VarSave.Tests
{
    /// <summary>One build message of the weaver as build/VarSave.Fody.targets raises it.</summary>
    internal sealed record WeaverMessage(string Code, bool IsWarning, string File, int Line, string Text);

    /// <summary>
    /// Reads the messages the weaver wrote beside a woven assembly (<c>Name.varsave-diagnostics.txt</c>:
    /// code, severity, file, line, column, text, tab-separated), the file the package's targets raise.
    /// </summary>
    internal static class WeaverMessages
    {
        public static IReadOnlyList<WeaverMessage> Of(string assemblyPath) =>
            File.ReadAllLines(Path.ChangeExtension(assemblyPath, ".varsave-diagnostics.txt"))
                .Select(line => line.Split('\t'))
                .Select(f => new WeaverMessage(f[0], f[1] == "warning", f[2], int.Parse(f[3]), f[5]))
                .ToList();
    }
}
