using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// Copies a class's field initializers (the IL a constructor runs before it calls the base
    /// constructor) into <c>&lt;VarSave&gt;InitFields()</c>, and emits a factory that allocates
    /// without a constructor and runs only those. A load uses it when the snapshot lacks a field,
    /// so a field added since the save gets its initializer's value and never the constructor body.
    /// </summary>
    internal sealed class FieldInitializerEmitter
    {
        public const string InitFieldsName = "<VarSave>InitFields";
        public const string FactoryName = "<VarSave>NewInitialized";

        private readonly ModuleDefinition _module;
        private readonly RuntimeReferences _runtime;
        private readonly Dictionary<TypeDefinition, MethodDefinition?> _initFields = new Dictionary<TypeDefinition, MethodDefinition?>();

        public FieldInitializerEmitter(ModuleDefinition module, RuntimeReferences runtime)
        {
            _module = module;
            _runtime = runtime;
        }

        public void Emit(TypePlan plan)
        {
            if (!plan.HasFactory || plan.Type.IsValueType) return;
            var initFields = InitFieldsOf(plan.Type);
            if (initFields == null) return;
            var factory = new MethodDefinition(FactoryName, MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, _module.TypeSystem.Object);
            plan.Type.Methods.Add(factory);
            var il = factory.Body.GetILProcessor();
            il.Emit(OpCodes.Ldtoken, plan.Type);
            il.Emit(OpCodes.Call, _runtime.GetTypeFromHandle);
            il.Emit(OpCodes.Call, _runtime.Uninitialized);
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Castclass, plan.Type);
            il.Emit(OpCodes.Call, initFields);
            il.Emit(OpCodes.Ret);
            plan.InitializedFactory = factory;
        }

        /// <summary>The type's InitFields (emitted once), which runs the base class's first; null when neither has initializers.</summary>
        private MethodReference? InitFieldsOf(TypeDefinition type)
        {
            if (_initFields.TryGetValue(type, out var known)) return known;
            var baseType = Saveability.SafeResolve(type.BaseType);
            MethodReference? baseInit = baseType != null && baseType.Module == _module && !baseType.IsValueType ? InitFieldsOf(baseType) : null;
            var prefix = InitializerPrefix(type);
            MethodDefinition? method = null;
            if (prefix != null || baseInit != null)
            {
                method = new MethodDefinition(InitFieldsName, MethodAttributes.Assembly | MethodAttributes.HideBySig, _module.TypeSystem.Void) { HasThis = true };
                type.Methods.Add(method);
                var il = method.Body.GetILProcessor();
                if (baseInit != null)
                {
                    il.Emit(OpCodes.Ldarg_0);
                    il.Emit(OpCodes.Call, baseInit.DeclaringType == type.BaseType ? baseInit : baseInit.OnType(_module.ImportReference(type.BaseType)));
                }
                if (prefix != null) CopyInto(method, prefix.Value.Constructor, prefix.Value.Count);
                il.Emit(OpCodes.Ret);
            }
            _initFields[type] = method;
            return method;
        }

        /// <summary>
        /// The initializer IL of a constructor that calls the base constructor: everything up to the
        /// last store to one of this type's fields before that call. Null when there is none, or when
        /// it reads constructor parameters (primary constructors), which a factory cannot supply.
        /// </summary>
        private static (MethodDefinition Constructor, int Count)? InitializerPrefix(TypeDefinition type)
        {
            var baseType = Saveability.SafeResolve(type.BaseType);
            foreach (var constructor in type.Methods.Where(m => m.IsConstructor && !m.IsStatic && m.HasBody))
            {
                var instructions = constructor.Body.Instructions;
                // The chained constructor call on this: to the base (initializers precede it) or to this (none here).
                // Struct field initializers also call .ctor, on the field's address, so the callee's type decides.
                int baseCall = -1;
                for (int i = 0; i < instructions.Count && baseCall < 0; i++)
                    if (instructions[i].OpCode == OpCodes.Call && instructions[i].Operand is MethodReference callee && callee.Name == ".ctor")
                    {
                        var owner = callee.DeclaringType.Resolve();
                        if (owner == type) baseCall = int.MaxValue;
                        else if (owner == baseType) baseCall = i;
                    }
                if (baseCall < 0 || baseCall == int.MaxValue) continue;
                int last = -1;
                for (int i = 0; i < baseCall; i++)
                    if (instructions[i].OpCode == OpCodes.Stfld && instructions[i].Operand is FieldReference field && field.DeclaringType.Resolve() == type)
                        last = i;
                if (last < 0) return null;
                bool readsParameters = instructions.Take(last + 1).Any(i =>
                    i.OpCode == OpCodes.Ldarg_1 || i.OpCode == OpCodes.Ldarg_2 || i.OpCode == OpCodes.Ldarg_3 || i.OpCode == OpCodes.Starg || i.OpCode == OpCodes.Starg_S
                    || (i.Operand is ParameterDefinition p && p != constructor.Body.ThisParameter) || i.OpCode == OpCodes.Ret);
                bool branchesOut = instructions.Take(last + 1).Any(i => i.Operand is Instruction target && instructions.IndexOf(target) > last
                    || i.Operand is Instruction[] targets && targets.Any(t => instructions.IndexOf(t) > last));
                bool inHandler = constructor.Body.ExceptionHandlers.Any(h => instructions.IndexOf(h.TryStart) <= last);
                return readsParameters || branchesOut || inHandler ? ((MethodDefinition, int)?)null : (constructor, last + 1);
            }
            return null;
        }

        private static void CopyInto(MethodDefinition target, MethodDefinition source, int count)
        {
            var body = target.Body;
            var variables = new Dictionary<VariableDefinition, VariableDefinition>();
            var copies = new Dictionary<Instruction, Instruction>();
            var sourceInstructions = source.Body.Instructions.Take(count).ToList();
            foreach (var instruction in sourceInstructions)
            {
                var (opCode, operand) = WithExplicitLocal(instruction, source.Body);
                var copy = Instruction.Create(OpCodes.Nop);
                copy.OpCode = opCode;
                copy.Operand = operand switch
                {
                    VariableDefinition variable => variables.TryGetValue(variable, out var mapped) ? mapped : variables[variable] = AddVariable(body, variable),
                    ParameterDefinition _ => body.ThisParameter,
                    _ => operand,
                };
                copies[instruction] = copy;
                body.Instructions.Add(copy);
            }
            foreach (var copy in copies.Values)
            {
                if (copy.Operand is Instruction branch) copy.Operand = copies[branch];
                else if (copy.Operand is Instruction[] branches) copy.Operand = branches.Select(b => copies[b]).ToArray();
            }
            body.InitLocals |= source.Body.InitLocals;
        }

        /// <summary>
        /// ldloc.N and stloc.N name their local only by its index in the source, which the target's
        /// locals do not share: the long form names the variable itself, so it can be mapped.
        /// </summary>
        private static (OpCode OpCode, object Operand) WithExplicitLocal(Instruction instruction, MethodBody source)
        {
            var code = instruction.OpCode.Code;
            if (code >= Code.Ldloc_0 && code <= Code.Ldloc_3) return (OpCodes.Ldloc, source.Variables[code - Code.Ldloc_0]);
            if (code >= Code.Stloc_0 && code <= Code.Stloc_3) return (OpCodes.Stloc, source.Variables[code - Code.Stloc_0]);
            return (instruction.OpCode, instruction.Operand);
        }

        private static VariableDefinition AddVariable(MethodBody body, VariableDefinition source)
        {
            var variable = new VariableDefinition(source.VariableType);
            body.Variables.Add(variable);
            return variable;
        }
    }
}
