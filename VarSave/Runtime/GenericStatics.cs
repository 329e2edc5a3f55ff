using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using VarSave.Registry;

namespace VarSave.Runtime
{
    /// <summary>
    /// Statics of generic types exist once per closed instantiation (<c>Cache&lt;int&gt;.Items</c> and
    /// <c>Cache&lt;string&gt;.Items</c> are two fields). The weaver makes each generic type's static
    /// constructor call <see cref="Register"/>, so every instantiation the program initialises is saved.
    /// Not for hand-written code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class GenericStatics
    {
        /// <summary>Registers the statics of <paramref name="closed"/>, an instantiation of a woven generic type, as it is initialised.</summary>
        public static void Register(Type closed, Action<StateWriter> capture, Action<StateReader> restore)
        {
            var definition = TypeRegistry.FindByType(closed.GetGenericTypeDefinition());
            if (definition == null || definition.Statics.Length == 0) return;
            TypeRegistry.AddClosedStatics(definition.Instantiate(closed, capture, restore));
        }

        /// <summary>
        /// The holder whose restore assigns the saved statics of <paramref name="closed"/>. An
        /// instantiation the loading program has not used yet is initialised first (its static
        /// constructor runs, as the first access to one of its statics would), which registers it.
        /// The type comes from the type table: a woven generic type closed over woven or built-in types.
        /// </summary>
        internal static WovenType? HolderFor(Type closed)
        {
            if (!closed.IsGenericType || closed.IsGenericTypeDefinition) return null;
            var holder = TypeRegistry.FindClosedStatics(closed);
            if (holder != null) return holder;
            try
            {
                RuntimeHelpers.RunClassConstructor(closed.TypeHandle);
            }
            catch (TypeInitializationException e)
            {
                throw new VarSaveException($"Cannot restore the statics of {TypeNames.Of(closed)}: its static constructor failed ({e.InnerException?.Message}).", e);
            }
            return TypeRegistry.FindClosedStatics(closed);
        }
    }
}
