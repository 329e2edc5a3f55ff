using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace VarSave.Fody
{
    /// <summary>
    /// Rewrites calls to <c>ProgramState</c>: before a save, every named local in scope, the
    /// parameters, <c>this</c> and the method's closures are handed to the runtime; around a load,
    /// <c>this</c> is offered to be refilled in place, the method's closures adopt their restored
    /// counterparts (so the method and the restored lambdas share their variables), and every
    /// local is offered its saved value. This is what makes <c>var x = 42; SaveToFile();</c> and
    /// <c>int x = 0; LoadFromFile();</c> work.
    /// </summary>
    internal sealed class CallSiteRewriter
    {
        private static readonly HashSet<string> SaveMethods = new HashSet<string> { "SaveToFile", "SaveEverything", "Check" };
        private static readonly HashSet<string> LoadMethods = new HashSet<string> { "LoadFromFile", "LoadEverything" };

        private readonly ModuleWeaver _weaver;
        private readonly RuntimeReferences _runtime;
        private readonly Saveability _saveability;
        private readonly TypeKeys _keys;
        private readonly HashSet<string> _reported = new HashSet<string>();

        public CallSiteRewriter(ModuleWeaver weaver, RuntimeReferences runtime, Saveability saveability, TypeKeys keys)
        {
            _weaver = weaver;
            _runtime = runtime;
            _saveability = saveability;
            _keys = keys;
        }

        public void RewriteModule()
        {
            var methods = _weaver.ModuleDefinition.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody).ToList();
            foreach (var method in methods)
            {
                var sites = method.Body.Instructions.Where(IsProgramStateCall).ToList();
                if (sites.Count == 0) continue;
                // Scopes are read by IL offset, so every site is planned before the body changes.
                var planned = sites.Select(site => (site, plan: Plan(method, site))).ToList();
                method.Body.SimplifyMacros();
                foreach (var (site, plan) in planned)
                {
                    if (IsSave(site))
                    {
                        InsertBefore(method, site, SaveCode(plan));
                        continue;
                    }
                    var call = InsertBefore(method, site, OfferCode(plan));
                    InsertAfter(method, call, LoadCode(plan));
                }
                method.Body.OptimizeMacros();
            }
            NoteMissingSymbols(methods);
        }

        /// <summary>Without a PDB no local has a name: a save would silently keep none of them.</summary>
        private void NoteMissingSymbols(List<MethodDefinition> methods)
        {
            if (_weaver.ModuleDefinition.HasSymbols) return;
            var savers = methods.Where(m => m.HasBody && m.Body.Instructions.Any(i => IsProgramStateCall(i) && IsSave(i))).ToList();
            if (savers.Count == 0) return;
            _weaver.Diagnostics.Report(Diagnostics.NoPdb,
                $"{_weaver.ModuleDefinition.Assembly?.Name.Name ?? _weaver.ModuleDefinition.Name} has no PDB, so the locals of {UserSource.MethodName(savers[0])}"
                + (savers.Count > 1 ? $" and {savers.Count - 1} other method(s)" : "")
                + " that call SaveToFile/SaveEverything have no names and are not saved or restored (parameters, this, and variables captured by lambdas or kept across await/yield still are). "
                + "Build with <DebugType>portable</DebugType> or <DebugType>embedded</DebugType> (the PDB is read at build time only).",
                at: null);
        }

        private static bool IsSave(Instruction site) => SaveMethods.Contains(((MethodReference)site.Operand).Name);

        private static bool IsProgramStateCall(Instruction instruction) =>
            instruction.OpCode == OpCodes.Call && instruction.Operand is MethodReference method
            && method.DeclaringType.FullName == "VarSave.ProgramState"
            && (SaveMethods.Contains(method.Name) || LoadMethods.Contains(method.Name));

        /// <summary>What the call site saves and assigns: the saveable variables (the others are named in a build message), closures and <c>this</c>.</summary>
        private SitePlan Plan(MethodDefinition method, Instruction site)
        {
            var variables = LocalScopes.At(method, site.Offset);
            var plan = new SitePlan();
            foreach (var local in variables.Locals.Values.OrderBy(l => l.Name, System.StringComparer.Ordinal))
            {
                if (local.ValueType.FullName == "VarSave.Snapshot") continue;
                if (Unsaveable(local.ValueType, out var reason))
                {
                    Report(Diagnostics.UnsaveableLocal, method, site, local.Name, $"local '{local.Name}' ({local.ValueType.FullName}) in {UserSource.MethodName(method)} is not saved or restored: {reason}.");
                    continue;
                }
                plan.Locals.Add(local);
                if (_saveability.IsDeclaredSurrogate(local.ValueType)) plan.DeclaredAt ??= Where(method, site);
            }
            foreach (var closure in variables.Closures)
            {
                var where = UserSource.Closure(method, closure.Type);
                var unsaveable = closure.Definition.Fields.Where(f => !f.IsStatic && Unsaveable(f.FieldType, out _)).Select(f => f.Name).ToList();
                if (unsaveable.Count > 0)
                {
                    Report(Diagnostics.UnsaveableClosure, method, site, where, $"{where} holds {string.Join(", ", unsaveable)}, which can never be saved: it is not saved whole, and a load copies its other variables instead of sharing them with the restored lambdas.");
                    continue;
                }
                plan.Closures.Add((closure, OfferedClosurePrefix + _keys.KeyOf(closure.Definition), where));
            }
            var thisType = variables.ThisField?.FieldType ?? (variables.ThisIsClass ? method.DeclaringType : null);
            if (thisType != null && !Unsaveable(thisType, out _))
            {
                plan.HasClassThis = true;
                plan.ThisField = variables.ThisField;
            }
            return plan;
        }

        /// <summary>The runtime's name prefix for a saved closure (VarSave.Runtime.OfferedLocals.ClosurePrefix).</summary>
        private const string OfferedClosurePrefix = "<closure>";

        private bool Unsaveable(TypeReference type, out string reason) => _saveability.Of(type, out reason) == Saveable.Never;

        private void Report(DiagnosticKind kind, MethodDefinition method, Instruction site, string what, string text)
        {
            if (!_reported.Add(method.FullName + "|" + what)) return;
            _weaver.Diagnostics.Report(kind, text, PointOf(method, site));
        }

        private static SequencePoint? PointOf(MethodDefinition method, Instruction site) =>
            method.DebugInformation.SequencePoints.LastOrDefault(p => p.Offset <= site.Offset && !p.IsHidden);

        /// <summary><c>Game.Run (Game.cs line 12)</c>: the saving method and the call's line, for a save-time message about a local.</summary>
        private static string Where(MethodDefinition method, Instruction site)
        {
            var point = PointOf(method, site);
            return UserSource.MethodName(method) + (point == null ? "" : $" ({System.IO.Path.GetFileName(point.Document.Url)} line {point.StartLine})");
        }

        /// <summary>Locals and parameters, <c>this</c>, then each closure whole (after the locals, so an error's path names the local).</summary>
        private IEnumerable<Instruction> SaveCode(SitePlan plan)
        {
            foreach (var local in plan.Locals)
            {
                // A local of a type saved through a surrogate: if none is registered when saving, the message names the method.
                bool declared = _saveability.IsDeclaredSurrogate(local.ValueType);
                foreach (var instruction in Access(local, byAddress: false, declared ? _runtime.CaptureDeclared : _runtime.CaptureLocal, declared ? plan.DeclaredAt : null))
                    yield return instruction;
            }
            var objectType = _weaver.ModuleDefinition.TypeSystem.Object;
            if (plan.HasClassThis)
            {
                foreach (var instruction in LoadThis(plan)) yield return instruction;
                yield return Instruction.Create(OpCodes.Ldstr, "this");
                yield return Instruction.Create(OpCodes.Call, _runtime.CaptureLocal.MakeGeneric(objectType));
            }
            foreach (var (closure, name, _) in plan.Closures)
            {
                foreach (var instruction in LoadClosure(closure, byAddress: false)) yield return instruction;
                yield return Instruction.Create(OpCodes.Ldstr, name);
                yield return Instruction.Create(OpCodes.Call, _runtime.CaptureLocal.MakeGeneric(objectType));
            }
        }

        /// <summary>
        /// Before a load: <c>this</c> and each closure are offered to be refilled in place with their saved
        /// counterparts, and the closures' variables are stashed for the ones the load's options keep.
        /// </summary>
        private IEnumerable<Instruction> OfferCode(SitePlan plan)
        {
            if (plan.HasClassThis)
            {
                foreach (var instruction in LoadThis(plan)) yield return instruction;
                yield return Instruction.Create(OpCodes.Ldstr, "this");
                yield return Instruction.Create(OpCodes.Call, _runtime.OfferLive);
            }
            var captured = plan.Closures.SelectMany(c => c.Closure.Captured).Where(plan.Locals.Contains).ToList();
            foreach (var instruction in captured.SelectMany(l => Access(l, byAddress: false, _runtime.Stash))) yield return instruction;
            foreach (var (closure, name, _) in plan.Closures)
            {
                foreach (var instruction in LoadClosure(closure, byAddress: false)) yield return instruction;
                yield return Instruction.Create(OpCodes.Ldstr, name);
                yield return Instruction.Create(OpCodes.Call, _runtime.OfferLive);
            }
        }

        /// <summary>
        /// After a load: <c>this</c> is checked, each closure is checked (refilled in place) or adopted (it was
        /// still null), then every variable (in the closures too) takes its saved value unless the options keep it.
        /// </summary>
        private IEnumerable<Instruction> LoadCode(SitePlan plan)
        {
            if (plan.HasClassThis)
            {
                foreach (var instruction in LoadThis(plan)) yield return instruction;
                yield return Instruction.Create(OpCodes.Call, _runtime.RestoreThis);
            }
            foreach (var (closure, name, where) in plan.Closures)
            {
                foreach (var instruction in LoadClosure(closure, byAddress: true)) yield return instruction;
                yield return Instruction.Create(OpCodes.Ldstr, name.Substring(OfferedClosurePrefix.Length));
                yield return Instruction.Create(OpCodes.Ldstr, where);
                yield return Instruction.Create(OpCodes.Call, _runtime.Adopt.MakeGeneric(closure.Type));
            }
            foreach (var instruction in plan.Locals.SelectMany(l => Access(l, byAddress: true, _runtime.RestoreLocal))) yield return instruction;
            yield return Instruction.Create(OpCodes.Call, _runtime.EndRestore);
        }

        private static IEnumerable<Instruction> LoadThis(SitePlan plan)
        {
            yield return Instruction.Create(OpCodes.Ldarg_0);
            if (plan.ThisField != null) yield return Instruction.Create(OpCodes.Ldfld, plan.ThisField);
        }

        private static IEnumerable<Instruction> LoadClosure(ClosureAccess closure, bool byAddress)
        {
            if (closure.Variable != null)
            {
                yield return Instruction.Create(byAddress ? OpCodes.Ldloca : OpCodes.Ldloc, closure.Variable);
                yield break;
            }
            yield return Instruction.Create(OpCodes.Ldarg_0);
            yield return Instruction.Create(byAddress ? OpCodes.Ldflda : OpCodes.Ldfld, closure.Field!);
        }

        /// <summary>
        /// <c>[container] load-value-or-address; ldstr name; call hook&lt;T&gt;</c>. A closure held
        /// in a class is null until its scope is entered, so that case is skipped at run time.
        /// </summary>
        private static IEnumerable<Instruction> Access(LocalAccess local, bool byAddress, MethodReference hook, string? where = null)
        {
            var skip = Instruction.Create(OpCodes.Nop);
            if (local.Parameter != null)
            {
                yield return Instruction.Create(byAddress && !local.ByReference ? OpCodes.Ldarga : OpCodes.Ldarg, local.Parameter);
                if (!byAddress && local.ByReference) yield return Instruction.Create(OpCodes.Ldobj, local.ValueType);
            }
            else if (local.Field == null)
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
            if (where != null) yield return Instruction.Create(OpCodes.Ldstr, where);
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
        /// becomes the first new instruction and the call moves after the rest. Returns the call.
        /// </summary>
        private static Instruction InsertBefore(MethodDefinition method, Instruction site, IEnumerable<Instruction> code)
        {
            var list = code.ToList();
            if (list.Count == 0) return site;
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
            return call;
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

        /// <summary>One call site's plan.</summary>
        private sealed class SitePlan
        {
            public List<LocalAccess> Locals { get; } = new List<LocalAccess>();
            public List<(ClosureAccess Closure, string Name, string Where)> Closures { get; } = new List<(ClosureAccess, string, string)>();

            /// <summary><c>this</c> is a user class instance, saved and refilled in place: argument 0, or <see cref="ThisField"/> of it.</summary>
            public bool HasClassThis { get; set; }

            public FieldReference? ThisField { get; set; }

            /// <summary>The method and line of the call, when a local's type is saved through a surrogate (see <see cref="Where"/>).</summary>
            public string? DeclaredAt { get; set; }
        }
    }
}
