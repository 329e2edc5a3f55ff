using System.Collections.Generic;
using VarSave;

namespace AssemblyToProcess
{
    /// <summary>A class whose instance method saves and loads: this and the parameters are saved with the locals.</summary>
    public sealed class Session
    {
        public int Turn;
        public List<string> Log = new List<string>();

        public string SaveAndLoad(int bonus, ref int score)
        {
            Turn = 7;
            Log.Add("started");
            var snapshot = ProgramState.SaveEverything();
            Turn = 0;
            Log = new List<string>();
            bonus = 0;
            score = 0;
            ProgramState.LoadEverything(snapshot);
            return $"{Turn},{string.Join("|", Log)},{bonus},{score}," + string.Join(";", snapshot.LoadReport.RestoredLocals);
        }

        public static string Run()
        {
            var session = new Session();
            var alias = session;
            int score = 30;
            var text = session.SaveAndLoad(5, ref score);
            return $"{text},{ReferenceEquals(alias, session)},{score}";
        }
    }

    /// <summary>The load's options keep named locals or all of them.</summary>
    public static class KeepLocalsScenarios
    {
        public static string Keep(bool restoreLocals)
        {
            int turn = 1;
            char key = 'S';
            int captured = 10;
            System.Func<int> read = () => captured;
            var snapshot = ProgramState.SaveEverything();
            turn = 2;
            key = 'L';
            captured = 20;
            var options = new LoadOptions { RestoreLocals = restoreLocals, KeepLocals = { nameof(key), nameof(captured) } };
            ProgramState.LoadEverything(snapshot, options);
            return $"{turn},{key},{captured},{read()}";
        }
    }
}

namespace AssemblyToProcess
{
    /// <summary>A closure in a generic method (<c>&lt;&gt;c__DisplayClass0_0&lt;T&gt;</c>) at a call site: captured by name and shared.</summary>
    public static class GenericCallSites
    {
        public static string SharedOfStrings() => Shared("first", "second");

        private static string Shared<T>(T first, T second)
        {
            T held = first;
            System.Func<T> read = () => held;
            var snapshot = ProgramState.SaveEverything();
            held = second;
            ProgramState.LoadEverything(snapshot);
            var afterLoad = read();
            held = second;
            return $"{afterLoad},{read()}," + string.Join(";", snapshot.LoadReport.RestoredLocals);
        }
    }
}
