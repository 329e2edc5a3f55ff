using System;

namespace VarSave
{
    /// <summary>
    /// Leaves a field, or every instance and static field of a type, out of saved state.
    /// After a load the field keeps the value it had in the running program (statics) or its
    /// default (restored instances). Use it for caches, timers, streams, handles and services.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
    public sealed class TransientAttribute : Attribute
    {
    }
}
