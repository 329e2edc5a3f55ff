using System.Collections.Generic;
using VarSave.Runtime;

namespace AssemblyToProcess.Game;

public class Box<T> : IStateful
{
	public T? Value;

	public List<T> History = new List<T>();

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
}
