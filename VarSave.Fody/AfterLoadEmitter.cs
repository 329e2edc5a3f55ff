using System.Linq;
using Fody;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// Wraps a type's <c>[AfterLoad]</c> methods in two internal static methods the runtime can
    /// call through delegates: one per restored instance (the type's own hooks only; the runtime
    /// runs base types' first), one after the statics are assigned.
    /// </summary>
    internal sealed class AfterLoadEmitter
    {
        public const string InstanceName = "<VarSave>AfterLoad";
        public const string StaticName = "<VarSave>StaticAfterLoad";
        private const string AttributeName = "VarSave.AfterLoadAttribute";

        private readonly ModuleWeaver _weaver;

        public AfterLoadEmitter(ModuleWeaver weaver) => _weaver = weaver;

        public void Emit(TypePlan plan)
        {
            var type = plan.Type;
            var hooks = type.Methods.Where(m => m.HasAttribute(AttributeName)).ToList();
            if (hooks.Count == 0) return;
            foreach (var hook in hooks.Where(h => h.HasParameters || h.ReturnType.FullName != "System.Void" || h.HasGenericParameters))
                throw new WeavingException($"[AfterLoad] method {type.FullName}.{hook.Name} must take no parameters and return void.");

            var statics = hooks.Where(h => h.IsStatic).ToList();
            if (statics.Count > 0 && !type.HasGenericParameters)
                plan.StaticHooks = Wrap(type, StaticName, statics, parameter: null);

            var instances = hooks.Where(h => !h.IsStatic).ToList();
            if (instances.Count == 0) return;
            if (type.HasGenericParameters || type.IsValueType || !plan.HasInstanceState)
            {
                _weaver.Diagnostics.Report(Diagnostics.AfterLoadNotRun, $"[AfterLoad] on {type.FullName} is not run: instance hooks are supported on non-generic woven classes.",
                    instances[0].DebugInformation.SequencePoints.FirstOrDefault());
                return;
            }
            plan.InstanceHooks = Wrap(type, InstanceName, instances, _weaver.ModuleDefinition.TypeSystem.Object);
        }

        private MethodDefinition Wrap(TypeDefinition type, string name, System.Collections.Generic.List<MethodDefinition> hooks, TypeReference? parameter)
        {
            var wrapper = new MethodDefinition(name, MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, _weaver.ModuleDefinition.TypeSystem.Void);
            if (parameter != null) wrapper.Parameters.Add(new ParameterDefinition("value", ParameterAttributes.None, parameter));
            type.Methods.Add(wrapper);
            var il = wrapper.Body.GetILProcessor();
            foreach (var hook in hooks)
            {
                if (!hook.IsStatic)
                {
                    il.Emit(OpCodes.Ldarg_0);
                    il.Emit(OpCodes.Castclass, type);
                }
                il.Emit(OpCodes.Call, hook);
            }
            il.Emit(OpCodes.Ret);
            return wrapper;
        }
    }
}
