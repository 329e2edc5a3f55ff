using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// A generic type's statics exist once per closed instantiation, and only code inside the type
    /// can name the instantiation it runs in. Its static constructor (added if it has none) first
    /// calls <c>GenericStatics.Register(typeof(T&lt;…&gt;), CaptureStatics, RestoreStatics)</c>, so
    /// every instantiation the program initialises (which it does before any use of its statics)
    /// is saved and can be assigned on load.
    /// </summary>
    internal sealed class GenericStaticsEmitter
    {
        private readonly ModuleDefinition _module;
        private readonly RuntimeReferences _runtime;

        public GenericStaticsEmitter(ModuleDefinition module, RuntimeReferences runtime)
        {
            _module = module;
            _runtime = runtime;
        }

        public void Emit(TypePlan plan)
        {
            var type = plan.Type;
            if (!type.HasGenericParameters || plan.Statics.Count == 0) return;
            var self = type.SelfReference();
            var code = new[]
            {
                Instruction.Create(OpCodes.Ldtoken, self),
                Instruction.Create(OpCodes.Call, _runtime.GetTypeFromHandle),
                Instruction.Create(OpCodes.Ldnull),
                Instruction.Create(OpCodes.Ldftn, OnSelf(type, StateMethodEmitter.CaptureStaticsName, self)),
                Instruction.Create(OpCodes.Newobj, _runtime.ActionOfWriterConstructor),
                Instruction.Create(OpCodes.Ldnull),
                Instruction.Create(OpCodes.Ldftn, OnSelf(type, StateMethodEmitter.RestoreStaticsName, self)),
                Instruction.Create(OpCodes.Newobj, _runtime.ActionOfReaderConstructor),
                Instruction.Create(OpCodes.Call, _runtime.RegisterGenericStatics),
            };
            var constructor = type.StaticConstructor();
            var il = constructor.Body.GetILProcessor();
            var first = constructor.Body.Instructions.First();
            foreach (var instruction in code) il.InsertBefore(first, instruction);
        }

        /// <summary>The woven static method as seen from inside the type: on its own instantiation.</summary>
        private static MethodReference OnSelf(TypeDefinition type, string name, TypeReference self) =>
            type.Methods.Single(m => m.Name == name).OnType(self);
    }
}
