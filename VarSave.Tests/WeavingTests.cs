using System.Linq;
using System.Reflection;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>What the weaver reports and emits, checked on the woven AssemblyToProcess.</summary>
    public class WeavingTests
    {
        [Fact]
        public void Weaving_reports_no_errors()
        {
            Assert.Empty(Woven.Result.Errors);
        }

        [Fact]
        public void A_field_that_can_never_be_saved_gets_a_warning_with_file_line_and_the_fix()
        {
            _ = Woven.Assembly;
            var warning = Assert.Single(Woven.Messages, w => w.Text.Contains("WithUnsaveableField.Log"));
            Assert.Equal("VARSAVE001", warning.Code);
            Assert.True(warning.IsWarning);
            Assert.Contains("System.IO.Stream", warning.Text);
            Assert.Contains("[VarSave.Transient]", warning.Text);
            Assert.StartsWith("field ", warning.Text);
            Assert.EndsWith("Fields.cs", warning.File);
            Assert.True(warning.Line > 0);
        }

        [Fact]
        public void An_unsaveable_local_is_skipped_with_a_build_message_naming_it_and_its_line()
        {
            _ = Woven.Assembly;
            var message = Assert.Single(Woven.Messages, m => m.Text.Contains("local 'timer'"));
            Assert.Equal("VARSAVE005", message.Code);
            Assert.False(message.IsWarning);
            Assert.Contains("System.Threading.CancellationTokenSource", message.Text);
            Assert.EndsWith("LocalScenarios.cs", message.File);
            Assert.True(message.Line > 0);
        }

        [Fact]
        public void Restored_static_readonly_fields_lose_initonly_and_others_keep_it()
        {
            Assert.False(Woven.StaticField("Game.World", "Title").IsInitOnly);
            var boss = Woven.Type("Game.Boss").GetField("_secret", BindingFlags.NonPublic | BindingFlags.Instance)!;
            Assert.True(boss.IsInitOnly);
        }

        [Fact]
        public void Every_kind_of_type_implements_IStateful()
        {
            string[] names = { "Game.Character", "Game.Boss", "Game.Point", "Game.Box`1", "Game.Node", "Holder" };
            foreach (var name in names)
                Assert.Contains(typeof(Runtime.IStateful), Woven.Type(name).GetInterfaces());
            var nested = Woven.Type("Game.World").GetNestedTypes(BindingFlags.NonPublic).Single(t => t.Name == "Secrets");
            Assert.Contains(typeof(Runtime.IStateful), nested.GetInterfaces());
            var closures = Woven.Type("LocalScenarios").GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public).Where(t => t.Name.Contains("DisplayClass"));
            Assert.NotEmpty(closures);
            Assert.All(closures, c => Assert.Contains(typeof(Runtime.IStateful), c.GetInterfaces()));
        }

        [Fact]
        public void Transient_types_and_attributes_are_not_woven()
        {
            Assert.DoesNotContain(typeof(Runtime.IStateful), Woven.Type("Game.Mood").GetInterfaces());
        }
    }
}
