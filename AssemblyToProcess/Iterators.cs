using System.Collections.Generic;

namespace AssemblyToProcess
{
    /// <summary>Paused iterators: their state machines are woven classes.</summary>
    public static class Iterators
    {
        public static IEnumerator<int> Squares(int count)
        {
            for (int i = 1; i <= count; i++) yield return i * i;
        }

        /// <summary>foreach over a List hoists List.Enumerator, a BCL struct that cannot be saved.</summary>
        public static IEnumerator<int> Walk(List<int> items)
        {
            foreach (var item in items) yield return item;
        }
    }
}
