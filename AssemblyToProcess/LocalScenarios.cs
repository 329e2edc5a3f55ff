using System.Collections.Generic;
using System.Threading;
using AssemblyToProcess.Game;
using VarSave;

namespace AssemblyToProcess
{
    /// <summary>Methods whose ProgramState call sites the weaver rewrites; each returns what the locals held after the load.</summary>
    public static class LocalScenarios
    {
        public static string PlainLocals()
        {
            int x = 42;
            string name = "Alice";
            var list = new List<int> { 1, 2 };
            var hero = new Character("Hero");
            var timer = new CancellationTokenSource(); // can never be saved: skipped with a build message
            var snapshot = ProgramState.SaveEverything();
            x = 0;
            name = "changed";
            list = null!;
            hero = null!;
            ProgramState.LoadEverything(snapshot);
            timer.Cancel();
            return $"{x},{name},{string.Join("|", list)},{hero.Name}";
        }

        public static string CapturedLocals()
        {
            int total = 10;
            var values = new List<int> { 1, 2, 3 };
            values.ForEach(v => total += v); // total lives in a class closure
            int counter = 7;
            int Bump() => ++counter;         // counter lives in a struct closure
            Bump();
            var snapshot = ProgramState.SaveEverything();
            total = -1;
            counter = -1;
            ProgramState.LoadEverything(snapshot);
            return $"{total},{counter},{Bump()}";
        }

        /// <summary>After the load, the method's x is the restored addX's x: the method adopts the restored closure.</summary>
        public static string SharedClosure()
        {
            int x = 1;
            System.Func<int, int> addX = n => n + x;
            var snapshot = ProgramState.SaveEverything();
            x = -1;
            addX = null!;
            ProgramState.LoadEverything(snapshot);
            x = 100;
            return $"{addX(1)},{string.Join(";", snapshot.LoadReport.SharedClosures)}";
        }

        public static string FileRoundTrip(string path)
        {
            var point = new Point(3, 4);
            var mood = Mood.Furious;
            ProgramState.SaveToFile(path);
            point = default;
            mood = Mood.Calm;
            ProgramState.LoadFromFile(path);
            return $"{point},{mood}";
        }

        /// <summary>Across awaits, locals are fields of the async state machine.</summary>
        public static async System.Threading.Tasks.Task<string> AsyncLocals()
        {
            await System.Threading.Tasks.Task.Yield();
            int x = 42;
            string name = "Alice";
            int captured = 7;
            System.Func<int> read = () => captured;
            var snapshot = ProgramState.SaveEverything();
            x = 0;
            name = "changed";
            captured = -1;
            read = null!;
            await System.Threading.Tasks.Task.Yield();
            ProgramState.LoadEverything(snapshot);
            return $"{x},{name},{captured},{read()}";
        }

        public static string LoadReportOf(Snapshot snapshot)
        {
            int unrelated = 1;
            ProgramState.LoadEverything(snapshot);
            return string.Join(";", snapshot.LoadReport.RestoredLocals) + "|" + string.Join(";", snapshot.LoadReport.SkippedLocals) + "|" + unrelated;
        }

        public static Snapshot SaveObjectLocal(object value)
        {
            object held = value;
            return ProgramState.SaveEverything();
        }

        /// <summary>
        /// A local of a library type declared saved through a surrogate ([assembly: SaveWithSurrogate] in Surrogates.cs; a
        /// Surrogates.Register call in the module would do too): saved, with its method and line for the message if
        /// no surrogate is registered when saving.
        /// </summary>
        public static string SurrogateLocal()
        {
            var host = System.Net.IPAddress.Parse("10.0.0.1");
            var snapshot = ProgramState.SaveEverything();
            host = null!;
            ProgramState.LoadEverything(snapshot);
            return host.ToString();
        }
    }
}
