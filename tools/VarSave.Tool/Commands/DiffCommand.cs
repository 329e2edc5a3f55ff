using System.CommandLine;
using System.IO;
using Spectre.Console;

namespace VarSave.Tool.Commands
{
    /// <summary><c>varsave diff A B</c>: what changed between two snapshots of one program, path by path.</summary>
    internal static class DiffCommand
    {
        public static Command Create()
        {
            var before = Arguments.SnapshotFile("before", "The earlier snapshot.");
            var after = Arguments.SnapshotFile("after", "The later snapshot.");
            var max = new Option<int>("--max") { Description = "The most differences to list (all are counted).", DefaultValueFactory = _ => 1000 };
            var command = new Command("diff", "List what changed between two snapshots, path by path: '+' added, '-' removed, '~' changed (before → after). Exit code 0 either way; 1 on an error.") { before, after, max };
            command.SetAction(parse => Runner.Run(() => Diff(parse.GetValue(before)!, parse.GetValue(after)!, parse.GetValue(max))));
            return command;
        }

        private static int Diff(FileInfo before, FileInfo after, int max)
        {
            if (max < 0) throw new ToolError("--max must not be negative.");
            var a = SnapshotFiles.Open(before);
            var b = SnapshotFiles.Open(after);
            var diff = SnapshotFiles.WithProgress("Comparing", a.Length + b.Length, a.ObjectCount, progress => GraphDiff.Compare(a, b, max, progress));
            var console = Output.Console;
            foreach (var d in diff.Found)
            {
                string line = d.Kind switch
                {
                    '+' => $"[green]+ {Markup.Escape(d.Path)}[/] = {Markup.Escape(d.After!)}",
                    '-' => $"[red]- {Markup.Escape(d.Path)}[/] = {Markup.Escape(d.Before!)}",
                    _ => $"[yellow]~ {Markup.Escape(d.Path)}[/]: {Markup.Escape(d.Before!)} → {Markup.Escape(d.After!)}",
                };
                console.MarkupLine(line);
            }
            if (diff.Total > diff.Found.Count) console.MarkupLine($"… {diff.Total - diff.Found.Count} more (raise --max to list them)");
            int added = 0, removed = 0, changed = 0;
            foreach (var d in diff.Found)
                if (d.Kind == '+') added++;
                else if (d.Kind == '-') removed++;
                else changed++;
            console.WriteLine(diff.Total == 0 ? "The snapshots hold the same values." : $"{diff.Total} differences ({changed} changed, {added} added, {removed} removed{(diff.Total > diff.Found.Count ? " among those listed" : "")}).");
            return 0;
        }
    }
}
