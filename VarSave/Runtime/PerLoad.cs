using System.Runtime.CompilerServices;

namespace VarSave.Runtime
{
    /// <summary>
    /// State a codec keeps for the length of one load (a budget, a list to check once every object is
    /// filled), found from the load's reader and dropped with it.
    /// </summary>
    internal static class PerLoad<T> where T : class, new()
    {
        private static readonly ConditionalWeakTable<StateReader, T> States = new ConditionalWeakTable<StateReader, T>();

        /// <summary>The state of <paramref name="reader"/>'s load; the first call makes it.</summary>
        public static T Of(StateReader reader) => States.GetValue(reader, _ => new T());
    }
}
