using System;
using System.IO;
using VarSave;

namespace AssemblyToProcess
{
    /// <summary>
    /// A class of the program with side effects an attacker wants: its [AfterLoad] hook and its
    /// finalizer write to the path it holds. A hostile snapshot may add one that nothing refers to.
    /// </summary>
    public class Gadget
    {
        public string? Path;

        [AfterLoad] private void Touch() { if (Path != null) File.AppendAllText(Path, "hook\n"); }

        ~Gadget() { if (Path != null) File.AppendAllText(Path + ".finalized", "finalizer\n"); }
    }

    /// <summary>A key whose equality reads its name: on an object created without its constructor the name may be null.</summary>
    public class NamedKey : IComparable<NamedKey>
    {
        public string Name = "";

        public override int GetHashCode() => Name.Length;

        public override bool Equals(object? other) => other is NamedKey key && key.Name.Equals(Name);

        public int CompareTo(NamedKey? other) => Name.CompareTo(other!.Name);
    }

    /// <summary>Locals of a woven caller, saved and loaded through the call site; tests check that a failed load leaves statics and locals alone.</summary>
    public static class LocalsAndStatics
    {
        public static int Counter;
        public static double Ratio;
    }
}
