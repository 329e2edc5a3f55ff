using System.Collections.Generic;
using System.Linq;
using Fody;

namespace VarSave.Fody
{
    /// <summary>
    /// The VarSave weaver. Execute is the whole pipeline; each step is one file: read the
    /// configuration (<see cref="WeaverConfig"/>), find the types saved through surrogates
    /// (<see cref="SurrogateDeclarations"/>), index who creates which closure and delegate
    /// (<see cref="CreationIndex"/>), plan the types with their stable keys (<see cref="TypePlanner"/>,
    /// <see cref="TypeKeys"/>), rewrite ProgramState call sites (<see cref="CallSiteRewriter"/>), emit
    /// each type's state methods, initializer factory and hooks (<see cref="StateMethodEmitter"/>,
    /// <see cref="FieldInitializerEmitter"/>, <see cref="AfterLoadEmitter"/>, <see cref="GenericStaticsEmitter"/>),
    /// the delegate factories and registrations (<see cref="DelegateFactoryEmitter"/>, <see cref="GenericDelegateEmitter"/>), and the module initializer that registers it all
    /// (<see cref="RegistrationEmitter"/>).
    /// </summary>
    public sealed class ModuleWeaver : BaseModuleWeaver
    {
        internal const string TransientAttributeName = "VarSave.TransientAttribute";

        /// <inheritdoc />
        public override void Execute()
        {
            Diagnostics = new Diagnostics(this);
            var config = WeaverConfig.Read(Config);
            var runtime = new RuntimeReferences(this);
            var surrogates = SurrogateDeclarations.Find(ModuleDefinition);
            var saveability = new Saveability(ModuleDefinition, config, surrogates);
            var index = new CreationIndex(ModuleDefinition);
            var keys = new TypeKeys(index);
            var plans = new TypePlanner(this, saveability, keys, config).PlanModule();
            ClosureReport.Write(this, plans);

            if (config.CaptureLocals) new CallSiteRewriter(this, runtime, saveability, keys).RewriteModule();
            var emitter = new StateMethodEmitter(ModuleDefinition, runtime);
            var initializers = new FieldInitializerEmitter(ModuleDefinition, runtime);
            var hooks = new AfterLoadEmitter(this);
            var genericStatics = new GenericStaticsEmitter(ModuleDefinition, runtime);
            foreach (var plan in plans)
            {
                emitter.Emit(plan);
                initializers.Emit(plan);
                hooks.Emit(plan);
                genericStatics.Emit(plan);
            }
            var delegateRegistrations = new DelegateFactoryEmitter(this, runtime, keys).Emit(index.Sites);
            new RegistrationEmitter(ModuleDefinition, runtime).Emit(plans, delegateRegistrations);

            Diagnostics.Report(global::VarSave.Fody.Diagnostics.Summary,
                $"wove {plans.Count(p => p.HasInstanceState)} types and registered {plans.Sum(p => p.Statics.Count)} static fields in {ModuleDefinition.Name}.", at: null);
            Diagnostics.Save();
        }

        /// <summary>Where every step reports its build messages (see <see cref="VarSave.Fody.Diagnostics"/>).</summary>
        internal Diagnostics Diagnostics { get; private set; } = null!;

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
