using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace VarSave.Graph
{
    /// <summary>Identity comparison, so shared references stay shared and cycles end.</summary>
    internal sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new ReferenceComparer();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
