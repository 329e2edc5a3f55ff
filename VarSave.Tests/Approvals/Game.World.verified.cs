using System;
using VarSave.Runtime;

namespace AssemblyToProcess.Game;

public class World : IStateful, IMarked
{
	internal class Secrets : IStateful, IMarked
	{
		public static int Count = 1;

		public string Code;

		[NonSerialized]
		private long <VarSave>mark;

		public Secrets()
		{
			Code = "x";
			base..ctor();
		}

		public virtual void <VarSave>Capture(StateWriter state)
		{
			state.Write(Code);
		}

		void IStateful.CaptureState(StateWriter state)
		{
			//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Capture
			this.<VarSave>Capture(state);
		}

		public virtual void <VarSave>Restore(StateReader state)
		{
			state.Read(0, ref Code);
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

		internal Secrets(Allocation unused)
		{
		}

		internal static object <VarSave>New()
		{
			return new Secrets(null);
		}

		internal static void <VarSave>CaptureStatics(StateWriter state)
		{
			state.Write(Count);
		}

		internal static void <VarSave>RestoreStatics(StateReader state)
		{
			state.Read(0, ref Count);
		}

		internal void <VarSave>InitFields()
		{
			Code = "x";
		}

		internal static object <VarSave>NewInitialized()
		{
			object obj = Allocation.Uninitialized(typeof(Secrets));
			((Secrets)obj).<VarSave>InitFields();
			return obj;
		}
	}

	private static int _tick;

	public static string Title = "Old Title";

	public static Character? Hero;

	internal static Mood CurrentMood = Mood.Calm;

	[NonSerialized]
	private long <VarSave>mark;

	public static int Tick
	{
		get
		{
			return _tick;
		}
		set
		{
			_tick = value;
		}
	}

	public static int SecretCount
	{
		get
		{
			return Secrets.Count;
		}
		set
		{
			Secrets.Count = value;
		}
	}

	public static Mood ReadMood()
	{
		return CurrentMood;
	}

	public static string ReadTitle()
	{
		return Title;
	}

	public World()
	{
	}

	public virtual void <VarSave>Capture(StateWriter state)
	{
	}

	void IStateful.CaptureState(StateWriter state)
	{
		//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Capture
		this.<VarSave>Capture(state);
	}

	public virtual void <VarSave>Restore(StateReader state)
	{
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

	internal World(Allocation unused)
	{
	}

	internal static object <VarSave>New()
	{
		return new World(null);
	}

	internal static void <VarSave>CaptureStatics(StateWriter state)
	{
		state.Write(_tick);
		state.Write(Title);
		state.Write(Hero);
		state.Write(CurrentMood);
	}

	internal static void <VarSave>RestoreStatics(StateReader state)
	{
		state.Read(0, ref _tick);
		state.Read(1, ref Title);
		state.Read(2, ref Hero);
		state.Read(3, ref CurrentMood);
	}
}
