using System;
using System.IO;
using static VarSave.ProgramState;

namespace Game
{
    /// <summary>
    /// The two VarSave calls. <c>SaveToFile</c> saves every static (the <see cref="World"/>) and this
    /// method's locals; <c>LoadFromFile</c> puts the statics back and assigns the locals of the
    /// same name at the load site, so the loading process learns when and with what digest the
    /// state was saved.
    /// </summary>
    internal static class Persist
    {
        public static void Save(string path)
        {
            int savedAtTick = World.Tick;
            string savedDigest = World.Digest();
            SaveToFile(path);
            Console.WriteLine($"saved the whole world to {path} ({new FileInfo(path).Length:N0} bytes) at tick {savedAtTick}, digest {savedDigest}");
        }

        /// <summary>Loads <paramref name="path"/>; true when the loaded world's digest equals the one recorded when it was saved.</summary>
        public static bool Load(string path)
        {
            int savedAtTick = -1;
            string savedDigest = "(not restored)";
            var snapshot = LoadFromFile(path);
            string digest = World.Digest();
            Console.WriteLine($"loaded {path}: tick {World.Tick}, {World.Characters.Count} characters, {World.Log.Count} log lines, " +
                              $"{World.PendingJobs} scheduled jobs, research at prime #{World.ResearchSteps}");
            Console.WriteLine($"the save call's locals came back too: savedAtTick = {savedAtTick}, savedDigest = {savedDigest}" +
                              (snapshot.LoadReport.SkippedLocals.Count == 0 ? "" : $" (skipped: {string.Join(", ", snapshot.LoadReport.SkippedLocals)})"));
            return digest == savedDigest;
        }
    }
}
