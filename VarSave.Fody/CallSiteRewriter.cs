using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace VarSave.Fody
{
    /// <summary>
    /// Rewrites calls to <c>ProgramState</c>: before a save, every named local in scope is
    /// handed to the runtime; after a load, every such local is offered its saved value.
    /// This is what makes <c>var x = 42; SaveToFile();</c> and <c>int x = 0; LoadFromFile();</c> work.
    /// </summary>
    internal sealed class CallSiteRewriter
    {
        private static readonly HashSet<string> SaveMethods = new HashSet<string> { "SaveToFile", "SaveEverything", "Check" };
        private static readonly HashSet<string> LoadMethods = new HashSet<string> { "LoadFromFile", "LoadEverything" };

        private readonly ModuleWeaver _weaver;
        private readonly RuntimeReferences _runtime;
        private readonly Saveability _saveability;
        private readonly HashSet<string> _reported = new HashSet<string>();

        public CallSiteRewriter(ModuleWeaver weaver, RuntimeReferences runtime, Saveability saveability)
        {
            _weaver = weaver;
            _runtime = runtime;
            _saveability = saveability;
        }

        public void RewriteModule()
        {
            foreach (var method in _weaver.ModuleDefinition.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody).ToList())
            {
                var sites = method.Body.Instructions.Where(IsProgramStateCall).ToList();
                if (sites.Count == 0) continue;
                // Scopes are read by IL offset, so every site is planned before the body changes.
                var planned = sites.Select(site => (site, locals: SavedLocals(method, site))).ToList();
                method.Body.SimplifyMacros();
                foreach (var (site, locals) in planned)
                {
                    var name = ((MethodReference)site.Operand).Name;
                    if (SaveMethods.Contains(name)) InsertBefore(method, site, locals.SelectMany(CaptureCode));
                    else InsertAfter(method, site, locals.SelectMany(RestoreCode).Append(Instruction.Create(OpCodes.Call, _runtime.EndRestore)));
                }
                method.Body.OptimizeMacros();
            }
        }

        private static bool IsProgramStateCall(Instruction instruction) =>
            instruction.OpCode == OpCodes.Call && instruction.Operand is MethodReference method
            && method.DeclaringType.FullName == "VarSave.ProgramState"
            && (SaveMethods.Contains(method.Name) || LoadMethods.Contains(method.Name));

        /// <summary>The locals in scope whose declared type can hold a saveable value; the others are named in a build message.</summary>
        private List<LocalAccess> SavedLocals(MethodDefinition method, Instruction site)
        {
            var saved = new List<LocalAccess>();
            foreach (var local in LocalScopes.At(method, site.Offset).OrderBy(l => l.Name))
            {
                if (local.ValueType.FullName == "VarSave.Snapshot") continue;
                if (_saveability.Of(local.ValueType, out var reason) == Saveable.Never)
                {
                    if (!_reported.Add(method.FullName + "|" + local.Name)) continue;
                    var point = method.DebugInformation.SequencePoints.LastOrDefault(p => p.Offset <= site.Offset && !p.IsHidden);
                    _weaver.WriteMessage(
                        $"{point.Describe()}VarSave: local '{local.Name}' ({local.ValueType.FullName}) in {method.DeclaringType.FullName}.{method.Name} is not saved or restored: {reason}.",
                        global::Fody.MessageImportance.High);
                    continue;
                }
                saved.Add(local);
            }
            return saved;
        }

        private IEnumerable<Instruction> CaptureCode(LocalAccess local) => Access(local, byAddress: false, _runtime.CaptureLocal);

        private IEnumerable<Instruction> RestoreCode(LocalAccess local) => Access(local, byAddress: true, _runtime.RestoreLocal);

        /// <summary>
        /// <c>[container] load-value-or-address; ldstr name; call hook&lt;T&gt;</c>. A closure held
        /// in a class is null until its scope is entered, so that case is skipped at run time.
        /// </summary>
        private static IEnumerable<Instruction> Access(LocalAccess local, bool byAddress, MethodReference hook)
        {
            var skip = Instruction.Create(OpCodes.Nop);
            if (local.Field == null)
            {
                yield return Instruction.Create(byAddress ? OpCodes.Ldloca : OpCodes.Ldloc, local.Variable!);
            }
            else
            {
                foreach (var instruction in LoadContainer(local)) yield return instruction;
                if (local.MayBeNull)
                {
                    yield return Instruction.Create(OpCodes.Brfalse, skip);
                    foreach (var instruction in LoadContainer(local)) yield return instruction;
                }
                yield return Instruction.Create(byAddress ? OpCodes.Ldflda : OpCodes.Ldfld, local.Field);
            }
            yield return Instruction.Create(OpCodes.Ldstr, local.Name);
            yield return Instruction.Create(OpCodes.Call, hook.MakeGeneric(local.ValueType));
            if (local.MayBeNull) yield return skip;
        }

        /// <summary>The object (or struct address) whose field holds the local.</summary>
        private static IEnumerable<Instruction> LoadContainer(LocalAccess local)
        {
            if (local.Variable != null)
            {
                yield return Instruction.Create(local.Variable.VariableType.IsValueType ? OpCodes.Ldloca : OpCodes.Ldloc, local.Variable);
                yield break;
            }
            yield return Instruction.Create(OpCodes.Ldarg_0);
            if (local.ClosureField != null)
                yield return Instruction.Create(local.ClosureField.FieldType.IsValueType ? OpCodes.Ldflda : OpCodes.Ldfld, local.ClosureField);
        }

        /// <summary>
        /// Inserts code before <paramref name="site"/> so that branches and handlers that
        /// pointed at the call now point at the inserted code: the site instruction object
        /// becomes the first new instruction and the call moves after the rest.
        /// </summary>
        private static void InsertBefore(MethodDefinition method, Instruction site, IEnumerable<Instruction> code)
        {
            var list = code.ToList();
            if (list.Count == 0) return;
            var call = Instruction.Create(OpCodes.Call, (MethodReference)site.Operand);
            site.OpCode = list[0].OpCode;
            site.Operand = list[0].Operand;
            var il = method.Body.GetILProcessor();
            var previous = site;
            foreach (var instruction in list.Skip(1).Append(call))
            {
                il.InsertAfter(previous, instruction);
                previous = instruction;
            }
        }

        private static void InsertAfter(MethodDefinition method, Instruction site, IEnumerable<Instruction> code)
        {
            var il = method.Body.GetILProcessor();
            var previous = site;
            foreach (var instruction in code)
            {
                il.InsertAfter(previous, instruction);
                previous = instruction;
            }
        }
    }
}
