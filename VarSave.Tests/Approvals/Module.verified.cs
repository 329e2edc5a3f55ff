using AssemblyToProcess;
using AssemblyToProcess.Game;
using VarSave.Runtime;

internal class <Module>
{
	static <Module>()
	{
		ModuleRegistration moduleRegistration = new ModuleRegistration();
		moduleRegistration.AddType(typeof(WithTransient), "AssemblyToProcess.WithTransient", "Kept", () => Allocation.Uninitialized(typeof(WithTransient)));
		moduleRegistration.AddType(typeof(Holder), "AssemblyToProcess.Holder", "Anything\0Scores", () => Allocation.Uninitialized(typeof(Holder)));
		moduleRegistration.AddType(typeof(WithUnsaveableField), "AssemblyToProcess.WithUnsaveableField", "Log", () => Allocation.Uninitialized(typeof(WithUnsaveableField)));
		moduleRegistration.AddType(typeof(Roots), "AssemblyToProcess.Roots", "", null);
		moduleRegistration.AddStatics("Current", (StateWriter state) =>
		{
			state.Write(Roots.Current);
		}, (StateReader state) =>
		{
			state.Read(0, ref Roots.Current);
		});
		moduleRegistration.AddType(typeof(LocalScenarios), "AssemblyToProcess.LocalScenarios", "", null);
		moduleRegistration.AddType(typeof(LocalScenarios.<>c__DisplayClass1_0), "AssemblyToProcess.LocalScenarios+<>c__DisplayClass1_0", "total\0counter", () => Allocation.Uninitialized(typeof(LocalScenarios.<>c__DisplayClass1_0)));
		moduleRegistration.AddType(typeof(Character), "AssemblyToProcess.Game.Character", "<Name>k__BackingField\0Health\0Target\0<Inventory>k__BackingField", () => Allocation.Uninitialized(typeof(Character)));
		moduleRegistration.AddType(typeof(Boss), "AssemblyToProcess.Game.Boss", "<Name>k__BackingField\0Health\0Target\0<Inventory>k__BackingField\0<Phase>k__BackingField\0_secret", () => Allocation.Uninitialized(typeof(Boss)));
		moduleRegistration.AddType(typeof(Mood), "AssemblyToProcess.Game.Mood", "", null);
		moduleRegistration.AddType(typeof(Point), "AssemblyToProcess.Game.Point", "X\0Y", () => default(Point));
		moduleRegistration.AddType(typeof(Box<>), "AssemblyToProcess.Game.Box`1", "Value\0History", null);
		moduleRegistration.AddType(typeof(World), "AssemblyToProcess.Game.World", "", () => Allocation.Uninitialized(typeof(World)));
		moduleRegistration.AddStatics("_tick\0Title\0Hero\0CurrentMood", (StateWriter state) =>
		{
			state.Write(World._tick);
			state.Write(World.Title);
			state.Write(World.Hero);
			state.Write(World.CurrentMood);
		}, (StateReader state) =>
		{
			state.Read(0, ref World._tick);
			state.Read(1, ref World.Title);
			state.Read(2, ref World.Hero);
			state.Read(3, ref World.CurrentMood);
		});
		moduleRegistration.AddType(typeof(World.Secrets), "AssemblyToProcess.Game.World+Secrets", "Code", () => Allocation.Uninitialized(typeof(World.Secrets)));
		moduleRegistration.AddStatics("Count", (StateWriter state) =>
		{
			state.Write(World.Secrets.Count);
		}, (StateReader state) =>
		{
			state.Read(0, ref World.Secrets.Count);
		});
		moduleRegistration.AddType(typeof(Node), "AssemblyToProcess.Game.Node", "Value\0Next", () => Allocation.Uninitialized(typeof(Node)));
		moduleRegistration.Complete();
	}
}
