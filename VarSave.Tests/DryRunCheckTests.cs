using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>ProgramState.Check lists every unsaveable object with its path, instead of stopping at the first.</summary>
    public class DryRunCheckTests
    {
        [Fact]
        public void Three_unsaveable_objects_at_different_depths_are_all_listed_with_their_paths()
        {
            dynamic holder = Woven.New("Holder");
            dynamic hero = Woven.New("Game.Character", "Hero");
            holder.Anything = new List<object> { new MemoryStream(), hero };
            hero.Target = Woven.New("Game.Character", "Deep");
            hero.Target.Target = Woven.New("Game.Character", "Deeper");
            var deepest = Woven.New("Holder");
            deepest.Anything = new Thread(() => { });
            hero.Target.Target.Target = Woven.New("Game.Character", "Bottom");
            var scores = new Dictionary<string, object> { ["timer"] = new System.Threading.CancellationTokenSource(), ["deep"] = deepest };
            hero.Target.Inventory.Add("sword");
            var root = new object[] { holder, scores };
            SaveCheck check = null!;

            Woven.WithRoot(root, () => check = ProgramState.Check());

            // Breadth-first walk: the order is by depth of discovery, so compare as a set.
            var paths = check.Problems.Select(p => p.Path + " -> " + p.Type.Name).OrderBy(p => p).ToList();
            Assert.Equal(new[]
            {
                "static AssemblyToProcess.Roots.Current[0].Anything[0] -> MemoryStream",
                "static AssemblyToProcess.Roots.Current[1][0].Value -> CancellationTokenSource",
                "static AssemblyToProcess.Roots.Current[1][1].Value.Anything -> Thread",
            }, paths);
            Assert.False(check.CanSave);
            var rootSize = Assert.Single(check.Roots, r => r.Root == "static AssemblyToProcess.Roots.Current");
            Assert.True(rootSize.Bytes > 100, $"the root took {rootSize.Bytes} bytes");
            Assert.Contains("3 object(s) cannot be saved", check.ToString());
        }

        [Fact]
        public void A_clean_state_can_be_saved_and_its_roots_are_sized()
        {
            SaveCheck check = null!;
            Woven.WithRoot(new List<string> { "a", "b" }, () => check = ProgramState.Check());
            Assert.True(check.CanSave);
            Assert.Empty(check.Problems);
            Assert.True(check.TotalBytes > 0);
            Assert.Equal(Woven.Save(new List<string> { "a", "b" }).Length, check.TotalBytes);
        }

        [Fact]
        public void A_struct_held_by_a_static_is_one_root_not_one_per_field()
        {
            SaveCheck check = null!;
            Woven.WithRoot(System.Activator.CreateInstance(Woven.Type("Game.Point"), 3, 4), () => check = ProgramState.Check());
            Assert.Contains(check.Roots, r => r.Root == "static AssemblyToProcess.Roots.Current");
            Assert.DoesNotContain(check.Roots, r => r.Root.EndsWith(".X") || r.Root.EndsWith(".Y"));
        }
    }
}
