using System.Collections.Generic;
using VarSave.Graph;

namespace VarSave.Runtime
{
    /// <summary>
    /// The locals a woven call site handed over for one save, and for those whose type the build expected a
    /// registered surrogate to save, the method and line of the call: if none is registered after all, the
    /// save's message names them (a surrogate registered in the wrong place, or never).
    /// </summary>
    internal sealed class CallerLocals : List<CapturedLocal>
    {
        private Dictionary<string, string>? _declaredAt;

        public void AddDeclared(CapturedLocal local, string where)
        {
            Add(local);
            (_declaredAt ??= new Dictionary<string, string>(System.StringComparer.Ordinal))[local.Name] = where;
        }

        /// <summary>The method and line of <paramref name="name"/>'s call site, if its type is one the build expects a surrogate for.</summary>
        public string? DeclaredAt(string name) => _declaredAt != null && _declaredAt.TryGetValue(name, out var where) ? where : null;
    }
}
