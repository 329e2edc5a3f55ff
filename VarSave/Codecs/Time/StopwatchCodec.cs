using System;
using System.Diagnostics;
using System.Reflection;
using VarSave.Codecs.Values;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Time
{
    /// <summary>
    /// A <see cref="Stopwatch"/> as its elapsed time (in <see cref="TimeSpan"/> ticks, so machines with other
    /// timer frequencies agree) and whether it runs. A loaded running stopwatch goes on from the saved elapsed
    /// time: the time between the save and the load is not counted, as for a paused game clock. The
    /// stopwatch's own fields are set, since no public member sets an elapsed time (names as in .NET and
    /// .NET Framework; a runtime with others refuses the value with its path).
    /// </summary>
    internal sealed class StopwatchCodec : ImmutableObjectCodec
    {
        public static readonly StopwatchCodec Instance = new StopwatchCodec();

        private static readonly FieldInfo? Elapsed = Field("_elapsed", "elapsed");
        private static readonly FieldInfo? Started = Field("_startTimeStamp", "started");
        private static readonly FieldInfo? Running = Field("_isRunning", "isRunning");

        private static FieldInfo? Field(params string[] names)
        {
            foreach (var name in names)
                if (typeof(Stopwatch).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic) is FieldInfo field) return field;
            return null;
        }

        public override void Write(object value, StateWriter writer)
        {
            if (Elapsed == null || Started == null || Running == null)
                throw writer.Unsaveable(typeof(Stopwatch), "this runtime's Stopwatch has fields VarSave does not know, so a loaded one could not be set");
            var stopwatch = (Stopwatch)value;
            writer.Output.WriteVarInt(stopwatch.Elapsed.Ticks);
            writer.Output.WriteByte(stopwatch.IsRunning ? (byte)1 : (byte)0);
        }

        protected override object Read(StateReader reader, LoadedType type)
        {
            long ticks = reader.Input.ReadVarInt();
            byte running = reader.Input.ReadByte();
            if (ticks < 0 || running > 1) throw reader.Input.Corrupt("a Stopwatch has a negative elapsed time or an unknown state");
            if (Elapsed == null || Started == null || Running == null)
                throw new VarSaveException("This runtime's Stopwatch has fields VarSave does not know, so the saved Stopwatch cannot be restored; load on .NET or .NET Framework.");
            var stopwatch = new Stopwatch();
            // TimeSpan ticks to the timer's ticks, in two parts so that no product overflows.
            long timerTicks = checked(ticks / TimeSpan.TicksPerSecond * Stopwatch.Frequency + ticks % TimeSpan.TicksPerSecond * Stopwatch.Frequency / TimeSpan.TicksPerSecond);
            Elapsed.SetValue(stopwatch, timerTicks);
            if (running == 1)
            {
                Started.SetValue(stopwatch, Stopwatch.GetTimestamp());
                Running.SetValue(stopwatch, true);
            }
            return stopwatch;
        }
    }
}
