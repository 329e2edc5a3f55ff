using System;
using System.ComponentModel;

namespace VarSave.Runtime
{
    /// <summary>Called by woven factories: an instance of the calling type without running its constructors.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class Allocation
    {
        /// <summary>Allocates <paramref name="type"/> with every field at its default.</summary>
        public static object Uninitialized(Type type) => Codecs.Allocator.Uninitialized(type);
    }
}
