using System.Collections.Generic;
using System.Linq;
using Fody;

namespace VarSave.Fody
{
    /// <summary>
    /// The VarSave weaver. Execute is the whole pipeline; each step is one file:
    /// plan the types (<see cref="TypePlanner"/>), emit their state methods
    /// (<see cref="StateMethodEmitter"/>), register them in the module initializer
    /// (<see cref="RegistrationEmitter"/>), and rewrite ProgramState call sites
    /// (<see cref="CallSiteRewriter"/>).
    /// </summary>
    public sealed class ModuleWeaver : BaseModuleWeaver
    {
        internal const string TransientAttributeName = "VarSave.TransientAttribute";

        /// <inheritdoc />
        public override void Execute()
        {
            var runtime = new RuntimeReferences(this);
            var saveability = new Saveability(ModuleDefinition);
            var plans = new TypePlanner(this, saveability).PlanModule();

            new CallSiteRewriter(this, runtime, saveability).RewriteModule();
            var emitter = new StateMethodEmitter(ModuleDefinition, runtime);
            foreach (var plan in plans) emitter.Emit(plan);
            new RegistrationEmitter(ModuleDefinition, runtime).Emit(plans);

            WriteInfo($"VarSave: wove {plans.Count(p => p.HasInstanceState)} types and registered {plans.Sum(p => p.Statics.Count)} static fields in {ModuleDefinition.Name}.");
        }

        /// <inheritdoc />
        public override IEnumerable<string> GetAssembliesForScanning()
        {
            yield return "netstandard";
            yield return "mscorlib";
            yield return "System.Runtime";
            yield return "System.Private.CoreLib";
            yield return "VarSave";
        }

        /// <summary>The attributes assembly is needed at run time too ([Transient] is read by nothing, but kept for reflection).</summary>
        public override bool ShouldCleanReference => false;
    }
}
