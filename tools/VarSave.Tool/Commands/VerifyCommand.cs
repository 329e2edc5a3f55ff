using System;
using System.CommandLine;
using System.IO;
using Spectre.Console;
using VarSave.Inspection;

namespace VarSave.Tool.Commands
{
    /// <summary><c>varsave verify FILE [--key-file K]</c>: checksum, signature and structure; exit code 0 when all hold, 1 otherwise.</summary>
    internal static class VerifyCommand
    {
        public static Command Create()
        {
            var file = Arguments.SnapshotFile();
            var keyFile = new Option<FileInfo?>("--key-file", "-k")
            {
                Description = "A file holding the signing key, the same bytes the program sets as ProgramState.SigningKey. With it, the snapshot must be signed with that key.",
            };
            var command = new Command("verify", "Check a snapshot's checksum, its signature (with --key-file) and that every record decodes. Exit code 0 if it is sound, 1 if not.") { file, keyFile };
            command.SetAction(parse => Runner.Run(() => Verify(parse.GetValue(file)!, parse.GetValue(keyFile))));
            return command;
        }

        private static int Verify(FileInfo file, FileInfo? keyFile)
        {
            var bytes = SnapshotFiles.ReadBytes(file);
            var key = keyFile == null ? null : SnapshotFiles.ReadBytes(keyFile);
            if (key != null && key.Length < VarSave.ProgramState.MinimumSigningKeyBytes)
                throw new ToolError($"{keyFile!.FullName} has {key.Length} bytes: a signing key has at least {VarSave.ProgramState.MinimumSigningKeyBytes} (ProgramState.SigningKey refuses shorter ones).");
            var console = Output.Console;
            InspectedSnapshot snapshot;
            try
            {
                snapshot = InspectedSnapshot.Open(bytes);
            }
            catch (SnapshotFormatException e)
            {
                throw new ToolError($"{file.Name}: FAILED: {e.Message}");
            }
            console.WriteLine($"{file.Name}: format version {snapshot.Version}, {bytes.Length} bytes");
            console.WriteLine("checksum: valid (CRC-32C)");

            if (key == null)
                console.WriteLine(snapshot.Signed ? "signature: present, not checked (pass --key-file to check it)" : "signature: none");
            else if (!snapshot.Signed)
                throw new ToolError($"{file.Name}: FAILED: the snapshot is not signed, but --key-file was given.");
            else
            {
                try
                {
                    InspectedSnapshot.Open(bytes, signingKey: key);
                }
                catch (SnapshotFormatException)
                {
                    throw new ToolError($"{file.Name}: FAILED: the signature does not match the key in {keyFile!.Name}: the snapshot was signed with another key, or altered.");
                }
                console.WriteLine($"signature: valid (HMAC-SHA256 with the key in {keyFile!.Name})");
            }

            SnapshotFiles.WithProgress("Decoding records", bytes.Length, snapshot.ObjectCount, progress =>
            {
                try
                {
                    for (int id = 0; id < snapshot.ObjectCount; id++)
                    {
                        snapshot.Members(id);
                        SnapshotFiles.Tick(progress, id);
                    }
                }
                catch (SnapshotFormatException e)
                {
                    throw new ToolError($"{file.Name}: FAILED: {e.Message}");
                }
                return 0;
            });
            console.WriteLine($"structure: valid ({snapshot.ObjectCount} objects decode)");
            console.WriteLine("OK");
            return 0;
        }
    }
}
