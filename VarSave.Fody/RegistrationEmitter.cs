using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// Emits the module initializer (<c>&lt;Module&gt;..cctor</c>) that hands the runtime every
    /// planned type: its key, schema, factory and static capture and restore methods.
    /// </summary>
    internal sealed class RegistrationEmitter
    {
        private readonly ModuleDefinition _module;
        private readonly RuntimeReferences _runtime;

        public RegistrationEmitter(ModuleDefinition module, RuntimeReferences runtime)
        {
            _module = module;
            _runtime = runtime;
        }

        public void Emit(IReadOnlyList<TypePlan> plans, IReadOnlyList<MethodDefinition> delegateRegistrations)
        {
            var initializer = ModuleInitializer();
            var body = initializer.Body;
            var registration = new VariableDefinition(_runtime.ModuleRegistration);
            body.Variables.Add(registration);

            var code = new List<Instruction> { Instruction.Create(OpCodes.Newobj, _runtime.RegistrationConstructor), Instruction.Create(OpCodes.Stloc, registration) };
            foreach (var plan in plans)
            {
                WidenNestedVisibility(plan.Type);
                code.AddRange(RegisterType(plan, registration));
            }
            foreach (var register in delegateRegistrations)
            {
                WidenNestedVisibility(register.DeclaringType);
                code.Add(Instruction.Create(OpCodes.Ldloc, registration));
                code.Add(Instruction.Create(OpCodes.Call, register));
            }
            code.Add(Instruction.Create(OpCodes.Ldloc, registration));
            code.Add(Instruction.Create(OpCodes.Callvirt, _runtime.Complete));

            // Registration runs first, before any initializer the module already had.
            var first = body.Instructions.First();
            var il = body.GetILProcessor();
            foreach (var instruction in code) il.InsertBefore(first, instruction);

            _module.Assembly.CustomAttributes.Add(new CustomAttribute(_runtime.WovenModuleAttribute));
        }

        private IEnumerable<Instruction> RegisterType(TypePlan plan, VariableDefinition registration)
        {
            yield return Instruction.Create(OpCodes.Ldloc, registration);
            yield return Instruction.Create(OpCodes.Ldtoken, plan.Type);
            yield return Instruction.Create(OpCodes.Call, _runtime.GetTypeFromHandle);
            yield return Instruction.Create(OpCodes.Ldstr, PreviousNames.KeyWithAliases(plan.Type, plan.Key));
            yield return Instruction.Create(OpCodes.Ldstr, string.Join("\0", plan.FieldNames));
            if (plan.HasFactory)
            {
                foreach (var instruction in NewDelegate(plan.Type, StateMethodEmitter.FactoryName, _runtime.FuncOfObjectConstructor))
                    yield return instruction;
            }
            else yield return Instruction.Create(OpCodes.Ldnull);
            foreach (var instruction in NewDelegateOrNull(plan.InitializedFactory, _runtime.FuncOfObjectConstructor)) yield return instruction;
            yield return Instruction.Create(OpCodes.Callvirt, _runtime.AddType);

            if (plan.InstanceHooks != null || plan.StaticHooks != null)
            {
                yield return Instruction.Create(OpCodes.Ldloc, registration);
                foreach (var instruction in NewDelegateOrNull(plan.InstanceHooks, _runtime.ActionOfObjectConstructor)) yield return instruction;
                foreach (var instruction in NewDelegateOrNull(plan.StaticHooks, _runtime.ActionConstructor)) yield return instruction;
                yield return Instruction.Create(OpCodes.Callvirt, _runtime.AddAfterLoad);
            }

            if (plan.Statics.Count == 0) yield break;
            yield return Instruction.Create(OpCodes.Ldloc, registration);
            yield return Instruction.Create(OpCodes.Ldstr, string.Join("\0", plan.Statics.Select(PreviousNames.WithAliases)));
            if (plan.Type.HasGenericParameters)
            {
                // Each closed instantiation registers its capture and restore from its static constructor (GenericStaticsEmitter).
                yield return Instruction.Create(OpCodes.Callvirt, _runtime.AddGenericStatics);
                yield break;
            }
            foreach (var instruction in NewDelegate(plan.Type, StateMethodEmitter.CaptureStaticsName, _runtime.ActionOfWriterConstructor))
                yield return instruction;
            foreach (var instruction in NewDelegate(plan.Type, StateMethodEmitter.RestoreStaticsName, _runtime.ActionOfReaderConstructor))
                yield return instruction;
            yield return Instruction.Create(OpCodes.Callvirt, _runtime.AddStatics);
        }

        private static IEnumerable<Instruction> NewDelegate(TypeDefinition type, string methodName, MethodReference delegateConstructor) =>
            NewDelegateOrNull(type.Methods.Single(m => m.Name == methodName), delegateConstructor);

        private static IEnumerable<Instruction> NewDelegateOrNull(MethodDefinition? method, MethodReference delegateConstructor)
        {
            yield return Instruction.Create(OpCodes.Ldnull);
            if (method == null) yield break;
            yield return Instruction.Create(OpCodes.Ldftn, method);
            yield return Instruction.Create(OpCodes.Newobj, delegateConstructor);
        }

        /// <summary>
        /// The module initializer lives in &lt;Module&gt;, outside every type, and the runtime
        /// checks access to nested private types even for ldtoken and ldftn. Such types become
        /// nested-internal: visible to their own assembly only, as before to every other one.
        /// </summary>
        public static void WidenNestedVisibility(TypeDefinition type)
        {
            for (var current = type; current.IsNested; current = current.DeclaringType)
            {
                if (current.IsNestedPrivate || current.IsNestedFamily || current.IsNestedFamilyAndAssembly)
                    current.Attributes = (current.Attributes & ~TypeAttributes.VisibilityMask) | TypeAttributes.NestedAssembly;
            }
        }

        private MethodDefinition ModuleInitializer() => _module.Types.First(t => t.Name == "<Module>").StaticConstructor();
    }
}
