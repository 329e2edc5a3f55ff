using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using VarSave.Files;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// What a save does to the file system (permissions, symbolic links, long names, leftovers of
    /// killed saves, checks before the rename) and what a read refuses (pipes, devices, endless streams).
    /// Real files in a temporary folder; Unix-only behaviour is tested on Unix.
    /// </summary>
    public class SnapshotFileTests : IDisposable
    {
        private readonly string _directory = Processes.NewTemporaryDirectory();

        public void Dispose() => Directory.Delete(_directory, true);

        private static void Save(string path, object? root) => Woven.WithRoot(root, () => ProgramState.SaveToFile(path));

        private static object? Load(string path)
        {
            ProgramState.LoadFromFile(path);
            var loaded = Woven.GetStatic("Roots", "Current");
            Woven.SetStatic("Roots", "Current", null);
            return loaded;
        }

        [Fact]
        public void A_save_keeps_the_permissions_of_the_file_it_replaces()
        {
            if (OperatingSystem.IsWindows()) return;
            var file = Path.Combine(_directory, "private.varsave");
            Save(file, "first");
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite); // 600
            Save(file, "second");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal("second", Load(file));

            // Bits the umask would take away (group and other write) are kept too.
            var shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            File.SetUnixFileMode(file, shared);
            Save(file, "third");
            Assert.Equal(shared, File.GetUnixFileMode(file));
        }

        [Fact]
        public void A_save_through_a_symbolic_link_replaces_the_file_it_points_at_and_keeps_the_link()
        {
            if (OperatingSystem.IsWindows()) return;
            Directory.CreateDirectory(Path.Combine(_directory, "saves"));
            var real = Path.Combine(_directory, "saves", "slot1.varsave");
            var link = Path.Combine(_directory, "current.varsave");
            var linkToLink = Path.Combine(_directory, "latest.varsave");
            Save(real, "old");
            File.CreateSymbolicLink(link, Path.Combine("saves", "slot1.varsave")); // relative, as ln -s makes it
            File.CreateSymbolicLink(linkToLink, "current.varsave");

            Save(link, "through the link");
            Assert.Equal(Path.Combine("saves", "slot1.varsave"), new FileInfo(link).LinkTarget);
            Assert.Equal("through the link", Load(real));

            Save(linkToLink, "through two links");
            Assert.Equal("current.varsave", new FileInfo(linkToLink).LinkTarget);
            Assert.NotNull(new FileInfo(link).LinkTarget);
            Assert.Equal("through two links", Load(real));
            Assert.Empty(Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories));
        }

        [Theory]
        [InlineData(243)]
        [InlineData(255)]
        public void Names_up_to_the_file_system_limit_of_255_bytes_save_and_load(int length)
        {
            var name = new string('n', length - ".varsave".Length) + ".varsave";
            var file = Path.Combine(_directory, name);
            Save(file, "long name");
            Save(file, "long name again");
            Assert.Equal("long name again", Load(file));
            Assert.Equal(new[] { name }, Directory.GetFiles(_directory).Select(Path.GetFileName));
        }

        [Fact]
        public void A_save_removes_the_temporary_files_of_killed_saves_to_the_same_file_and_nothing_else()
        {
            var file = Path.Combine(_directory, "game.varsave");
            var other = Path.Combine(_directory, "other.varsave");
            int deadPid = ExitedProcessId();
            using var alive = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
            try
            {
                string Leftover(string target, int pid)
                {
                    // A name as the killed save made it: the pattern of TemporaryFile.NewPath with that save's pid.
                    var parts = Path.GetFileName(TemporaryFile.NewPath(target)).Split('-');
                    var path = Path.Combine(_directory, $"{parts[0]}-{parts[1]}-{pid}-{parts[3]}");
                    File.WriteAllText(path, "partial snapshot");
                    return path;
                }
                var stale = Enumerable.Range(0, 3).Select(_ => Leftover(file, deadPid)).ToList();
                var beingWritten = Leftover(file, alive.Id);
                var otherTarget = Leftover(other, deadPid);
                var unrelated = Path.Combine(_directory, "notes.tmp");
                File.WriteAllText(unrelated, "the user's");

                Save(file, "after the crash");

                Assert.All(stale, path => Assert.False(File.Exists(path), $"{path} was left"));
                Assert.True(File.Exists(beingWritten), "the temporary file of a live process was removed");
                Assert.True(File.Exists(otherTarget), "the temporary file of another target was removed");
                Assert.True(File.Exists(unrelated), "a file not of VarSave's pattern was removed");
                Assert.Equal("after the crash", Load(file));
            }
            finally
            {
                alive.Kill();
                alive.WaitForExit();
            }
        }

        private static int ExitedProcessId()
        {
            using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
            process.WaitForExit();
            return process.Id;
        }

        [Fact]
        public void WriteToFile_never_replaces_a_good_file_with_bytes_that_do_not_read_back_as_a_snapshot()
        {
            var file = Path.Combine(_directory, "good.varsave");
            Save(file, "good");
            var good = File.ReadAllBytes(file);
            var damaged = (byte[])good.Clone();
            damaged[damaged.Length / 2] ^= 0x40;

            var error = Assert.Throws<VarSaveException>(() => Snapshot.FromBytes(damaged).WriteToFile(file));
            Assert.Contains("does not read back as a valid snapshot", error.Message);
            Assert.Contains("the previous snapshot was kept", error.Message);
            Assert.Equal(good, File.ReadAllBytes(file));
            Assert.Equal(new[] { file }, Directory.GetFiles(_directory));
        }

        [Fact]
        public async Task A_load_from_a_pipe_is_refused_at_once_instead_of_waiting_for_a_writer()
        {
            if (OperatingSystem.IsWindows()) return;
            var fifo = Path.Combine(_directory, "pipe.varsave");
            using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!) mkfifo.WaitForExit();
            var load = Task.Run(() => ProgramState.LoadFromFile(fifo));
            var first = await Task.WhenAny(load, Task.Delay(Fuzzing.HangGuard.HangAfter));
            Assert.True(first == load, $"LoadFromFile on a pipe did not return within {Fuzzing.HangGuard.HangAfter.TotalSeconds} s");
            var error = await Assert.ThrowsAsync<SnapshotFormatException>(() => load);
            Assert.Contains("not a regular file", error.Message);
        }

        [Fact]
        public void A_load_from_a_device_is_refused_without_reading_it()
        {
            if (OperatingSystem.IsWindows()) return;
            long before = GC.GetAllocatedBytesForCurrentThread();
            var error = Assert.Throws<SnapshotFormatException>(() => Snapshot.ReadFile("/dev/zero"));
            Assert.Contains("not a regular file", error.Message);
            // Nothing was read: reading would allocate a buffer of the file's size (up to the 4 GB limit).
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
        }

        [Fact]
        public void ReadFrom_a_stream_stops_at_the_limit_counting_the_bytes_it_read()
        {
            var endless = new EndlessStream();
            var error = Assert.Throws<SnapshotFormatException>(() => Snapshot.ReadFrom(endless, new LoadLimits { MaxSnapshotBytes = 1 << 20 }));
            Assert.Contains("LoadLimits.MaxSnapshotBytes (1048576)", error.Message);
            Assert.InRange(endless.Served, 1 << 20, (1 << 20) + 65536);

            var bytes = Woven.Save("from a stream").ToArray();
            var snapshot = Snapshot.ReadFrom(new MemoryStream(bytes), new LoadLimits { MaxSnapshotBytes = bytes.Length });
            Assert.Equal(bytes, snapshot.ToArray());
            Assert.Throws<SnapshotFormatException>(() => Snapshot.ReadFrom(new MemoryStream(bytes), new LoadLimits { MaxSnapshotBytes = bytes.Length - 1 }));
        }

        /// <summary>A stream that never ends and claims no length, like a pipe or /dev/zero.</summary>
        private sealed class EndlessStream : Stream
        {
            public long Served;
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => Served; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count)
            {
                count = Math.Min(count, 4096);
                Array.Clear(buffer, offset, count);
                Served += count;
                return count;
            }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
