using System;
using System.Collections.Generic;
using VarSave.Runtime;

namespace AssemblyToProcess.Game;

public class Box<T> : IStateful, IMarked
{
	public T? Value;

	public List<T> History;

	[NonSerialized]
	private long <VarSave>mark;

	public Box()
	{
		History = new List<T>();
		base..ctor();
	}

	public virtual void <VarSave>Capture(StateWriter? state)
	{
		state.Write(Value);
		state.Write(History);
	}

	void IStateful.CaptureState(StateWriter? state)
	{
		//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Capture
		this.<VarSave>Capture(state);
	}

	public virtual void <VarSave>Restore(StateReader? state)
	{
		state.Read(0, ref Value);
		state.Read(1, ref History);
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

	internal Box(Allocation? unused)
	{
	}
}
