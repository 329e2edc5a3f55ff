using System;
using System.ComponentModel;

namespace VarSave.Runtime
{
    /// <summary>Marks an assembly the weaver has processed, so that other woven assemblies know its types can be saved.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class WovenModuleAttribute : Attribute
    {
    }
}
