using System;

namespace VarSave.Codecs
{
    /// <summary>Creates an instance without running any constructor. Called only with registered or built-in types.</summary>
    internal static class Allocator
    {
        public static object Uninitialized(Type type)
        {
#if NET
            return System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
#else
            return System.Runtime.Serialization.FormatterServices.GetUninitializedObject(type);
#endif
        }
    }
}
