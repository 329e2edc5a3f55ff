using System;
using System.Collections.Generic;
using VarSave.Codecs.Values;

namespace VarSave.Codecs.Time
{
    /// <summary><c>DateOnly</c> as its day number, <c>TimeOnly</c> as its ticks; the constructors check the range.</summary>
    internal static class DateAndTimeValues
    {
        public static void AddTo(Dictionary<Type, ValueCodec> codecs)
        {
#if NET
            codecs.Add(typeof(DateOnly), ValueCodec.Of<DateOnly>(
                d => new object?[] { d.DayNumber },
                p => DateOnly.FromDayNumber(p.Expect(1).Get<int>(0))));
            codecs.Add(typeof(TimeOnly), ValueCodec.Of<TimeOnly>(
                t => new object?[] { t.Ticks },
                p => new TimeOnly(p.Expect(1).Get<long>(0))));
#endif
        }
    }
}
