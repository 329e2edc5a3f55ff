using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// For every method the module turns into a delegate, emits a factory inside the method's
    /// own type (where <c>ldftn</c> on private compiler-generated methods is allowed) that
    /// rebuilds the delegate from its target with <c>ldftn</c> + <c>newobj</c>, and a
    /// per-type method that registers those factories with the runtime under stable keys.
    /// Methods of generic code are registered open (<see cref="GenericDelegateEmitter"/>), and the
    /// few the runtime cannot rebind are registered with the reason, for the save's message.
    /// Loading binds delegates only through these: a snapshot cannot name any other method.
    /// </summary>
    internal sealed class DelegateFactoryEmitter
    {
        public const string RegisterName = "<VarSave>RegisterDelegates";

        private readonly ModuleWeaver _weaver;
        private readonly RuntimeReferences _runtime;
        private readonly TypeKeys _keys;

        public DelegateFactoryEmitter(ModuleWeaver weaver, RuntimeReferences runtime, TypeKeys keys)
        {
            _weaver = weaver;
            _runtime = runtime;
            _keys = keys;
        }

        /// <summary>Emits the factories; returns the registration methods, one per type that has any.</summary>
        public List<MethodDefinition> Emit(IEnumerable<DelegateSite> sites)
        {
            var registrations = new List<MethodDefinition>();
            var generic = new GenericDelegateEmitter(_weaver, _runtime, _keys);
            var ordinary = new List<DelegateSite>();
            foreach (var site in sites.GroupBy(s => (s.Definition, DelegateType: s.DelegateConstructor.DeclaringType.FullName, s.IsVirtual)).Select(g => g.First()))
            {
                var kind = Classify(site, out var refusal);
                if (kind == SiteKind.Ordinary) ordinary.Add(site);
                else if (kind == SiteKind.Generic) generic.Add(site);
                else generic.Refuse(site, refusal!);
            }
            foreach (var byOwner in ordinary.GroupBy(FactoryOwner))
            {
                var register = NewMethod(byOwner.Key, RegisterName, _weaver.ModuleDefinition.TypeSystem.Void, _runtime.ModuleRegistration);
                var il = register.Body.GetILProcessor();
                int ordinal = 0;
                foreach (var site in byOwner)
                {
                    var factory = EmitFactory(byOwner.Key, site, ordinal++);
                    il.Emit(OpCodes.Ldarg_0);
                    il.Emit(OpCodes.Ldtoken, site.Target);
                    il.Emit(OpCodes.Ldtoken, site.Target.DeclaringType);
                    il.Emit(OpCodes.Call, _runtime.GetMethodFromHandle);
                    il.Emit(OpCodes.Ldtoken, site.DelegateConstructor.DeclaringType);
                    il.Emit(OpCodes.Call, _runtime.GetTypeFromHandle);
                    il.Emit(OpCodes.Ldstr, _keys.MethodKey(site.Definition));
                    il.Emit(OpCodes.Ldnull);
                    il.Emit(OpCodes.Ldftn, factory);
                    il.Emit(OpCodes.Newobj, _runtime.FuncOfObjectToObjectConstructor);
                    il.Emit(OpCodes.Callvirt, _runtime.AddDelegate);
                }
                il.Emit(OpCodes.Ret);
                registrations.Add(register);
            }
            var genericRegistration = generic.Finish();
            if (genericRegistration != null) registrations.Add(genericRegistration);
            return registrations;
        }

        private enum SiteKind { Ordinary, Generic, Refused }

        /// <summary>
        /// Generic code (a generic method, a method of a generic type of this module or another, or a
        /// delegate type over the site's type parameters) is registered open and instantiated at run
        /// time. What is left refused: methods of other assemblies that are not public, and virtual
        /// methods of generic code bound late.
        /// </summary>
        private SiteKind Classify(DelegateSite site, out string? refusal)
        {
            var owner = site.Definition.DeclaringType;
            refusal = null;
            if (owner.Module != _weaver.ModuleDefinition && !(site.Definition.IsPublic && IsVisibleEverywhere(owner)))
                refusal = "it is not public in its assembly, so no factory outside it may bind it; wrap the call in a lambda written in this module, which VarSave saves";
            else if (!(owner.HasGenericParameters || site.Definition.HasGenericParameters || site.DelegateConstructor.DeclaringType.ContainsGenericParameter))
                return SiteKind.Ordinary;
            else if (site.IsVirtual && !IsFinal(site.Definition))
                refusal = "a virtual method of generic code bound late cannot be rebound; wrap the call in a lambda (x => target.Method(x)), which VarSave saves";
            else return SiteKind.Generic;
            return SiteKind.Refused;
        }

        /// <summary>A method no override can replace: ldvirtftn on it binds what ldftn would (interface implementations of HashSet, say).</summary>
        private static bool IsFinal(MethodDefinition method) => !method.IsVirtual || method.IsFinal || method.DeclaringType.IsSealed;

        /// <summary>
        /// Where a factory lives: inside the target's own type (ldftn on its private members is allowed
        /// only there), or, for a public method of another assembly, in one class of this module.
        /// </summary>
        private TypeDefinition FactoryOwner(DelegateSite site)
        {
            var owner = site.Definition.DeclaringType;
            if (owner.Module == _weaver.ModuleDefinition) return owner;
            if (_externalOwner != null) return _externalOwner;
            _externalOwner = ModuleClass(_weaver.ModuleDefinition, "<VarSave>ExternalDelegates");
            return _externalOwner;
        }

        private TypeDefinition? _externalOwner;

        /// <summary>A static class of the module for what the weaver emits outside the user's types.</summary>
        public static TypeDefinition ModuleClass(ModuleDefinition module, string name)
        {
            var type = new TypeDefinition("", name,
                TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit, module.TypeSystem.Object);
            module.Types.Add(type);
            return type;
        }

        private static bool IsVisibleEverywhere(TypeDefinition type) =>
            type.IsPublic || type.IsNestedPublic && IsVisibleEverywhere(type.DeclaringType);

        /// <summary>
        /// <c>(D)new D(target, ldftn M)</c>. The runtime has checked the target against the method
        /// (DelegateTarget.Accepts) before it calls a factory: an instance of the declaring type (boxed, for
        /// a struct), null for a static method, or the bound first argument of a static method closed over it.
        /// </summary>
        private MethodDefinition EmitFactory(TypeDefinition owner, DelegateSite site, int ordinal)
        {
            var module = _weaver.ModuleDefinition;
            var factory = NewMethod(owner, "<VarSave>Delegate" + ordinal, module.TypeSystem.Object, module.TypeSystem.Object);
            var il = factory.Body.GetILProcessor();
            if (site.Definition.IsStatic)
            {
                if (IsClosedStatic(site))
                {
                    il.Emit(OpCodes.Ldarg_0);
                    var first = site.Target.Parameters[0].ParameterType;
                    if (!first.IsValueType && !(first is GenericParameter)) il.Emit(OpCodes.Castclass, first);
                }
                else il.Emit(OpCodes.Ldnull);
                il.Emit(OpCodes.Ldftn, site.Target);
            }
            else
            {
                il.Emit(OpCodes.Ldarg_0);
                // A struct's method is bound to the boxed value, which castclass cannot name.
                if (!site.Definition.DeclaringType.IsValueType) il.Emit(OpCodes.Castclass, site.Target.DeclaringType);
                if (site.IsVirtual)
                {
                    il.Emit(OpCodes.Dup);
                    il.Emit(OpCodes.Ldvirtftn, site.Target);
                }
                else il.Emit(OpCodes.Ldftn, site.Target);
            }
            il.Emit(OpCodes.Newobj, site.DelegateConstructor);
            il.Emit(OpCodes.Ret);
            return factory;
        }

        /// <summary>A static method with one parameter more than the delegate's Invoke: bound to its first argument (an extension-method group).</summary>
        private static bool IsClosedStatic(DelegateSite site)
        {
            var invoke = Saveability.SafeResolve(site.DelegateConstructor.DeclaringType)?.Methods.FirstOrDefault(m => m.Name == "Invoke");
            return invoke != null && site.Definition.Parameters.Count == invoke.Parameters.Count + 1;
        }

        public static MethodDefinition NewMethod(TypeDefinition owner, string name, TypeReference returnType, TypeReference parameter)
        {
            var method = new MethodDefinition(name, MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, returnType);
            method.Parameters.Add(new ParameterDefinition("value", ParameterAttributes.None, parameter));
            owner.Methods.Add(method);
            return method;
        }
    }
}
