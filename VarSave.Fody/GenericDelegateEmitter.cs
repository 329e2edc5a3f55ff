using System.Linq;
using System.Text;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// Registers, in one module class (<c>&lt;VarSave&gt;Delegates</c>), the methods of generic code
    /// the module makes into delegates: each once, open, by its declaring type's definition, name and
    /// signature, with the delegate type's definition. A generic type's methods cannot be named by a
    /// token outside a generic context, and a factory inside an open type cannot be called without
    /// type arguments; the runtime instantiates each registration with the type arguments a saved
    /// delegate used (VarSave.Registry.GenericDelegate). Also registers the delegates the weaver
    /// refuses, with the reason and where they are made, for the message of a save that meets one.
    /// </summary>
    internal sealed class GenericDelegateEmitter
    {
        private readonly ModuleWeaver _weaver;
        private readonly RuntimeReferences _runtime;
        private readonly TypeKeys _keys;
        private MethodDefinition? _register;

        public GenericDelegateEmitter(ModuleWeaver weaver, RuntimeReferences runtime, TypeKeys keys)
        {
            _weaver = weaver;
            _runtime = runtime;
            _keys = keys;
        }

        public void Add(DelegateSite site)
        {
            var module = _weaver.ModuleDefinition;
            var il = Register().Body.GetILProcessor();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldtoken, Visible(site.Definition.DeclaringType));
            il.Emit(OpCodes.Call, _runtime.GetTypeFromHandle);
            il.Emit(OpCodes.Ldstr, site.Definition.Name);
            il.Emit(OpCodes.Ldstr, SignatureOf(site.Definition));
            il.Emit(OpCodes.Ldtoken, Visible(Saveability.SafeResolve(site.DelegateDefinition)) ?? module.ImportReference(site.DelegateDefinition));
            il.Emit(OpCodes.Call, _runtime.GetTypeFromHandle);
            il.Emit(OpCodes.Ldstr, _keys.MethodKey(site.Definition));
            il.Emit(OpCodes.Callvirt, _runtime.AddGenericDelegate);
        }

        /// <summary>Tells the build why delegates to a method cannot be saved, and registers the reason for the save's message.</summary>
        public void Refuse(DelegateSite site, string reason)
        {
            var owner = site.Definition.DeclaringType;
            bool own = owner.Module == _weaver.ModuleDefinition;
            string what = own ? _keys.MethodKey(site.Definition) : owner.FullName + "::" + site.Definition.Name;
            string location = site.Location();
            _weaver.WriteMessage($"VarSave: {location}delegates to {what} cannot be saved: {reason}.", global::Fody.MessageImportance.High);
            var il = Register().Body.GetILProcessor();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldstr, owner.FullName.Replace('/', '+') + "::" + site.Definition.Name);
            il.Emit(OpCodes.Ldstr, $"{reason} (made at {(location.Length > 0 ? location.TrimEnd(':', ' ') : what)})");
            il.Emit(OpCodes.Callvirt, _runtime.AddRefusedDelegate);
        }

        /// <summary>The registration method, if anything was registered.</summary>
        public MethodDefinition? Finish()
        {
            _register?.Body.GetILProcessor().Emit(OpCodes.Ret);
            return _register;
        }

        private MethodDefinition Register()
        {
            if (_register != null) return _register;
            var module = _weaver.ModuleDefinition;
            var holder = DelegateFactoryEmitter.ModuleClass(module, "<VarSave>Delegates");
            _register = DelegateFactoryEmitter.NewMethod(holder, DelegateFactoryEmitter.RegisterName, module.TypeSystem.Void, _runtime.ModuleRegistration);
            return _register;
        }

        /// <summary>A type of this module named from the module class: nested private types become nested-internal (as for every registration); others are imported.</summary>
        private TypeReference? Visible(TypeDefinition? type)
        {
            if (type == null) return null;
            if (type.Module != _weaver.ModuleDefinition) return _weaver.ModuleDefinition.ImportReference(type);
            RegistrationEmitter.WidenNestedVisibility(type);
            return type;
        }

        /// <summary>The signature as the runtime spells it from reflection (VarSave.Registry.TypeNames.SignatureOf).</summary>
        public static string SignatureOf(MethodDefinition method)
        {
            var text = new StringBuilder();
            text.Append('`').Append(method.GenericParameters.Count).Append('(');
            text.Append(string.Join(",", method.Parameters.Select(p => NameOf(p.ParameterType))));
            return text.Append(')').ToString();
        }

        private static string NameOf(TypeReference type)
        {
            switch (type)
            {
                case GenericParameter parameter:
                    return (parameter.Type == GenericParameterType.Method ? "!!" : "!") + parameter.Position;
                case ByReferenceType byReference: return NameOf(byReference.ElementType) + "&";
                case PointerType pointer: return NameOf(pointer.ElementType) + "*";
                case ArrayType array: return NameOf(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
                case RequiredModifierType required: return NameOf(required.ElementType);
                case OptionalModifierType optional: return NameOf(optional.ElementType);
                case GenericInstanceType generic:
                    return NameOf(generic.ElementType) + "<" + string.Join(",", generic.GenericArguments.Select(NameOf)) + ">";
                default: return type.FullName.Replace('/', '+');
            }
        }
    }
}
