using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// Emits, as members of each planned type (where access checks allow private fields),
    /// the IStateful capture and restore methods, the constructor-free factory, and the
    /// static-field capture and restore methods.
    /// </summary>
    internal sealed class StateMethodEmitter
    {
        public const string CaptureName = "<VarSave>Capture";
        public const string RestoreName = "<VarSave>Restore";
        public const string FactoryName = "<VarSave>New";
        public const string CaptureStaticsName = "<VarSave>CaptureStatics";
        public const string RestoreStaticsName = "<VarSave>RestoreStatics";

        private readonly ModuleDefinition _module;
        private readonly RuntimeReferences _runtime;

        public StateMethodEmitter(ModuleDefinition module, RuntimeReferences runtime)
        {
            _module = module;
            _runtime = runtime;
        }

        public const string MarkName = "<VarSave>mark";

        public void Emit(TypePlan plan)
        {
            if (plan.HasInstanceState) EmitInstanceMethods(plan);
            if (plan.HasInstanceState && plan.WovenBase == null && !plan.Type.IsValueType) EmitMark(plan.Type);
            if (plan.HasBareConstructor) EmitBareConstructor(plan);
            if (plan.HasFactory) EmitFactory(plan);
            if (plan.Statics.Count > 0) EmitStaticMethods(plan);
        }

        private void EmitInstanceMethods(TypePlan plan)
        {
            var type = plan.Type;
            var capture = NewStateMethod(plan, CaptureName, _runtime.StateWriter, _runtime.CaptureState);
            var restore = NewStateMethod(plan, RestoreName, _runtime.StateReader, _runtime.RestoreState);
            if (plan.WovenBase == null) type.Interfaces.Add(new InterfaceImplementation(_runtime.Stateful));

            var captureIl = capture.Body.GetILProcessor();
            var restoreIl = restore.Body.GetILProcessor();
            if (plan.WovenBase != null)
            {
                CallBase(captureIl, plan.WovenBase, CaptureName, _runtime.StateWriter);
                CallBase(restoreIl, plan.WovenBase, RestoreName, _runtime.StateReader);
            }
            for (int i = 0; i < plan.Fields.Count; i++)
            {
                var field = plan.Fields[i].SelfReference();
                captureIl.Emit(OpCodes.Ldarg_1);
                captureIl.Emit(OpCodes.Ldarg_0);
                captureIl.Emit(OpCodes.Ldfld, field);
                captureIl.Emit(OpCodes.Callvirt, _runtime.Write.MakeGeneric(field.FieldType));

                restoreIl.Emit(OpCodes.Ldarg_1);
                restoreIl.Emit(OpCodes.Ldc_I4, plan.BaseFieldCount + i);
                restoreIl.Emit(OpCodes.Ldarg_0);
                restoreIl.Emit(OpCodes.Ldflda, field);
                restoreIl.Emit(OpCodes.Callvirt, _runtime.Read.MakeGeneric(field.FieldType));
            }
            captureIl.Emit(OpCodes.Ret);
            restoreIl.Emit(OpCodes.Ret);
        }

        /// <summary>
        /// The root of a woven hierarchy declares a new virtual slot implementing IStateful;
        /// each woven subclass overrides it and calls the base's first, so the schema is base-first.
        /// </summary>
        private MethodDefinition NewStateMethod(TypePlan plan, string name, TypeReference parameter, MethodReference interfaceMethod)
        {
            var attributes = MethodAttributes.Public | MethodAttributes.HideBySig | MethodAttributes.Virtual;
            if (plan.WovenBase == null) attributes |= MethodAttributes.NewSlot;
            if (plan.Type.IsValueType || plan.Type.IsSealed) attributes |= MethodAttributes.Final;
            var method = new MethodDefinition(name, attributes, _module.TypeSystem.Void);
            method.Parameters.Add(new ParameterDefinition("state", ParameterAttributes.None, parameter));
            if (plan.WovenBase == null) method.Overrides.Add(interfaceMethod);
            plan.Type.Methods.Add(method);
            return method;
        }

        private void CallBase(ILProcessor il, TypeReference baseType, string name, TypeReference parameter)
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Call, WovenMethodOf(baseType, name, parameter));
        }

        /// <summary>
        /// The root of a woven class hierarchy gets a field where a save notes (save number, id) and
        /// implements IMarked over it, so the walk finds an object's id without a table lookup. The
        /// field is [NonSerialized]-flagged: it is never part of the schema.
        /// </summary>
        private void EmitMark(TypeDefinition type)
        {
            var field = new FieldDefinition(MarkName, FieldAttributes.Private | FieldAttributes.NotSerialized, _module.TypeSystem.Int64);
            type.Fields.Add(field);
            var self = field.SelfReference();
            type.Interfaces.Add(new InterfaceImplementation(_runtime.Marked));
            var attributes = MethodAttributes.Private | MethodAttributes.Final | MethodAttributes.Virtual | MethodAttributes.NewSlot | MethodAttributes.HideBySig;

            var getter = new MethodDefinition("<VarSave>get_Mark", attributes, _module.TypeSystem.Int64);
            getter.Overrides.Add(_runtime.GetMark);
            var il = getter.Body.GetILProcessor();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, self);
            il.Emit(OpCodes.Ret);
            type.Methods.Add(getter);

            var setter = new MethodDefinition("<VarSave>set_Mark", attributes, _module.TypeSystem.Void);
            setter.Parameters.Add(new ParameterDefinition("value", ParameterAttributes.None, _module.TypeSystem.Int64));
            setter.Overrides.Add(_runtime.SetMark);
            il = setter.Body.GetILProcessor();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Stfld, self);
            il.Emit(OpCodes.Ret);
            type.Methods.Add(setter);
        }

        private void EmitBareConstructor(TypePlan plan)
        {
            var attributes = MethodAttributes.Assembly | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName;
            var constructor = new MethodDefinition(".ctor", attributes, _module.TypeSystem.Void);
            constructor.Parameters.Add(new ParameterDefinition("unused", ParameterAttributes.None, _runtime.Allocation));
            var il = constructor.Body.GetILProcessor();
            il.Emit(OpCodes.Ldarg_0);
            if (plan.WovenBase != null)
            {
                il.Emit(OpCodes.Ldnull);
                il.Emit(OpCodes.Call, BareConstructorOf(plan.WovenBase));
            }
            else il.Emit(OpCodes.Call, _runtime.ObjectConstructor);
            il.Emit(OpCodes.Ret);
            plan.Type.Methods.Add(constructor);
        }

        private MethodReference BareConstructorOf(TypeReference type) => WovenMethodOf(type, ".ctor", _runtime.Allocation);

        /// <summary>
        /// A void instance method the weaver emits, taking one parameter, built by signature: it may
        /// not be emitted yet, and the type may be a generic instance or another assembly's.
        /// </summary>
        private MethodReference WovenMethodOf(TypeReference type, string name, TypeReference parameter)
        {
            var method = new MethodReference(name, _module.TypeSystem.Void, _module.ImportReference(type)) { HasThis = true };
            method.Parameters.Add(new ParameterDefinition(parameter));
            return method;
        }

        private void EmitFactory(TypePlan plan)
        {
            var type = plan.Type;
            var factory = new MethodDefinition(FactoryName, MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, _module.TypeSystem.Object);
            type.Methods.Add(factory);
            var il = factory.Body.GetILProcessor();
            if (type.IsValueType)
            {
                var value = new VariableDefinition(type);
                factory.Body.Variables.Add(value);
                factory.Body.InitLocals = true;
                il.Emit(OpCodes.Ldloca, value);
                il.Emit(OpCodes.Initobj, type);
                il.Emit(OpCodes.Ldloc, value);
                il.Emit(OpCodes.Box, type);
            }
            else if (plan.HasBareConstructor)
            {
                il.Emit(OpCodes.Ldnull);
                il.Emit(OpCodes.Newobj, BareConstructorOf(type));
            }
            else
            {
                il.Emit(OpCodes.Ldtoken, type);
                il.Emit(OpCodes.Call, _runtime.GetTypeFromHandle);
                il.Emit(OpCodes.Call, _runtime.Uninitialized);
            }
            il.Emit(OpCodes.Ret);
        }

        private void EmitStaticMethods(TypePlan plan)
        {
            var capture = NewStaticMethod(plan.Type, CaptureStaticsName, _runtime.StateWriter);
            var restore = NewStaticMethod(plan.Type, RestoreStaticsName, _runtime.StateReader);
            var captureIl = capture.Body.GetILProcessor();
            var restoreIl = restore.Body.GetILProcessor();
            for (int i = 0; i < plan.Statics.Count; i++)
            {
                // The JIT folds static readonly values into code compiled after the type is
                // initialised; a restored value would be invisible there. Restored statics lose initonly.
                plan.Statics[i].IsInitOnly = false;
                var field = plan.Statics[i].SelfReference();
                captureIl.Emit(OpCodes.Ldarg_0);
                captureIl.Emit(OpCodes.Ldsfld, field);
                captureIl.Emit(OpCodes.Callvirt, _runtime.Write.MakeGeneric(field.FieldType));

                restoreIl.Emit(OpCodes.Ldarg_0);
                restoreIl.Emit(OpCodes.Ldc_I4, i);
                restoreIl.Emit(OpCodes.Ldsflda, field);
                restoreIl.Emit(OpCodes.Callvirt, _runtime.Read.MakeGeneric(field.FieldType));
            }
            captureIl.Emit(OpCodes.Ret);
            restoreIl.Emit(OpCodes.Ret);
        }

        private MethodDefinition NewStaticMethod(TypeDefinition type, string name, TypeReference parameter)
        {
            var method = new MethodDefinition(name, MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, _module.TypeSystem.Void);
            method.Parameters.Add(new ParameterDefinition("state", ParameterAttributes.None, parameter));
            type.Methods.Add(method);
            return method;
        }
    }
}
