using System;
using System.Reflection;

namespace VarSave.Registry
{
    /// <summary>
    /// A method of generic code (a generic method, a method of a generic type, a lambda or local
    /// function in either) that woven code turns into delegates whose type is an instantiation of
    /// <see cref="DelegateDefinition"/>. It is registered once, open; each instantiation a program
    /// makes is closed at run time with type arguments that are themselves registered or built-in
    /// types (the type table names no other), and bound with <see cref="Delegate.CreateDelegate(Type, object, MethodInfo, bool)"/>,
    /// which checks the delegate type against the instantiated signature.
    /// </summary>
    internal sealed class GenericDelegate
    {
        public GenericDelegate(MethodInfo open, Type delegateDefinition, string key)
        {
            Open = open;
            DelegateDefinition = delegateDefinition;
            Key = key;
        }

        /// <summary>The method as declared: on the open generic type, with its own type parameters.</summary>
        public MethodInfo Open { get; }

        /// <summary>The delegate type the woven code makes, or its generic definition.</summary>
        public Type DelegateDefinition { get; }

        public string Key { get; }

        public bool Makes(Type delegateType) => DefinitionOf(delegateType) == DelegateDefinition;

        public static Type DefinitionOf(Type delegateType) => delegateType.IsGenericType ? delegateType.GetGenericTypeDefinition() : delegateType;

        /// <summary>The instantiation a saved delegate uses, read off its run-time method.</summary>
        public DelegateTarget For(MethodInfo closed, Type delegateType)
        {
            var owner = closed.DeclaringType!;
            return Bind(closed, delegateType, owner.IsGenericType ? owner.GetGenericArguments() : Type.EmptyTypes,
                closed.IsGenericMethod ? closed.GetGenericArguments() : Type.EmptyTypes);
        }

        /// <summary>
        /// The instantiation a snapshot names. Throws <see cref="SnapshotMismatchException"/> when the
        /// arguments break the method's constraints or do not fit its generic parameters.
        /// </summary>
        public DelegateTarget Close(Type[] typeArguments, Type[] methodArguments, Type delegateType)
        {
            var owner = Open.DeclaringType!;
            int typeArity = owner.IsGenericTypeDefinition ? owner.GetGenericArguments().Length : 0;
            int methodArity = Open.IsGenericMethodDefinition ? Open.GetGenericArguments().Length : 0;
            if (typeArguments.Length != typeArity || methodArguments.Length != methodArity)
                throw new SnapshotMismatchException($"Cannot rebind {Key}: the snapshot gives it {typeArguments.Length}+{methodArguments.Length} type arguments; the loading program's method takes {typeArity}+{methodArity}.");
            try
            {
                var method = typeArity == 0 ? Open : (MethodInfo)MethodBase.GetMethodFromHandle(Open.MethodHandle, owner.MakeGenericType(typeArguments).TypeHandle)!;
                if (methodArity > 0) method = method.MakeGenericMethod(methodArguments);
                return Bind(method, delegateType, typeArguments, methodArguments);
            }
            catch (ArgumentException e)
            {
                throw new SnapshotMismatchException($"Cannot rebind {Key} with the snapshot's type arguments: {e.Message}");
            }
        }

        private DelegateTarget Bind(MethodInfo method, Type delegateType, Type[] typeArguments, Type[] methodArguments)
        {
            object Factory(object? target) =>
                Delegate.CreateDelegate(delegateType, target, method, throwOnBindFailure: false)
                ?? throw new SnapshotMismatchException($"Cannot rebind {Key} as a {TypeNames.Of(delegateType)}: its instantiated signature does not match the delegate's.");
            return new DelegateTarget(method, delegateType, Key, Factory) { Generic = this, TypeArguments = typeArguments, MethodArguments = methodArguments };
        }
    }
}
