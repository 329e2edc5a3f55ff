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
        private Dictionary<string, DeclaredLocal>? _declared;

        public void AddDeclared(CapturedLocal local, System.Type declaredType, string where)
        {
            Add(local);
            (_declared ??= new Dictionary<string, DeclaredLocal>(System.StringComparer.Ordinal))[local.Name] = new DeclaredLocal(local.Name, declaredType, where);
        }

        /// <summary>The local <paramref name="name"/>, if its type is one the build expects a surrogate for.</summary>
        public DeclaredLocal? Declared(string name) => _declared != null && _declared.TryGetValue(name, out var local) ? local : null;
    }

    /// <summary>A local whose declared type the build expects a registered surrogate to save, and where it was saved.</summary>
    internal sealed class DeclaredLocal
    {
        public DeclaredLocal(string name, System.Type type, string where)
        {
            Name = name;
            Type = type;
            Where = where;
        }

        public string Name { get; }

        /// <summary>The local's declared type (a value's run-time type may be a subclass).</summary>
        public System.Type Type { get; }

        /// <summary>The saving method and the call's line, as the weaver wrote them: <c>Game.Run (Game.cs line 12)</c>.</summary>
        public string Where { get; }
    }
}
