using System.CommandLine;
using System.CommandLine.Help;
using VarSave.Tool.Commands;

namespace VarSave.Tool
{
    /// <summary>
    /// <c>varsave</c>: reads VarSave snapshots without the program that wrote them. It decodes the
    /// format generically (VarSave.Inspection) and never creates a type of the saved program.
    /// </summary>
    internal static class Program
    {
        public static int Main(string[] args)
        {
            // Named here, not after the executable: "dotnet VarSave.Tool.dll" and the installed "varsave" show the same help.
            var root = new Command("varsave", "Read VarSave snapshots without the program that wrote them.")
            {
                new HelpOption(),
                new VersionOption(),
                InspectCommand.Create(),
                ShowCommand.Create(),
                JsonCommand.Create(),
                DiffCommand.Create(),
                VerifyCommand.Create(),
            };
            return root.Parse(args).Invoke();
        }
    }
}
