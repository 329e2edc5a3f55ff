using System.Collections.Generic;
using System.Linq;

namespace VarSave.Fody
{
    /// <summary>
    /// The build-time report of what each closure captures, per owning method, so a user can
    /// see why a lambda drags a large object into a save.
    /// </summary>
    internal static class ClosureReport
    {
        public static void Write(ModuleWeaver weaver, IEnumerable<TypePlan> plans)
        {
            foreach (var plan in plans.Where(p => p.Key.Contains("#closure")).OrderBy(p => p.Key))
            {
                var captured = plan.Fields.Select(f => f.Name.StartsWith("<>4__this") ? "this" : f.Name.StartsWith("CS$<>8__locals") ? "(outer closure)" : f.Name);
                weaver.Diagnostics.Report(Diagnostics.ClosureCaptures, $"closure {plan.Key} captures: {string.Join(", ", captured)}", plan.Type.Methods.SelectMany(m => m.DebugInformation.SequencePoints).FirstOrDefault(p => !p.IsHidden));
            }
        }
    }
}
