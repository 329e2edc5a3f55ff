using System;
using System.IO;
using Spectre.Console;
using VarSave.Inspection;

namespace VarSave.Tool
{
    /// <summary>An error the user can act on: printed as one line, exit code 1.</summary>
    internal sealed class ToolError : Exception
    {
        public ToolError(string message) : base(message) { }
    }

    /// <summary>Reads snapshot files for the commands, turning every failure into one clear line.</summary>
    internal static class SnapshotFiles
    {
        /// <summary>Files at least this large show a progress bar (on a terminal).</summary>
        public const long ProgressThreshold = 8 * 1024 * 1024;

        public static byte[] ReadBytes(FileInfo file)
        {
            try
            {
                if (!file.Exists) throw new ToolError($"{file.FullName}: no such file.");
                if (file.Length > int.MaxValue) throw new ToolError($"{file.FullName}: {file.Length} bytes, more than a snapshot can hold (2 GB).");
                return File.ReadAllBytes(file.FullName);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ToolError($"{file.FullName}: cannot read it: {e.Message}");
            }
        }

        /// <summary>Opens <paramref name="file"/> for reading; a damaged or hostile file becomes a <see cref="ToolError"/> naming it.</summary>
        public static InspectedSnapshot Open(FileInfo file)
        {
            var bytes = ReadBytes(file);
            try
            {
                return InspectedSnapshot.Open(bytes);
            }
            catch (VarSaveException e)
            {
                throw new ToolError($"{file.Name}: {e.Message}");
            }
        }

        /// <summary>
        /// Runs <paramref name="work"/>, which reports progress from 0 to <paramref name="total"/>, with a
        /// progress bar on standard error when the file is large and standard error is a terminal.
        /// </summary>
        public static T WithProgress<T>(string label, long fileBytes, long total, Func<Action<long>, T> work)
        {
            if (fileBytes < ProgressThreshold || Console.IsErrorRedirected || total <= 0) return work(_ => { });
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            T result = default!;
            console.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: total);
                result = work(done => task.Value = done);
            });
            return result;
        }

        /// <summary>Reports every 4096th step, so a progress bar costs nothing on small steps.</summary>
        public static void Tick(Action<long> report, long done)
        {
            if ((done & 4095) == 0) report(done);
        }
    }
}
