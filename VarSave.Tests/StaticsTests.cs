using Xunit;

namespace VarSave.Tests
{
    /// <summary>Every kind of static field round-trips: public, private, static readonly, nested private, enum.</summary>
    public class StaticsTests
    {
        [Fact]
        public void Statics_of_every_kind_are_restored()
        {
            Woven.Call("Game.World", "set_Tick", 5);
            Woven.Call("Game.World", "set_SecretCount", 9);
            Woven.SetStatic("Game.World", "Title", "Saved Title");
            var hero = Woven.New("Game.Character", "Hero");
            Woven.SetStatic("Game.World", "Hero", (object)hero);
            var mood = System.Enum.ToObject(Woven.Type("Game.Mood"), 5);
            Woven.SetStatic("Game.World", "CurrentMood", mood);

            var snapshot = ProgramState.SaveEverything();

            Woven.Call("Game.World", "set_Tick", 0);
            Woven.Call("Game.World", "set_SecretCount", 0);
            Woven.SetStatic("Game.World", "Title", "Changed");
            Woven.SetStatic("Game.World", "Hero", null);
            Woven.SetStatic("Game.World", "CurrentMood", System.Enum.ToObject(Woven.Type("Game.Mood"), 0));
            // Let the JIT see the readonly value many times before the load.
            for (int i = 0; i < 1000; i++) Assert.Equal("Changed", Woven.Call("Game.World", "ReadTitle"));

            ProgramState.LoadEverything(snapshot);

            Assert.Equal(5, Woven.Call("Game.World", "get_Tick"));
            Assert.Equal(9, Woven.Call("Game.World", "get_SecretCount"));
            Assert.Equal("Saved Title", Woven.Call("Game.World", "ReadTitle"));
            Assert.Equal("Angry", Woven.Call("Game.World", "ReadMood")!.ToString());
            dynamic restored = Woven.GetStatic("Game.World", "Hero")!;
            Assert.Equal("Hero", (string)restored.Name);
            Assert.NotSame(hero, restored);
            Woven.SetStatic("Game.World", "Hero", null);
        }
    }
}
