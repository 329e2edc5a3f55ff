using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
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
	internal sealed class <>c__DisplayClass3_0 : IStateful, IMarked
	{
		public int captured;

		[NonSerialized]
		private long <VarSave>mark;

		public <>c__DisplayClass3_0()
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

		internal <>c__DisplayClass3_0(Allocation unused)
		{
		}

		internal static object <VarSave>New()
		{
			return new <>c__DisplayClass3_0(null);
		}

		internal static void <VarSave>RegisterDelegates(ModuleRegistration value)
		{
			value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(<>c__DisplayClass3_0.<AsyncLocals>b__0()), typeof(<>c__DisplayClass3_0).TypeHandle), typeof(Func<int>), "AssemblyToProcess.LocalScenarios::AsyncLocals()#lambda0", (object obj) => new Func<int>(((<>c__DisplayClass3_0)obj).<AsyncLocals>b__0));
		}

		internal static object <VarSave>Delegate0(object value)
		{
			return new Func<int>(((<>c__DisplayClass3_0)value).<AsyncLocals>b__0);
		}
	}

	public static string PlainLocals()
	{
		int value = 42;
		string value2 = "Alice";
		List<int> value3 = new List<int> { 1, 2 };
		Character value4 = new Character("Hero");
		Stopwatch stopwatch = Stopwatch.StartNew();
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
		stopwatch.Stop();
		return $"{value},{value2},{string.Join("|", value3)},{value4.Name}";
	}

	public static string CapturedLocals()
	{
		<>c__DisplayClass1_0 CS$<>8__locals16 = new <>c__DisplayClass1_0();
		CS$<>8__locals16.total = 10;
		List<int> local = new List<int> { 1, 2, 3 };
		local.ForEach((int v) =>
		{
			CS$<>8__locals16.total += v;
		});
		CS$<>8__locals16.counter = 7;
		Bump();
		if (CS$<>8__locals16 != null)
		{
			CallSite.Capture(CS$<>8__locals16.counter, "counter");
		}
		if (CS$<>8__locals16 != null)
		{
			CallSite.Capture(CS$<>8__locals16.total, "total");
		}
		CallSite.Capture(local, "values");
		Snapshot snapshot = ProgramState.SaveEverything();
		CS$<>8__locals16.total = -1;
		CS$<>8__locals16.counter = -1;
		ProgramState.LoadEverything(snapshot);
		if (CS$<>8__locals16 != null)
		{
			CallSite.Restore(ref CS$<>8__locals16.counter, "counter");
		}
		if (CS$<>8__locals16 != null)
		{
			CallSite.Restore(ref CS$<>8__locals16.total, "total");
		}
		CallSite.Restore(ref local, "values");
		CallSite.EndRestore();
		return $"{CS$<>8__locals16.total},{CS$<>8__locals16.counter},{Bump()}";
		int Bump()
		{
			return ++CS$<>8__locals16.counter;
		}
	}

	public static string FileRoundTrip(string path)
	{
		Point value = new Point(3, 4);
		Mood value2 = Mood.Furious;
		CallSite.Capture(value2, "mood");
		CallSite.Capture(value, "point");
		ProgramState.SaveToFile(path);
		value = default;
		value2 = Mood.Calm;
		ProgramState.LoadFromFile(path);
		CallSite.Restore(ref value2, "mood");
		CallSite.Restore(ref value, "point");
		CallSite.EndRestore();
		return $"{value},{value2}";
	}

	public static async Task<string> AsyncLocals()
	{
		<>c__DisplayClass3_0 CS$<>8__locals8 = new <>c__DisplayClass3_0();
		await Task.Yield();
		int x = 42;
		string name = "Alice";
		CS$<>8__locals8.captured = 7;
		Func<int> read = () => CS$<>8__locals8.captured;
		if (CS$<>8__locals8 != null)
		{
			CallSite.Capture(CS$<>8__locals8.captured, "captured");
		}
		CallSite.Capture(name, "name");
		CallSite.Capture(read, "read");
		CallSite.Capture(x, "x");
		Snapshot snapshot = ProgramState.SaveEverything();
		x = 0;
		name = "changed";
		CS$<>8__locals8.captured = -1;
		read = null;
		await Task.Yield();
		ProgramState.LoadEverything(snapshot);
		if (CS$<>8__locals8 != null)
		{
			CallSite.Restore(ref CS$<>8__locals8.captured, "captured");
		}
		CallSite.Restore(ref name, "name");
		CallSite.Restore(ref read, "read");
		CallSite.Restore(ref x, "x");
		CallSite.EndRestore();
		return $"{x},{name},{CS$<>8__locals8.captured},{read()}";
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
		return ProgramState.SaveEverything();
	}
}
