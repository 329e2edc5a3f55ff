using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Fody;
using VarSave.Fody;

namespace VarSave.Tests
{
    /// <summary>AssemblyToProcess woven once per test run by the real weaver through FodyHelpers, and reflection helpers over it.</summary>
    internal static class Woven
    {
        private static readonly Lazy<TestResult> Run = new Lazy<TestResult>(() =>
            new ModuleWeaver().ExecuteTestRun(Path.Combine(AppContext.BaseDirectory, "AssemblyToProcess", "AssemblyToProcess.dll"), runPeVerify: false));

        public static TestResult Result => Run.Value;

        public static Assembly Assembly => Run.Value.Assembly;

        /// <summary>The weaver's build messages for AssemblyToProcess (see <see cref="WeaverMessages"/>).</summary>
        public static IReadOnlyList<WeaverMessage> Messages => WeaverMessages.Of(Path.Combine(AppContext.BaseDirectory, "AssemblyToProcess", "AssemblyToProcess.dll"));

        public static string WovenPath => Path.Combine(AppContext.BaseDirectory, "AssemblyToProcess", "fodytemp", "AssemblyToProcess.dll");

        public static Type Type(string name) => Assembly.GetType("AssemblyToProcess." + name, throwOnError: true)!;

        public static dynamic New(string name, params object?[] args) => Activator.CreateInstance(Type(name), args)!;

        public static object? Call(string type, string method, params object?[] args)
        {
            try
            {
                return Type(type).GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, args);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        public static object? GetStatic(string type, string field) => StaticField(type, field).GetValue(null);

        public static void SetStatic(string type, string field, object? value) => StaticField(type, field).SetValue(null, value);

        public static FieldInfo StaticField(string type, string field) =>
            Type(type).GetField(field, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;

        /// <summary>Runs <paramref name="body"/> with <c>Roots.Current</c> set, clearing it after so later saves are not affected.</summary>
        public static void WithRoot(object? value, Action body)
        {
            SetStatic("Roots", "Current", value);
            try { body(); }
            finally { SetStatic("Roots", "Current", null); }
        }

        /// <summary>Saves every woven static with <c>Roots.Current = root</c>, clearing it after.</summary>
        public static Snapshot Save(object? root)
        {
            Snapshot snapshot = null!;
            WithRoot(root, () => snapshot = ProgramState.SaveEverything());
            return snapshot;
        }

        /// <summary>Loads <paramref name="snapshot"/> and returns what <c>Roots.Current</c> then holds, clearing it.</summary>
        public static object? RoundTripSnapshot(Snapshot snapshot)
        {
            ProgramState.LoadEverything(Snapshot.FromBytes(snapshot.ToArray()));
            var result = GetStatic("Roots", "Current");
            SetStatic("Roots", "Current", null);
            return result;
        }

        /// <summary>Saves every woven static with <c>Roots.Current = value</c>, clears it, loads, and returns what came back.</summary>
        public static object? RoundTrip(object? value) => RoundTripSnapshot(Save(value));
    }
}
