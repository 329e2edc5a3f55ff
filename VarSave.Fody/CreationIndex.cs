using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// Which method creates each compiler-generated closure type and which method turns each
    /// method into a delegate, from one scan of every body in the module. Stable keys and the
    /// delegate factories are both built from it.
    /// </summary>
    internal sealed class CreationIndex
    {
        private readonly Dictionary<TypeDefinition, MethodDefinition> _closureCreators = new Dictionary<TypeDefinition, MethodDefinition>();
        private readonly Dictionary<MethodDefinition, MethodDefinition> _delegateCreators = new Dictionary<MethodDefinition, MethodDefinition>();

        public CreationIndex(ModuleDefinition module)
        {
            foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
                NoteStateMachine(method);
            foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
            {
                var instructions = method.Body.Instructions;
                for (int i = 0; i < instructions.Count; i++)
                {
                    var instruction = instructions[i];
                    if (instruction.OpCode == OpCodes.Newobj && instruction.Operand is MethodReference constructor)
                        Note(_closureCreators, Saveability.SafeResolve(constructor.DeclaringType), method);
                    else if (instruction.OpCode == OpCodes.Initobj && instruction.Operand is TypeReference structClosure)
                        Note(_closureCreators, Saveability.SafeResolve(structClosure), method);
                    else if ((instruction.OpCode == OpCodes.Ldftn || instruction.OpCode == OpCodes.Ldvirtftn) && instruction.Operand is MethodReference target)
                    {
                        var definition = Saveability.SafeResolve(target);
                        if (definition?.Module == module) Note(_delegateCreators, definition, method);
                        if (definition != null && i + 1 < instructions.Count && instructions[i + 1].OpCode == OpCodes.Newobj
                            && instructions[i + 1].Operand is MethodReference delegateConstructor)
                            Sites.Add(new DelegateSite(target, definition, delegateConstructor, instruction.OpCode == OpCodes.Ldvirtftn, method, instruction));
                    }
                }
            }
        }

        /// <summary>Every <c>ldftn/ldvirtftn M; newobj D::.ctor</c> in the module, of its own methods and of other assemblies'.</summary>
        public List<DelegateSite> Sites { get; } = new List<DelegateSite>();

        public MethodDefinition? CreatorOfClosure(TypeDefinition closure) => _closureCreators.TryGetValue(closure, out var m) ? m : null;

        public MethodDefinition? CreatorOfDelegate(MethodDefinition target) => _delegateCreators.TryGetValue(target, out var m) ? m : null;

        /// <summary>
        /// An async or iterator method names its state machine in an attribute. A struct state machine
        /// (async in Release builds) is never created with newobj or initobj, so this is how its owner is found.
        /// </summary>
        private void NoteStateMachine(MethodDefinition method)
        {
            foreach (var attribute in method.CustomAttributes.Where(a => StateMachineAttributes.Contains(a.AttributeType.FullName)))
                if (attribute.ConstructorArguments.Count == 1 && attribute.ConstructorArguments[0].Value is TypeReference type)
                    Note(_closureCreators, Saveability.SafeResolve(type), method);
        }

        private static readonly HashSet<string> StateMachineAttributes = new HashSet<string>
        {
            "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
            "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
            "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
        };

        private static void Note<TKey>(Dictionary<TKey, MethodDefinition> map, TKey? key, MethodDefinition creator) where TKey : class
        {
            // The first creator is the one that counts: a closure is created in its own method first.
            if (key != null && !map.ContainsKey(key)) map[key] = creator;
        }
    }

    /// <summary>A place where the module makes a delegate of a method.</summary>
    internal sealed class DelegateSite
    {
        public DelegateSite(MethodReference target, MethodDefinition definition, MethodReference delegateConstructor, bool isVirtual, MethodDefinition creator, Instruction instruction)
        {
            Target = target;
            Definition = definition;
            DelegateConstructor = delegateConstructor;
            IsVirtual = isVirtual;
            Creator = creator;
            Instruction = instruction;
        }

        public MethodReference Target { get; }
        public MethodDefinition Definition { get; }
        public MethodReference DelegateConstructor { get; }
        public bool IsVirtual { get; }

        /// <summary>The method whose body makes the delegate, and its ldftn: where messages point the user.</summary>
        public MethodDefinition Creator { get; }
        public Instruction Instruction { get; }

        /// <summary>The file and line of the code that makes the delegate, as <c>path(line,column): </c>, or "" without a PDB.</summary>
        public string Location()
        {
            SequencePoint? last = null;
            foreach (var instruction in Creator.Body.Instructions)
            {
                var point = Creator.DebugInformation.GetSequencePoint(instruction);
                if (point != null && !point.IsHidden) last = point;
                if (instruction == Instruction) break;
            }
            return last.Describe();
        }

        /// <summary>The delegate type, or its generic definition when the site's is an instantiation.</summary>
        public TypeReference DelegateDefinition =>
            DelegateConstructor.DeclaringType is GenericInstanceType generic ? generic.ElementType : DelegateConstructor.DeclaringType;
    }
}
