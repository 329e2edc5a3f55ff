using System;
using System.Reflection;
using VarSave.Runtime;

namespace VarSave.Codecs.Inheritance
{
    /// <summary>
    /// Runs a BCL class's own constructor on an instance made without constructors (a woven class
    /// derived from <c>List&lt;T&gt;</c>, say), so the base part is set up as the BCL builds it while
    /// no constructor of the woven class runs. Only constructors of the fixed BCL bases are looked up.
    /// </summary>
    internal static class BaseConstructor
    {
        public static ConstructorInfo Find(Type declaring, params Type[] parameters) =>
            declaring.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, parameters, null)
            ?? throw new InvalidOperationException($"{declaring} has no constructor ({string.Join(", ", (object[])parameters)}).");

        public static void Run(ConstructorInfo constructor, object instance, params object?[] arguments)
        {
            try
            {
                constructor.Invoke(instance, arguments);
            }
            catch (TargetInvocationException e)
            {
                throw new SnapshotFormatException($"The snapshot is corrupt: the {constructor.DeclaringType?.Name} part of a {instance.GetType().Name} cannot be built ({e.InnerException?.Message}).");
            }
        }
    }

    /// <summary>A codec that can also set up the BCL base part of a woven class's instance (<see cref="DerivedWovenCodec"/>).</summary>
    internal interface IBaseCodec
    {
        /// <summary>Reads what <see cref="ObjectCodec.Create"/> would and sets up the base part of <paramref name="instance"/>, made without constructors.</summary>
        void InitializeBase(object instance, StateReader reader, Graph.LoadedType type);
    }
}
