using AssemblyToProcess;
using AssemblyToProcess.Game;
using VarSave.Runtime;

internal class <Module>
{
	static <Module>()
	{
		ModuleRegistration moduleRegistration = new ModuleRegistration();
		moduleRegistration.AddType(typeof(Tally), "AssemblyToProcess.Tally", "Version", () => Allocation.Uninitialized(typeof(Tally)), null);
		moduleRegistration.AddType(typeof(Deck), "AssemblyToProcess.Deck", "Owner", () => Allocation.Uninitialized(typeof(Deck)), () =>
		{
			object obj = Allocation.Uninitialized(typeof(Deck));
			((Deck)obj).<VarSave>InitFields();
			return obj;
		});
		moduleRegistration.AddType(typeof(Journal), "AssemblyToProcess.Journal", "Limit", () => Allocation.Uninitialized(typeof(Journal)), null);
		moduleRegistration.AddType(typeof(GameError), "AssemblyToProcess.GameError", "Code", () => Allocation.Uninitialized(typeof(GameError)), null);
		moduleRegistration.AddType(typeof(Session), "AssemblyToProcess.Session", "Turn\0Log", () => new Session(null), () =>
		{
			object obj = Allocation.Uninitialized(typeof(Session));
			((Session)obj).<VarSave>InitFields();
			return obj;
		});
		moduleRegistration.AddType(typeof(KeepLocalsScenarios), "AssemblyToProcess.KeepLocalsScenarios", "", null, null);
		moduleRegistration.AddType(typeof(KeepLocalsScenarios.<>c__DisplayClass0_0), "AssemblyToProcess.KeepLocalsScenarios::Keep(System.Boolean)#closure0", "captured", () => new KeepLocalsScenarios.<>c__DisplayClass0_0(null), null);
		moduleRegistration.AddType(typeof(GenericCallSites), "AssemblyToProcess.GenericCallSites", "", null, null);
		moduleRegistration.AddType(typeof(GenericCallSites.<>c__DisplayClass1_0<>), "AssemblyToProcess.GenericCallSites::Shared(T,T)#closure0", "held", null, null);
		moduleRegistration.AddType(typeof(Bell), "AssemblyToProcess.Bell", "Rang", () => new Bell(null), null);
		moduleRegistration.AddType(typeof(Greeter), "AssemblyToProcess.Greeter", "Greeting", () => new Greeter((Allocation)null), null);
		moduleRegistration.AddType(typeof(LoudGreeter), "AssemblyToProcess.LoudGreeter", "Greeting", () => new LoudGreeter(null), null);
		moduleRegistration.AddType(typeof(Delegates), "AssemblyToProcess.Delegates", "", null, null);
		moduleRegistration.AddStatics("AddX\0Counter\0SameCounterAgain\0Bell\0Greet\0VirtualGreet\0Square\0Twice\0LocalFunction\0Log", (StateWriter? state) =>
		{
			state.Write(Delegates.AddX);
			state.Write(Delegates.Counter);
			state.Write(Delegates.SameCounterAgain);
			state.Write(Delegates.Bell);
			state.Write(Delegates.Greet);
			state.Write(Delegates.VirtualGreet);
			state.Write(Delegates.Square);
			state.Write(Delegates.Twice);
			state.Write(Delegates.LocalFunction);
			state.Write(Delegates.Log);
		}, (StateReader? state) =>
		{
			state.Read(0, ref Delegates.AddX);
			state.Read(1, ref Delegates.Counter);
			state.Read(2, ref Delegates.SameCounterAgain);
			state.Read(3, ref Delegates.Bell);
			state.Read(4, ref Delegates.Greet);
			state.Read(5, ref Delegates.VirtualGreet);
			state.Read(6, ref Delegates.Square);
			state.Read(7, ref Delegates.Twice);
			state.Read(8, ref Delegates.LocalFunction);
			state.Read(9, ref Delegates.Log);
		});
		moduleRegistration.AddType(typeof(Delegates.<>O), "AssemblyToProcess.Delegates+<>O", "", null, null);
		moduleRegistration.AddType(typeof(Delegates.<>c), "AssemblyToProcess.Delegates+<>c", "", () => new Delegates.<>c(null), null);
		moduleRegistration.AddType(typeof(Delegates.<>c__DisplayClass10_0), "AssemblyToProcess.Delegates::Build()#closure0", "x\0count\0seed", () => new Delegates.<>c__DisplayClass10_0(null), null);
		moduleRegistration.AddType(typeof(ForeignDelegate), "AssemblyToProcess.ForeignDelegate", "", null, null);
		moduleRegistration.AddType(typeof(ForeignDelegate.<>O), "AssemblyToProcess.ForeignDelegate+<>O", "", null, null);
		moduleRegistration.AddType(typeof(ForeignDelegate.<>c), "AssemblyToProcess.ForeignDelegate+<>c", "", () => new ForeignDelegate.<>c(null), null);
		moduleRegistration.AddType(typeof(GenericDelegates), "AssemblyToProcess.GenericDelegates", "", null, null);
		moduleRegistration.AddStatics("IdentityOfInt\0Labelled\0Roll\0TwiceOfItem\0Doubler", (StateWriter state) =>
		{
			state.Write(GenericDelegates.IdentityOfInt);
			state.Write(GenericDelegates.Labelled);
			state.Write(GenericDelegates.Roll);
			state.Write(GenericDelegates.TwiceOfItem);
			state.Write(GenericDelegates.Doubler);
		}, (StateReader state) =>
		{
			state.Read(0, ref GenericDelegates.IdentityOfInt);
			state.Read(1, ref GenericDelegates.Labelled);
			state.Read(2, ref GenericDelegates.Roll);
			state.Read(3, ref GenericDelegates.TwiceOfItem);
			state.Read(4, ref GenericDelegates.Doubler);
		});
		moduleRegistration.AddType(typeof(GenericDelegates.<>O), "AssemblyToProcess.GenericDelegates+<>O", "", null, null);
		moduleRegistration.AddType(typeof(GenericDelegates.<>c), "AssemblyToProcess.GenericDelegates+<>c", "", () => new GenericDelegates.<>c(null), null);
		moduleRegistration.AddType(typeof(GenericDelegates.<>c.<<Build>b__5_0>d), "AssemblyToProcess.GenericDelegates+<>c+<<Build>b__5_0>d", "<>1__state\0<>t__builder\0x\0<>4__this\0<>u__1", () => new GenericDelegates.<>c.<<Build>b__5_0>d(null), null);
		moduleRegistration.AddType(typeof(GenericDelegates.<>c__DisplayClass9_0<>), "AssemblyToProcess.GenericDelegates::Label(T)#closure0", "label", null, null);
		moduleRegistration.AddType(typeof(Die), "AssemblyToProcess.Die", "Face", () => default(Die), null);
		moduleRegistration.AddType(typeof(Counted), "AssemblyToProcess.Counted", "Value", () => new Counted(null), null);
		moduleRegistration.AddType(typeof(CountedExtensions), "AssemblyToProcess.CountedExtensions", "", null, null);
		moduleRegistration.AddType(typeof(Memo<>), "AssemblyToProcess.Memo`1", "", null, null);
		moduleRegistration.AddGenericStatics("Seen");
		moduleRegistration.AddType(typeof(WithTransient), "AssemblyToProcess.WithTransient", "Kept", () => new WithTransient(null), () =>
		{
			object obj = Allocation.Uninitialized(typeof(WithTransient));
			((WithTransient)obj).<VarSave>InitFields();
			return obj;
		});
		moduleRegistration.AddType(typeof(Holder), "AssemblyToProcess.Holder", "Anything\0Scores", () => new Holder(null), () =>
		{
			object obj = Allocation.Uninitialized(typeof(Holder));
			((Holder)obj).<VarSave>InitFields();
			return obj;
		});
		moduleRegistration.AddType(typeof(WithUnsaveableField), "AssemblyToProcess.WithUnsaveableField", "Log", () => new WithUnsaveableField(null), null);
		moduleRegistration.AddType(typeof(Roots), "AssemblyToProcess.Roots", "", null, null);
		moduleRegistration.AddStatics("Current", (StateWriter state) =>
		{
			state.Write(Roots.Current);
		}, (StateReader state) =>
		{
			state.Read(0, ref Roots.Current);
		});
		moduleRegistration.AddType(typeof(Gadget), "AssemblyToProcess.Gadget", "Path", () => new Gadget(null), null);
		moduleRegistration.AddAfterLoad((object value) =>
		{
			((Gadget)value).Touch();
		}, null);
		moduleRegistration.AddType(typeof(NamedKey), "AssemblyToProcess.NamedKey", "Name", () => new NamedKey(null), () =>
		{
			object obj = Allocation.Uninitialized(typeof(NamedKey));
			((NamedKey)obj).<VarSave>InitFields();
			return obj;
		});
		moduleRegistration.AddType(typeof(LocalsAndStatics), "AssemblyToProcess.LocalsAndStatics", "", null, null);
		moduleRegistration.AddStatics("Counter\0Ratio", (StateWriter state) =>
		{
			state.Write(LocalsAndStatics.Counter);
			state.Write(LocalsAndStatics.Ratio);
		}, (StateReader state) =>
		{
			state.Read(0, ref LocalsAndStatics.Counter);
			state.Read(1, ref LocalsAndStatics.Ratio);
		});
		moduleRegistration.AddType(typeof(Iterators), "AssemblyToProcess.Iterators", "", null, null);
		moduleRegistration.AddType(typeof(Iterators.<Squares>d__0), "AssemblyToProcess.Iterators::Squares(System.Int32)#statemachine", "<>1__state\0<>2__current\0count\0<i>5__1", () => new Iterators.<Squares>d__0(null), null);
		moduleRegistration.AddType(typeof(Iterators.<Walk>d__1), "AssemblyToProcess.Iterators::Walk(System.Collections.Generic.List`1<System.Int32>)#statemachine", "<>1__state\0<>2__current\0items\0<>s__1\0<item>5__2", () => new Iterators.<Walk>d__1(null), null);
		moduleRegistration.AddType(typeof(LocalScenarios), "AssemblyToProcess.LocalScenarios", "", null, null);
		moduleRegistration.AddType(typeof(LocalScenarios.<>c__DisplayClass1_0), "AssemblyToProcess.LocalScenarios::CapturedLocals()#closure0", "total\0counter", () => new LocalScenarios.<>c__DisplayClass1_0(null), null);
		moduleRegistration.AddType(typeof(LocalScenarios.<>c__DisplayClass2_0), "AssemblyToProcess.LocalScenarios::SharedClosure()#closure0", "x", () => new LocalScenarios.<>c__DisplayClass2_0(null), null);
		moduleRegistration.AddType(typeof(LocalScenarios.<>c__DisplayClass4_0), "AssemblyToProcess.LocalScenarios::AsyncLocals()#closure0", "captured", () => new LocalScenarios.<>c__DisplayClass4_0(null), null);
		moduleRegistration.AddType(typeof(LocalScenarios.<AsyncLocals>d__4), "AssemblyToProcess.LocalScenarios::AsyncLocals()#statemachine", "<>1__state\0<>t__builder\0<>8__1\0<x>5__2\0<name>5__3\0<read>5__4\0<snapshot>5__5\0<>u__1", () => new LocalScenarios.<AsyncLocals>d__4(null), null);
		moduleRegistration.AddType(typeof(Character), "AssemblyToProcess.Game.Character", "<Name>k__BackingField\0Health\0Target\0<Inventory>k__BackingField", () => new Character((Allocation)null), () =>
		{
			object obj = Allocation.Uninitialized(typeof(Character));
			((Character)obj).<VarSave>InitFields();
			return obj;
		});
		moduleRegistration.AddType(typeof(Boss), "AssemblyToProcess.Game.Boss", "<Name>k__BackingField\0Health\0Target\0<Inventory>k__BackingField\0<Phase>k__BackingField\0_secret", () => new Boss(null), () =>
		{
			object obj = Allocation.Uninitialized(typeof(Boss));
			((Boss)obj).<VarSave>InitFields();
			return obj;
		});
		moduleRegistration.AddType(typeof(Mood), "AssemblyToProcess.Game.Mood", "", null, null);
		moduleRegistration.AddType(typeof(Point), "AssemblyToProcess.Game.Point", "X\0Y", () => default(Point), null);
		moduleRegistration.AddType(typeof(Box<>), "AssemblyToProcess.Game.Box`1", "Value\0History", null, null);
		moduleRegistration.AddType(typeof(World), "AssemblyToProcess.Game.World", "", () => new World(null), null);
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
		moduleRegistration.AddType(typeof(World.Secrets), "AssemblyToProcess.Game.World+Secrets", "Code", () => new World.Secrets(null), () =>
		{
			object obj = Allocation.Uninitialized(typeof(World.Secrets));
			((World.Secrets)obj).<VarSave>InitFields();
			return obj;
		});
		moduleRegistration.AddStatics("Count", (StateWriter state) =>
		{
			state.Write(World.Secrets.Count);
		}, (StateReader state) =>
		{
			state.Read(0, ref World.Secrets.Count);
		});
		moduleRegistration.AddType(typeof(Node), "AssemblyToProcess.Game.Node", "Value\0Next", () => new Node(null), null);
		KeepLocalsScenarios.<>c__DisplayClass0_0.<VarSave>RegisterDelegates(moduleRegistration);
		Delegates.<>c__DisplayClass10_0.<VarSave>RegisterDelegates(moduleRegistration);
		Delegates.<>c.<VarSave>RegisterDelegates(moduleRegistration);
		Greeter.<VarSave>RegisterDelegates(moduleRegistration);
		Delegates.<VarSave>RegisterDelegates(moduleRegistration);
		<VarSave>ExternalDelegates.<VarSave>RegisterDelegates(moduleRegistration);
		ForeignDelegate.<>c.<VarSave>RegisterDelegates(moduleRegistration);
		GenericDelegates.<>c.<VarSave>RegisterDelegates(moduleRegistration);
		Die.<VarSave>RegisterDelegates(moduleRegistration);
		CountedExtensions.<VarSave>RegisterDelegates(moduleRegistration);
		LocalScenarios.<>c__DisplayClass1_0.<VarSave>RegisterDelegates(moduleRegistration);
		LocalScenarios.<>c__DisplayClass2_0.<VarSave>RegisterDelegates(moduleRegistration);
		LocalScenarios.<>c__DisplayClass4_0.<VarSave>RegisterDelegates(moduleRegistration);
		<VarSave>Delegates.<VarSave>RegisterDelegates(moduleRegistration);
		moduleRegistration.Complete();
	}
}
