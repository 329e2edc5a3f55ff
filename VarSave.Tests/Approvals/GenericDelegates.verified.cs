using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using VarSave.Runtime;

namespace AssemblyToProcess;

public static class GenericDelegates
{
	[CompilerGenerated]
	internal sealed class <>c__DisplayClass9_0<T> : IStateful, IMarked where T : notnull
	{
		public T label;

		[NonSerialized]
		private long <VarSave>mark;

		public <>c__DisplayClass9_0()
		{
		}

		internal string <Label>b__0()
		{
			T val = label;
			return val?.ToString() + "!";
		}

		public void <VarSave>Capture(StateWriter state)
		{
			state.Write(label);
		}

		void IStateful.CaptureState(StateWriter state)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Capture
			this.<VarSave>Capture(state);
		}

		public void <VarSave>Restore(StateReader state)
		{
			state.Read(0, ref label);
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

		internal <>c__DisplayClass9_0(Allocation unused)
		{
		}
	}

	public static Func<int, int>? IdentityOfInt;

	public static Func<string>? Labelled;

	public static Func<int>? Roll;

	public static Func<int>? TwiceOfItem;

	public static Func<int, Task<int>>? Doubler;

	public static void Build()
	{
		Doubler = async (int x) =>
		{
			await Task.Yield();
			return x * 2;
		};
		IdentityOfInt = Identity;
		Labelled = Label("x");
		Die die = new Die
		{
			Face = 3
		};
		Roll = ((Die)die).Next;
		TwiceOfItem = new Counted
		{
			Value = 21
		}.Twice;
		Memo<int>.Seen.Add(1);
		Memo<string>.Seen.Add("one");
	}

	public static void Clear()
	{
		IdentityOfInt = null;
		Labelled = null;
		Roll = null;
		TwiceOfItem = null;
		Doubler = null;
		Memo<int>.Seen = new List<int>();
		Memo<string>.Seen = new List<string>();
	}

	public static string Describe()
	{
		return $"identity={IdentityOfInt(5)} labelled={Labelled()} roll={Roll()} twice={TwiceOfItem()} doubled={Doubler(21).Result} memo={string.Join(",", Memo<int>.Seen)}/{string.Join(",", Memo<string>.Seen)}";
	}

	private static T Identity<T>(T value)
	{
		return value;
	}

	private static Func<string> Label<T>(T label)
	{
		<>c__DisplayClass9_0<T> CS$<>8__locals2 = new <>c__DisplayClass9_0<T>();
		CS$<>8__locals2.label = label;
		return () =>
		{
			T val = CS$<>8__locals2.label;
			return val?.ToString() + "!";
		};
	}

	internal static void <VarSave>CaptureStatics(StateWriter state)
	{
		state.Write(IdentityOfInt);
		state.Write(Labelled);
		state.Write(Roll);
		state.Write(TwiceOfItem);
		state.Write(Doubler);
	}

	internal static void <VarSave>RestoreStatics(StateReader state)
	{
		state.Read(0, ref IdentityOfInt);
		state.Read(1, ref Labelled);
		state.Read(2, ref Roll);
		state.Read(3, ref TwiceOfItem);
		state.Read(4, ref Doubler);
	}
}
