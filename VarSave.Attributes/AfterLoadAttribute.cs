using System;

namespace VarSave
{
    /// <summary>
    /// Marks a parameterless method to run after a load. An instance method runs once per
    /// restored instance, after the whole graph is restored (so it can follow references), in the
    /// order objects were first reached when saved; base-class hooks run before derived ones. A
    /// static method runs after every static field is assigned. The place to migrate old data.
    /// A hook that throws fails the load and leaves the program's statics as they were.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class AfterLoadAttribute : Attribute
    {
    }
}
