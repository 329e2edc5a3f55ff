using System;
using System.Collections.Generic;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using AssemblyToProcess.Game;
using VarSave;
using VarSave.Runtime;

namespace AssemblyToProcess;

public static class LocalScenarios
{
	[CompilerGenerated]
	internal sealed class <>c__DisplayClass1_0 : IStateful, IMarked
	{
		public int total;

		public int counter;

		[NonSerialized]
		private long <VarSave>mark;

		public <>c__DisplayClass1_0()
		{
		}

		internal void <CapturedLocals>b__0(int v)
		{
			total += v;
		}

		public void <VarSave>Capture(StateWriter state)
		{
			state.Write(total);
			state.Write(counter);
		}

		void IStateful.CaptureState(StateWriter state)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Capture
			this.<VarSave>Capture(state);
		}

		public void <VarSave>Restore(StateReader state)
		{
			state.Read(0, ref total);
			state.Read(1, ref counter);
		}

		void IStateful.RestoreState(StateReader state)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Restore
			this.<VarSave>Restore(state);
		}

		private long <VarSave>get_Mark()
		{
			return <VarSave>mark;
		}

		long IMarked.get_VarSaveMark()
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>get_Mark
			return this.<VarSave>get_Mark();
		}

		private void <VarSave>set_Mark(long value)
		{
			<VarSave>mark = value;
		}

		void IMarked.set_VarSaveMark(long value)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>set_Mark
			this.<VarSave>set_Mark(value);
		}

		internal <>c__DisplayClass1_0(Allocation unused)
		{
		}

		internal static object <VarSave>New()
		{
			return new <>c__DisplayClass1_0(null);
		}

		internal static void <VarSave>RegisterDelegates(ModuleRegistration value)
		{
			value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(<>c__DisplayClass1_0.<CapturedLocals>b__0(int)), typeof(<>c__DisplayClass1_0).TypeHandle), typeof(Action<int>), "AssemblyToProcess.LocalScenarios::CapturedLocals()#lambda0", (object obj) => new Action<int>(((<>c__DisplayClass1_0)obj).<CapturedLocals>b__0));
		}

		internal static object <VarSave>Delegate0(object value)
		{
			return new Action<int>(((<>c__DisplayClass1_0)value).<CapturedLocals>b__0);
		}
	}

	[CompilerGenerated]
	internal sealed class <>c__DisplayClass2_0 : IStateful, IMarked
	{
		public int x;

		[NonSerialized]
		private long <VarSave>mark;

		public <>c__DisplayClass2_0()
		{
		}

		internal int <SharedClosure>b__0(int n)
		{
			return n + x;
		}

		public void <VarSave>Capture(StateWriter state)
		{
			state.Write(x);
		}

		void IStateful.CaptureState(StateWriter state)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Capture
			this.<VarSave>Capture(state);
		}

		public void <VarSave>Restore(StateReader state)
		{
			state.Read(0, ref x);
		}

		void IStateful.RestoreState(StateReader state)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Restore
			this.<VarSave>Restore(state);
		}

		private long <VarSave>get_Mark()
		{
			return <VarSave>mark;
		}

		long IMarked.get_VarSaveMark()
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>get_Mark
			return this.<VarSave>get_Mark();
		}

		private void <VarSave>set_Mark(long value)
		{
			<VarSave>mark = value;
		}

		void IMarked.set_VarSaveMark(long value)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>set_Mark
			this.<VarSave>set_Mark(value);
		}

		internal <>c__DisplayClass2_0(Allocation unused)
		{
		}

		internal static object <VarSave>New()
		{
			return new <>c__DisplayClass2_0(null);
		}

		internal static void <VarSave>RegisterDelegates(ModuleRegistration value)
		{
			value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(<>c__DisplayClass2_0.<SharedClosure>b__0(int)), typeof(<>c__DisplayClass2_0).TypeHandle), typeof(Func<int, int>), "AssemblyToProcess.LocalScenarios::SharedClosure()#lambda0", (object obj) => new Func<int, int>(((<>c__DisplayClass2_0)obj).<SharedClosure>b__0));
		}

		internal static object <VarSave>Delegate0(object value)
		{
			return new Func<int, int>(((<>c__DisplayClass2_0)value).<SharedClosure>b__0);
		}
	}

	[CompilerGenerated]
	internal sealed class <>c__DisplayClass4_0 : IStateful, IMarked
	{
		public int captured;

		[NonSerialized]
		private long <VarSave>mark;

		public <>c__DisplayClass4_0()
		{
		}

		internal int <AsyncLocals>b__0()
		{
			return captured;
		}

		public void <VarSave>Capture(StateWriter state)
		{
			state.Write(captured);
		}

		void IStateful.CaptureState(StateWriter state)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Capture
			this.<VarSave>Capture(state);
		}

		public void <VarSave>Restore(StateReader state)
		{
			state.Read(0, ref captured);
		}

		void IStateful.RestoreState(StateReader state)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Restore
			this.<VarSave>Restore(state);
		}

		private long <VarSave>get_Mark()
		{
			return <VarSave>mark;
		}

		long IMarked.get_VarSaveMark()
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>get_Mark
			return this.<VarSave>get_Mark();
		}

		private void <VarSave>set_Mark(long value)
		{
			<VarSave>mark = value;
		}

		void IMarked.set_VarSaveMark(long value)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>set_Mark
			this.<VarSave>set_Mark(value);
		}

		internal <>c__DisplayClass4_0(Allocation unused)
		{
		}

		internal static object <VarSave>New()
		{
			return new <>c__DisplayClass4_0(null);
		}

		internal static void <VarSave>RegisterDelegates(ModuleRegistration value)
		{
			value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(<>c__DisplayClass4_0.<AsyncLocals>b__0()), typeof(<>c__DisplayClass4_0).TypeHandle), typeof(Func<int>), "AssemblyToProcess.LocalScenarios::AsyncLocals()#lambda0", (object obj) => new Func<int>(((<>c__DisplayClass4_0)obj).<AsyncLocals>b__0));
		}

		internal static object <VarSave>Delegate0(object value)
		{
			return new Func<int>(((<>c__DisplayClass4_0)value).<AsyncLocals>b__0);
		}
	}

	public static string PlainLocals()
	{
		int value = 42;
		string value2 = "Alice";
		List<int> value3 = new List<int> { 1, 2 };
		Character value4 = new Character("Hero");
		CancellationTokenSource cancellationTokenSource = new CancellationTokenSource();
		CallSite.Capture(value4, "hero");
		CallSite.Capture(value3, "list");
		CallSite.Capture(value2, "name");
		CallSite.Capture(value, "x");
		Snapshot snapshot = ProgramState.SaveEverything();
		value = 0;
		value2 = "changed";
		value3 = null;
		value4 = null;
		ProgramState.LoadEverything(snapshot);
		CallSite.Restore(ref value4, "hero");
		CallSite.Restore(ref value3, "list");
		CallSite.Restore(ref value2, "name");
		CallSite.Restore(ref value, "x");
		CallSite.EndRestore();
		cancellationTokenSource.Cancel();
		return $"{value},{value2},{string.Join("|", value3)},{value4.Name}";
	}

	public static string CapturedLocals()
	{
		<>c__DisplayClass1_0 CS$<>8__locals23 = new <>c__DisplayClass1_0();
		CS$<>8__locals23.total = 10;
		List<int> local = new List<int> { 1, 2, 3 };
		local.ForEach(CS$<>8__locals23.<CapturedLocals>b__0);
		CS$<>8__locals23.counter = 7;
		Bump();
		if (CS$<>8__locals23 != null)
		{
			CallSite.Capture(CS$<>8__locals23.counter, "counter");
		}
		if (CS$<>8__locals23 != null)
		{
			CallSite.Capture(CS$<>8__locals23.total, "total");
		}
		CallSite.Capture(local, "values");
		CallSite.Capture((object)CS$<>8__locals23, "<closure>AssemblyToProcess.LocalScenarios::CapturedLocals()#closure0");
		Snapshot snapshot = ProgramState.SaveEverything();
		CS$<>8__locals23.total = -1;
		CS$<>8__locals23.counter = -1;
		if (CS$<>8__locals23 != null)
		{
			CallSite.Stash(CS$<>8__locals23.total, "total");
		}
		if (CS$<>8__locals23 != null)
		{
			CallSite.Stash(CS$<>8__locals23.counter, "counter");
		}
		CallSite.OfferLive(CS$<>8__locals23, "<closure>AssemblyToProcess.LocalScenarios::CapturedLocals()#closure0");
		ProgramState.LoadEverything(snapshot);
		CallSite.Adopt(ref CS$<>8__locals23, "AssemblyToProcess.LocalScenarios::CapturedLocals()#closure0", "the closure of AssemblyToProcess.LocalScenarios.CapturedLocals (LocalScenarios.cs line 29)");
		if (CS$<>8__locals23 != null)
		{
			CallSite.Restore(ref CS$<>8__locals23.counter, "counter");
		}
		if (CS$<>8__locals23 != null)
		{
			CallSite.Restore(ref CS$<>8__locals23.total, "total");
		}
		CallSite.Restore(ref local, "values");
		CallSite.EndRestore();
		return $"{CS$<>8__locals23.total},{CS$<>8__locals23.counter},{Bump()}";
		int Bump()
		{
			return ++CS$<>8__locals23.counter;
		}
	}

	public static string SharedClosure()
	{
		<>c__DisplayClass2_0 closure = new <>c__DisplayClass2_0();
		closure.x = 1;
		Func<int, int> value = closure.<SharedClosure>b__0;
		CallSite.Capture(value, "addX");
		if (closure != null)
		{
			CallSite.Capture(closure.x, "x");
		}
		CallSite.Capture((object)closure, "<closure>AssemblyToProcess.LocalScenarios::SharedClosure()#closure0");
		Snapshot snapshot = ProgramState.SaveEverything();
		closure.x = -1;
		value = null;
		if (closure != null)
		{
			CallSite.Stash(closure.x, "x");
		}
		CallSite.OfferLive(closure, "<closure>AssemblyToProcess.LocalScenarios::SharedClosure()#closure0");
		ProgramState.LoadEverything(snapshot);
		CallSite.Adopt(ref closure, "AssemblyToProcess.LocalScenarios::SharedClosure()#closure0", "the closure of AssemblyToProcess.LocalScenarios.SharedClosure (LocalScenarios.cs line 45)");
		CallSite.Restore(ref value, "addX");
		if (closure != null)
		{
			CallSite.Restore(ref closure.x, "x");
		}
		CallSite.EndRestore();
		closure.x = 100;
		return $"{value(1)},{string.Join(";", snapshot.LoadReport.SharedClosures)}";
	}

	public static string FileRoundTrip(string path)
	{
		Point value = new Point(3, 4);
		Mood value2 = Mood.Furious;
		string path2 = path;
		CallSite.Capture(value2, "mood");
		CallSite.Capture(path, "path");
		CallSite.Capture(value, "point");
		ProgramState.SaveToFile(path2);
		value = default;
		value2 = Mood.Calm;
		ProgramState.LoadFromFile(path);
		CallSite.Restore(ref value2, "mood");
		CallSite.Restore(ref path, "path");
		CallSite.Restore(ref value, "point");
		CallSite.EndRestore();
		return $"{value},{value2}";
	}

	public static async Task<string> AsyncLocals()
	{
		<>c__DisplayClass4_0 closure = new <>c__DisplayClass4_0();
		await Task.Yield();
		int x = 42;
		string name = "Alice";
		closure.captured = 7;
		Func<int> read = closure.<AsyncLocals>b__0;
		if (closure != null)
		{
			CallSite.Capture(closure.captured, "captured");
		}
		CallSite.Capture(name, "name");
		CallSite.Capture(read, "read");
		CallSite.Capture(x, "x");
		CallSite.Capture((object)closure, "<closure>AssemblyToProcess.LocalScenarios::AsyncLocals()#closure0");
		Snapshot snapshot = ProgramState.SaveEverything();
		x = 0;
		name = "changed";
		closure.captured = -1;
		read = null;
		await Task.Yield();
		if (closure != null)
		{
			CallSite.Stash(closure.captured, "captured");
		}
		CallSite.OfferLive(closure, "<closure>AssemblyToProcess.LocalScenarios::AsyncLocals()#closure0");
		ProgramState.LoadEverything(snapshot);
		CallSite.Adopt(ref closure, "AssemblyToProcess.LocalScenarios::AsyncLocals()#closure0", "the closure of AssemblyToProcess.LocalScenarios.AsyncLocals (LocalScenarios.cs line 69)");
		if (closure != null)
		{
			CallSite.Restore(ref closure.captured, "captured");
		}
		CallSite.Restore(ref name, "name");
		CallSite.Restore(ref read, "read");
		CallSite.Restore(ref x, "x");
		CallSite.EndRestore();
		return $"{x},{name},{closure.captured},{read()}";
	}

	public static string LoadReportOf(Snapshot snapshot)
	{
		int local = 1;
		ProgramState.LoadEverything(snapshot);
		CallSite.Restore(ref local, "unrelated");
		CallSite.EndRestore();
		return string.Join(";", snapshot.LoadReport.RestoredLocals) + "|" + string.Join(";", snapshot.LoadReport.SkippedLocals) + "|" + local;
	}

	public static Snapshot SaveObjectLocal(object value)
	{
		CallSite.Capture(value, "held");
		CallSite.Capture(value, "value");
		return ProgramState.SaveEverything();
	}

	public static string SurrogateLocal()
	{
		IPAddress value = IPAddress.Parse("10.0.0.1");
		CallSite.CaptureDeclared(value, "host", "AssemblyToProcess.LocalScenarios.SurrogateLocal (LocalScenarios.cs line 106)");
		Snapshot snapshot = ProgramState.SaveEverything();
		value = null;
		ProgramState.LoadEverything(snapshot);
		CallSite.Restore(ref value, "host");
		CallSite.EndRestore();
		return value.ToString();
	}
}
