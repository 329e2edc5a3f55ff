using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Rocks;

namespace VarSave.Fody
{
    /// <summary>The runtime's types and methods the woven code calls, imported into the module once.</summary>
    internal sealed class RuntimeReferences
    {
        public RuntimeReferences(ModuleWeaver weaver)
        {
            var module = weaver.ModuleDefinition;
            TypeDefinition Find(string name) => weaver.FindTypeDefinition(name);
            MethodReference Import(TypeDefinition type, string method) => module.ImportReference(type.Methods.Single(m => m.Name == method));

            var stateful = Find("VarSave.Runtime.IStateful");
            Stateful = module.ImportReference(stateful);
            CaptureState = Import(stateful, "CaptureState");
            RestoreState = Import(stateful, "RestoreState");

            var marked = Find("VarSave.Runtime.IMarked");
            Marked = module.ImportReference(marked);
            GetMark = Import(marked, "get_VarSaveMark");
            SetMark = Import(marked, "set_VarSaveMark");

            var writer = Find("VarSave.Runtime.StateWriter");
            StateWriter = module.ImportReference(writer);
            Write = Import(writer, "Write");

            var reader = Find("VarSave.Runtime.StateReader");
            StateReader = module.ImportReference(reader);
            Read = Import(reader, "Read");

            var registration = Find("VarSave.Runtime.ModuleRegistration");
            ModuleRegistration = module.ImportReference(registration);
            RegistrationConstructor = module.ImportReference(registration.Methods.Single(m => m.IsConstructor && !m.IsStatic));
            AddType = Import(registration, "AddType");
            AddStatics = Import(registration, "AddStatics");
            AddDelegate = Import(registration, "AddDelegate");
            AddGenericDelegate = Import(registration, "AddGenericDelegate");
            AddRefusedDelegate = Import(registration, "AddRefusedDelegate");
            AddGenericStatics = Import(registration, "AddGenericStatics");
            RegisterGenericStatics = Import(Find("VarSave.Runtime.GenericStatics"), "Register");
            AddAfterLoad = Import(registration, "AddAfterLoad");
            Complete = Import(registration, "Complete");

            var allocation = Find("VarSave.Runtime.Allocation");
            Allocation = module.ImportReference(allocation);
            Uninitialized = Import(allocation, "Uninitialized");
            ObjectConstructor = module.ImportReference(Find("System.Object").Methods.Single(m => m.IsConstructor && !m.IsStatic));
            WovenModuleAttribute = module.ImportReference(Find("VarSave.Runtime.WovenModuleAttribute").Methods.Single(m => m.IsConstructor));

            var callSite = Find("VarSave.Runtime.CallSite");
            CaptureLocal = Import(callSite, "Capture");
            CaptureDeclared = Import(callSite, "CaptureDeclared");
            RestoreLocal = Import(callSite, "Restore");
            EndRestore = Import(callSite, "EndRestore");
            Adopt = Import(callSite, "Adopt");
            Stash = Import(callSite, "Stash");
            OfferLive = Import(callSite, "OfferLive");
            RestoreThis = Import(callSite, "RestoreThis");

            GetTypeFromHandle = Import(Find("System.Type"), "GetTypeFromHandle");
            GetMethodFromHandle = module.ImportReference(Find("System.Reflection.MethodBase").Methods.Single(m => m.Name == "GetMethodFromHandle" && m.Parameters.Count == 2));
            FuncOfObjectToObjectConstructor = DelegateConstructor(weaver, "System.Func`2", module.TypeSystem.Object, module.TypeSystem.Object);
            FuncOfObjectConstructor = DelegateConstructor(weaver, "System.Func`1", module.TypeSystem.Object);
            ActionOfWriterConstructor = DelegateConstructor(weaver, "System.Action`1", StateWriter);
            ActionOfReaderConstructor = DelegateConstructor(weaver, "System.Action`1", StateReader);
            ActionOfObjectConstructor = DelegateConstructor(weaver, "System.Action`1", module.TypeSystem.Object);
            ActionConstructor = module.ImportReference(Find("System.Action").Methods.Single(m => m.IsConstructor && m.Parameters.Count == 2));
        }

        public TypeReference Stateful { get; }
        public MethodReference CaptureState { get; }
        public MethodReference RestoreState { get; }
        public TypeReference Marked { get; }
        public MethodReference GetMark { get; }
        public MethodReference SetMark { get; }
        public TypeReference StateWriter { get; }
        public MethodReference Write { get; }
        public TypeReference StateReader { get; }
        public MethodReference Read { get; }
        public TypeReference ModuleRegistration { get; }
        public MethodReference RegistrationConstructor { get; }
        public MethodReference AddType { get; }
        public MethodReference AddStatics { get; }
        public MethodReference Complete { get; }
        public MethodReference Uninitialized { get; }

        /// <summary>The parameter type of woven bare constructors: a static class, so no C# constructor can have the same signature.</summary>
        public TypeReference Allocation { get; }

        public MethodReference ObjectConstructor { get; }
        public MethodReference WovenModuleAttribute { get; }
        public MethodReference CaptureLocal { get; }

        /// <summary>Captures a local whose type the build expects a registered surrogate to save, with its method and line.</summary>
        public MethodReference CaptureDeclared { get; }
        public MethodReference RestoreLocal { get; }
        public MethodReference EndRestore { get; }
        public MethodReference Adopt { get; }
        public MethodReference Stash { get; }
        public MethodReference OfferLive { get; }
        public MethodReference RestoreThis { get; }
        public MethodReference AddDelegate { get; }
        public MethodReference AddGenericDelegate { get; }
        public MethodReference AddRefusedDelegate { get; }
        public MethodReference AddGenericStatics { get; }
        public MethodReference RegisterGenericStatics { get; }
        public MethodReference AddAfterLoad { get; }
        public MethodReference ActionOfObjectConstructor { get; }
        public MethodReference ActionConstructor { get; }
        public MethodReference GetTypeFromHandle { get; }
        public MethodReference GetMethodFromHandle { get; }
        public MethodReference FuncOfObjectToObjectConstructor { get; }
        public MethodReference FuncOfObjectConstructor { get; }
        public MethodReference ActionOfWriterConstructor { get; }
        public MethodReference ActionOfReaderConstructor { get; }

        /// <summary>The (object, IntPtr) constructor of a closed generic delegate type.</summary>
        private static MethodReference DelegateConstructor(ModuleWeaver weaver, string openName, params TypeReference[] arguments)
        {
            var open = weaver.FindTypeDefinition(openName);
            var closed = weaver.ModuleDefinition.ImportReference(open).MakeGenericInstanceType(arguments);
            var constructor = open.Methods.Single(m => m.IsConstructor && m.Parameters.Count == 2);
            return weaver.ModuleDefinition.ImportReference(constructor.OnType(closed));
        }
    }
}
