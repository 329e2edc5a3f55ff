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
            var distinct = sites.Where(IsSupported)
                .GroupBy(s => (s.Definition, DelegateType: s.DelegateConstructor.DeclaringType.FullName, s.IsVirtual))
                .Select(g => g.First());
            foreach (var byOwner in distinct.GroupBy(FactoryOwner))
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
            return registrations;
        }

        /// <summary>
        /// Generic targets would need a factory per instantiation, and methods of structs bind
        /// to a boxed copy; both are reported and left to fail clearly at save time.
        /// </summary>
        private bool IsSupported(DelegateSite site)
        {
            var owner = site.Definition.DeclaringType;
            bool external = owner.Module != _weaver.ModuleDefinition;
            bool generic = external
                ? site.Target.DeclaringType.ContainsGenericParameter || site.Target is GenericInstanceMethod || site.DelegateConstructor.DeclaringType.ContainsGenericParameter
                : owner.HasGenericParameters || site.Definition.HasGenericParameters || site.DelegateConstructor.DeclaringType.ContainsGenericParameter;
            string? reason = generic ? "generic target"
                : owner.IsValueType && !site.Definition.IsStatic ? "method of a struct"
                : external && !(site.Definition.IsPublic && IsVisibleEverywhere(owner)) ? "not public in its assembly"
                : null;
            if (reason == null) return true;
            _weaver.WriteMessage($"VarSave: delegates to {site.Definition.FullName} cannot be saved yet ({reason}).", global::Fody.MessageImportance.Normal);
            return false;
        }

        /// <summary>
        /// Where a factory lives: inside the target's own type (ldftn on its private members is allowed
        /// only there), or, for a public method of another assembly, in one class of this module.
        /// </summary>
        private TypeDefinition FactoryOwner(DelegateSite site)
        {
            var owner = site.Definition.DeclaringType;
            if (owner.Module == _weaver.ModuleDefinition) return owner;
            if (_externalOwner != null) return _externalOwner;
            var module = _weaver.ModuleDefinition;
            _externalOwner = new TypeDefinition("", "<VarSave>ExternalDelegates",
                TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit, module.TypeSystem.Object);
            module.Types.Add(_externalOwner);
            return _externalOwner;
        }

        private TypeDefinition? _externalOwner;

        private static bool IsVisibleEverywhere(TypeDefinition type) =>
            type.IsPublic || type.IsNestedPublic && IsVisibleEverywhere(type.DeclaringType);

        private MethodDefinition EmitFactory(TypeDefinition owner, DelegateSite site, int ordinal)
        {
            var module = _weaver.ModuleDefinition;
            var factory = NewMethod(owner, "<VarSave>Delegate" + ordinal, module.TypeSystem.Object, module.TypeSystem.Object);
            var il = factory.Body.GetILProcessor();
            if (site.Definition.IsStatic)
            {
                il.Emit(OpCodes.Ldnull);
                il.Emit(OpCodes.Ldftn, site.Target);
            }
            else
            {
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Castclass, site.Target.DeclaringType);
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

        private static MethodDefinition NewMethod(TypeDefinition owner, string name, TypeReference returnType, TypeReference parameter)
        {
            var method = new MethodDefinition(name, MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, returnType);
            method.Parameters.Add(new ParameterDefinition("value", ParameterAttributes.None, parameter));
            owner.Methods.Add(method);
            return method;
        }
    }
}
