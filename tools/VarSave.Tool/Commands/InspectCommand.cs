using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Spectre.Console;
using VarSave.Format;
using VarSave.Inspection;

namespace VarSave.Tool.Commands
{
    /// <summary><c>varsave inspect FILE</c>: header, sections, the type table with instances and bytes, and the roots with what each drags in.</summary>
    internal static class InspectCommand
    {
        public static Command Create()
        {
            var file = Arguments.SnapshotFile();
            var command = new Command("inspect", "Show a snapshot's header, checksum and signature, its types with instance counts and bytes, and its roots (statics, locals) as a tree with the bytes each one drags in.") { file };
            command.SetAction(parse => Runner.Run(() => Inspect(parse.GetValue(file)!)));
            return command;
        }

        private static int Inspect(FileInfo file)
        {
            var snapshot = SnapshotFiles.Open(file);
            var sizes = SnapshotFiles.WithProgress("Measuring roots", snapshot.Length, snapshot.ObjectCount, progress => GraphSizes.Compute(snapshot, progress));
            var console = Output.Console;
            console.Write(Header(file, snapshot));
            console.WriteLine();
            console.Write(TypeTable(snapshot, sizes));
            console.WriteLine();
            console.Write(RootTree(snapshot, sizes));
            if (sizes.Unreached > 0) console.MarkupLine($"[yellow]{sizes.Unreached} objects are not reachable from any root.[/]");
            return 0;
        }

        private static Grid Header(FileInfo file, InspectedSnapshot snapshot)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            void Row(string name, string value) => grid.AddRow(new Markup("[bold]" + name + "[/]"), new Text(value));
            Row("File", file.FullName);
            Row("Format", $"VarSave snapshot, format version {snapshot.Version}");
            Row("Size", $"{Count(snapshot.Length)} bytes: header {FormatConstants.HeaderLength} B, types {ValueText.Bytes(snapshot.TypesBytes)}, " +
                        $"strings {ValueText.Bytes(snapshot.StringsBytes)}, objects {ValueText.Bytes(snapshot.ObjectsBytes)}, " +
                        $"roots {ValueText.Bytes(snapshot.RootsBytes)}, trailer {snapshot.TrailerBytes} B");
            Row("Signed", snapshot.Signed ? "yes, HMAC-SHA256 (check it with: varsave verify FILE --key-file KEY)" : "no");
            Row("Checksum", "valid (CRC-32C)");
            Row("Contents", $"{Count(snapshot.ObjectCount)} objects of {snapshot.Types.Length} types, {Count(snapshot.Strings.Length)} distinct strings, " +
                            $"{Plural(snapshot.Statics.Sum(s => s.Fields.Length), "static")} of {Plural(snapshot.Statics.Count, "type")}, {Plural(snapshot.Locals.Count, "local")}");
            return grid;
        }

        private static Table TypeTable(InspectedSnapshot snapshot, GraphSizes sizes)
        {
            var table = new Table().Title("Types").AddColumn("Id", c => c.RightAligned()).AddColumn("Type").AddColumn("Kind")
                .AddColumn("Instances", c => c.RightAligned()).AddColumn("Bytes", c => c.RightAligned());
            foreach (var type in snapshot.Types.OrderByDescending(t => sizes.TypeBytes[t.Id]).ThenBy(t => t.Id))
                table.AddRow(new Text(type.Id.ToString(CultureInfo.InvariantCulture)), new Text(type.Name), new Text(Kind(type)),
                    new Text(sizes.TypeInstances[type.Id] == 0 ? "-" : Count(sizes.TypeInstances[type.Id])),
                    new Text(sizes.TypeInstances[type.Id] == 0 ? "-" : ValueText.Bytes(sizes.TypeBytes[type.Id])));
            return table;
        }

        private static string Kind(InspectedType type) => type.Kind switch
        {
            TypeKind.Woven => "woven",
            TypeKind.Array => "array",
            TypeKind.Method or TypeKind.GenericMethod => "delegate target",
            TypeKind.RegisteredDelegate => "delegate type",
            _ => type.Shape switch { RecordShape.None => "value", RecordShape.Opaque => "BCL (layout unknown to this tool)", _ => "BCL" },
        };

        private static Tree RootTree(InspectedSnapshot snapshot, GraphSizes sizes)
        {
            long total = sizes.RootBytes.Sum();
            var tree = new Tree(new Markup($"[bold]Roots[/] (each object counted under the first root that reaches it; {ValueText.Bytes(total)} in all)"));
            foreach (var group in sizes.Roots.Select((slot, index) => (slot, index)).GroupBy(r => r.slot.Group))
            {
                long bytes = group.Sum(r => sizes.RootBytes[r.index]);
                int objects = group.Sum(r => sizes.RootObjects[r.index]);
                var node = tree.AddNode(new Text($"{group.Key} — {ValueText.Bytes(bytes)}, {Plural(objects, "object")}"));
                foreach (var (slot, index) in group)
                {
                    string name = slot.Group == "object" ? "object" : slot.Root.Name;
                    string drags = sizes.RootObjects[index] == 0 ? ValueText.Bytes(sizes.RootBytes[index])
                        : $"{ValueText.Bytes(sizes.RootBytes[index])}, {Plural(sizes.RootObjects[index], "object")}";
                    node.AddNode(new Text($"{name} = {ValueText.Render(snapshot, slot.Root.Value)} — {drags}"));
                }
            }
            return tree;
        }

        private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

        private static string Plural(long n, string noun) => Count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
