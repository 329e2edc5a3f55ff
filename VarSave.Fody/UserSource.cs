using System;
using System.Linq;
using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VarSave.Fody
{
    /// <summary>
    /// Names for messages as the user wrote them: the method a closure, lambda or state machine
    /// belongs to, and the file and line, instead of the compiler's <c>&lt;&gt;c__DisplayClass0_0</c>.
    /// </summary>
    internal static class UserSource
    {
        private static readonly Regex Generated = new Regex(@"^<(.+)>(?:d__|b__|g__([^|]+)\|)");

        /// <summary><c>Game.Run</c>, <c>the top-level statements</c>, <c>a lambda in Game.Run</c>, <c>local function Tick in Game.Run</c>.</summary>
        public static string MethodName(MethodDefinition method)
        {
            var type = method.DeclaringType;
            var stateMachine = Generated.Match(type.Name);
            if (type.IsCompilerGenerated() && stateMachine.Success && type.DeclaringType != null)
                return Plain(type.DeclaringType, stateMachine.Groups[1].Value);
            while (type.IsCompilerGenerated() && type.DeclaringType != null) type = type.DeclaringType;
            var generated = Generated.Match(method.Name);
            if (!generated.Success) return Plain(type, method.Name);
            string owner = Plain(type, generated.Groups[1].Value);
            return generated.Groups[2].Success ? $"local function {generated.Groups[2].Value} in {owner}" : $"a lambda in {owner}";
        }

        /// <summary><c>Program.cs line 12</c>: the first line of user code at or after the first instruction that matches, or null without a PDB.</summary>
        public static string? LineOf(MethodDefinition method, Func<Instruction, bool> match)
        {
            var points = method.DebugInformation.SequencePoints.Where(p => !p.IsHidden).ToList();
            var at = method.Body.Instructions.FirstOrDefault(match);
            if (at == null || points.Count == 0) return null;
            var point = points.FirstOrDefault(p => p.Offset >= at.Offset) ?? points.Last();
            return $"{System.IO.Path.GetFileName(point.Document.Url)} line {point.StartLine}";
        }

        /// <summary><c>the closure of Game.Run (Game.cs line 12)</c>, the line being where the closure's scope begins.</summary>
        public static string Closure(MethodDefinition method, TypeReference closure)
        {
            var definition = closure.Resolve();
            var line = LineOf(method, i => i.OpCode == OpCodes.Newobj && i.Operand is MethodReference m && m.DeclaringType.Resolve() == definition);
            return $"the closure of {MethodName(method)}" + (line == null ? "" : $" ({line})");
        }

        private static string Plain(TypeDefinition type, string method) =>
            method == "<Main>$" ? "the top-level statements" : type.FullName.Replace('/', '.') + "." + method;
    }
}
