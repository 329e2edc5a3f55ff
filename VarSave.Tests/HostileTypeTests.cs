using System;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>What a trap reports. Kept apart from <see cref="Trap"/> so reading it runs none of Trap's code.</summary>
    internal static class TrapLog
    {
        public static volatile bool TypeInitializerRan, ConstructorRan, FinalizerRan, SetterRan;

        public static void Reset() => TypeInitializerRan = ConstructorRan = FinalizerRan = SetterRan = false;

        public static string Describe() =>
            $"type initializer {TypeInitializerRan}, constructor {ConstructorRan}, finalizer {FinalizerRan}, setter {SetterRan}";
    }

    /// <summary>
    /// A type of the test assembly, which is not woven, so it is in no registry. Each of its members
    /// that could run when an instance appears sets a flag; a snapshot naming it must set none.
    /// </summary>
    internal sealed class Trap
    {
        public static readonly int Loaded;

        static Trap()
        {
            TrapLog.TypeInitializerRan = true;
            Loaded = 1;
        }

        public Trap() => TrapLog.ConstructorRan = true;

        ~Trap() => TrapLog.FinalizerRan = true;

        private int _value;

        public int Value
        {
            get => _value;
            set
            {
                TrapLog.SetterRan = true;
                _value = value;
            }
        }

        public int Double(int n)
        {
            Value = n;
            return 2 * n;
        }
    }

    /// <summary>
    /// Loading a snapshot that names a type the loading program has but did not weave runs no code
    /// of that type: no constructor, type initializer, finalizer or setter.
    /// </summary>
    public class HostileTypeTests
    {
        private static readonly string TrapKey = typeof(Trap).FullName!;

        [Fact]
        public void The_trap_type_is_what_the_test_thinks_it_is()
        {
            // typeof() and FullName run none of Trap's code; the key is namespace and name, as the weaver writes them.
            Assert.Equal("VarSave.Tests.Trap", TrapKey);
            Assert.False(TrapLog.TypeInitializerRan);
        }

        [Fact]
        public void A_snapshot_naming_a_non_woven_type_of_the_program_creates_nothing_of_it()
        {
            Expect(Woven.Save((object)Woven.New("Holder")), "AssemblyToProcess.Holder");
        }

        [Fact]
        public void A_non_woven_type_reached_through_a_field_is_refused_and_not_created()
        {
            dynamic holder = Woven.New("Holder");
            holder.Anything = Woven.New("Game.Character", "Hero");
            Expect(Woven.Save((object)holder), "AssemblyToProcess.Game.Character");
        }

        [Fact]
        public void A_non_woven_type_as_an_array_element_or_generic_argument_is_refused_and_not_created()
        {
            var characters = Array.CreateInstance(Woven.Type("Game.Character"), 2);
            characters.SetValue(Woven.New("Game.Character", "A"), 0);
            var box = Activator.CreateInstance(Woven.Type("Game.Box`1").MakeGenericType(Woven.Type("Game.Character")))!;
            // Character[] and Box<Character> both name Character's key once in the type table.
            Expect(Woven.Save(new object[] { characters, box }), "AssemblyToProcess.Game.Character");
        }

        [Fact]
        public void A_delegate_to_a_method_of_a_non_woven_type_is_refused_and_the_method_does_not_run()
        {
            Woven.Call("Delegates", "Build");
            byte[] saved;
            try { saved = ProgramState.SaveEverything().ToArray(); }
            finally { Woven.Call("Delegates", "Clear"); }
            TrapLog.Reset();
            var hostile = SnapshotSurgery.ReplaceName(saved, "AssemblyToProcess.Delegates::Double(System.Int32)", TrapKey + "::Double(System.Int32)");

            var error = Assert.Throws<SnapshotMismatchException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(hostile)));

            Assert.Contains(TrapKey, error.Message);
            Assert.Null(Woven.GetStatic("Delegates", "Twice"));
            Woven.Call("Delegates", "Clear");
            AssertNothingRan();
        }

        [Fact]
        public void A_static_holder_renamed_to_a_non_woven_type_is_skipped_without_touching_it()
        {
            // Statics of a type the loading program lacks are skipped (reported), not an error: but nothing of Trap may run.
            var saved = Woven.Save(null).ToArray();
            TrapLog.Reset();
            var hostile = SnapshotSurgery.ReplaceName(saved, "AssemblyToProcess.Roots", TrapKey);
            var snapshot = Snapshot.FromBytes(hostile);

            ProgramState.LoadEverything(snapshot);

            Assert.Contains(snapshot.LoadReport.SkippedStatics, s => s.StartsWith(TrapKey, StringComparison.Ordinal));
            AssertNothingRan();
        }

        private static void Expect(Snapshot saved, string renamed)
        {
            TrapLog.Reset();
            var hostile = SnapshotSurgery.ReplaceName(saved.ToArray(), renamed, TrapKey);

            var error = Assert.Throws<SnapshotMismatchException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(hostile)));

            Assert.Contains(TrapKey, error.Message);
            Assert.Contains("defines no woven type", error.Message);
            Assert.Null(Woven.GetStatic("Roots", "Current"));
            AssertNothingRan();
        }

        private static void AssertNothingRan()
        {
            // A Trap created anywhere and dropped would be finalized here.
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            Assert.False(TrapLog.TypeInitializerRan || TrapLog.ConstructorRan || TrapLog.FinalizerRan || TrapLog.SetterRan, TrapLog.Describe());
        }
    }
}
