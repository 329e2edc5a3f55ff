using System;

namespace VarSave
{
    /// <summary>
    /// Tells the VarSave weaver that values of <see cref="Type"/> (a type of an assembly that is not woven) are saved
    /// through a surrogate registered at run time with <c>VarSave.Surrogates.Register</c>, so locals, captured and
    /// hoisted variables and fields of that type are saved instead of skipped. The weaver finds the
    /// <c>Surrogates.Register&lt;T, TStandIn&gt;</c> calls of the assembly it weaves by itself; this attribute is for
    /// registrations it cannot see: made by another assembly (a library that registers for its consumers puts it on
    /// itself, and every assembly that references the library honours it), through a generic helper, or by reflection.
    /// A save that meets such a value with no surrogate registered still fails, naming the local and the method.
    /// </summary>
    /// <example><c>[assembly: VarSave.SaveWithSurrogate(typeof(System.Drawing.Color))]</c></example>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class SaveWithSurrogateAttribute : Attribute
    {
        /// <summary>Declares that <paramref name="type"/> is saved through a registered surrogate.</summary>
        /// <param name="type">The exact type the surrogate is registered for (the <c>T</c> of <c>Register&lt;T, TStandIn&gt;</c>).</param>
        public SaveWithSurrogateAttribute(Type type) => Type = type;

        /// <summary>The type saved through a surrogate.</summary>
        public Type Type { get; }
    }
}
