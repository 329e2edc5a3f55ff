using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using VarSave.Runtime;

namespace AssemblyToProcess;

public static class Delegates
{
	[CompilerGenerated]
	internal sealed class <>c__DisplayClass10_0 : IStateful, IMarked
	{
		public int x;

		public int count;

		public int seed;

		[NonSerialized]
		private long <VarSave>mark;

		public <>c__DisplayClass10_0()
		{
		}

		internal int <Build>b__0(int n)
		{
			return n + x;
		}

		internal int <Build>b__1()
		{
			return ++count;
		}

		internal int <Build>b__2()
		{
			return count * 100;
		}

		internal int <Build>g__Next|6()
		{
			return seed += 10;
		}

		public void <VarSave>Capture(StateWriter? state)
		{
			state.Write(x);
			state.Write(count);
			state.Write(seed);
		}

		void IStateful.CaptureState(StateWriter? state)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Capture
			this.<VarSave>Capture(state);
		}

		public void <VarSave>Restore(StateReader? state)
		{
			state.Read(0, ref x);
			state.Read(1, ref count);
			state.Read(2, ref seed);
		}

		void IStateful.RestoreState(StateReader? state)
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

		internal <>c__DisplayClass10_0(Allocation? unused)
		{
		}

		internal static object? <VarSave>New()
		{
			return new <>c__DisplayClass10_0(null);
		}

		internal static void <VarSave>RegisterDelegates(ModuleRegistration? value)
		{
			value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(<>c__DisplayClass10_0.<Build>b__0(int)), typeof(<>c__DisplayClass10_0).TypeHandle), typeof(Func<int, int>), "AssemblyToProcess.Delegates::Build()#lambda0", (object? obj) => new Func<int, int>(((<>c__DisplayClass10_0)obj).<Build>b__0));
			value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(<>c__DisplayClass10_0.<Build>b__1()), typeof(<>c__DisplayClass10_0).TypeHandle), typeof(Func<int>), "AssemblyToProcess.Delegates::Build()#lambda1", (object? obj) => new Func<int>(((<>c__DisplayClass10_0)obj).<Build>b__1));
			value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(<>c__DisplayClass10_0.<Build>b__2()), typeof(<>c__DisplayClass10_0).TypeHandle), typeof(Func<int>), "AssemblyToProcess.Delegates::Build()#lambda2", (object? obj) => new Func<int>(((<>c__DisplayClass10_0)obj).<Build>b__2));
			value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(<>c__DisplayClass10_0.<Build>g__Next|6()), typeof(<>c__DisplayClass10_0).TypeHandle), typeof(Func<int>), "AssemblyToProcess.Delegates::Build()#local:Next", (object? obj) => new Func<int>(Next));
			int Next()
			{
				return seed += 10;
			}
		}

		internal static object? <VarSave>Delegate0(object? value)
		{
			return new Func<int, int>(((<>c__DisplayClass10_0)value).<Build>b__0);
		}

		internal static object? <VarSave>Delegate1(object? value)
		{
			return new Func<int>(((<>c__DisplayClass10_0)value).<Build>b__1);
		}

		internal static object? <VarSave>Delegate2(object? value)
		{
			return new Func<int>(((<>c__DisplayClass10_0)value).<Build>b__2);
		}

		internal static object? <VarSave>Delegate3(object? value)
		{
			return new Func<int>(Next);
			int Next()
			{
				return seed += 10;
			}
		}
	}

	public static Func<int, int>? AddX;

	public static Func<int>? Counter;

	public static Func<int>? SameCounterAgain;

	public static Bell? Bell;

	public static Func<string, string>? Greet;

	public static Func<string, string>? VirtualGreet;

	public static Func<int, int>? Square;

	public static Func<int, int>? Twice;

	public static Func<int>? LocalFunction;

	public static List<string> Log = new List<string>();

	public static void Build()
	{
		<>c__DisplayClass10_0 CS$<>8__locals7 = new <>c__DisplayClass10_0();
		CS$<>8__locals7.x = 40;
		AddX = (int n) => n + CS$<>8__locals7.x;
		CS$<>8__locals7.count = 0;
		Counter = () => ++CS$<>8__locals7.count;
		SameCounterAgain = () => CS$<>8__locals7.count * 100;
		Counter();
		Counter();
		Counter();
		Bell = new Bell();
		Bell.Rang += (string s) =>
		{
			Log.Add("first:" + s);
		};
		Bell.Rang += (string s) =>
		{
			Log.Add("second:" + s);
		};
		Greet = new Greeter("Hello").Greet;
		Greeter greeter = new LoudGreeter();
		VirtualGreet = greeter.Greet;
		Square = (int n) => n * n;
		Twice = Double;
		CS$<>8__locals7.seed = 5;
		LocalFunction = Next;
		int Next()
		{
			return CS$<>8__locals7.seed += 10;
		}
	}

	public static void Clear()
	{
		AddX = null;
		Counter = null;
		SameCounterAgain = null;
		Bell = null;
		Greet = null;
		VirtualGreet = null;
		Square = null;
		Twice = null;
		LocalFunction = null;
		Log.Clear();
	}

	public static string Describe()
	{
		Bell.Ring("ding");
		int value = Counter();
		return $"addX(2)={AddX(2)} counter={value} shared={SameCounterAgain()} log={string.Join(",", Log)} greet={Greet("Bob")} virtual={VirtualGreet("Ann")} square={Square(7)} twice={Twice(21)} local={LocalFunction()}";
	}

	private static int Double(int n)
	{
		return n * 2;
	}

	internal static void <VarSave>CaptureStatics(StateWriter? state)
	{
		state.Write(AddX);
		state.Write(Counter);
		state.Write(SameCounterAgain);
		state.Write(Bell);
		state.Write(Greet);
		state.Write(VirtualGreet);
		state.Write(Square);
		state.Write(Twice);
		state.Write(LocalFunction);
		state.Write(Log);
	}

	internal static void <VarSave>RestoreStatics(StateReader? state)
	{
		state.Read(0, ref AddX);
		state.Read(1, ref Counter);
		state.Read(2, ref SameCounterAgain);
		state.Read(3, ref Bell);
		state.Read(4, ref Greet);
		state.Read(5, ref VirtualGreet);
		state.Read(6, ref Square);
		state.Read(7, ref Twice);
		state.Read(8, ref LocalFunction);
		state.Read(9, ref Log);
	}

	internal static void <VarSave>RegisterDelegates(ModuleRegistration? value)
	{
		value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(Delegates.Double(int)), typeof(Delegates).TypeHandle), typeof(Func<int, int>), "AssemblyToProcess.Delegates::Double(System.Int32)", (object? obj) => new Func<int, int>(Double));
	}

	internal static object? <VarSave>Delegate0(object? value)
	{
		return new Func<int, int>(Double);
	}
}
