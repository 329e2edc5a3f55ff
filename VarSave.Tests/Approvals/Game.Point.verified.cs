using VarSave.Runtime;

namespace AssemblyToProcess.Game;

public struct Point(int x, int y) : IStateful
{
	public int X = x;

	public int Y = y;

	public override string ToString()
	{
		return $"({X},{Y})";
	}

	public void <VarSave>Capture(StateWriter state)
	{
		state.Write(X);
		state.Write(Y);
	}

	void IStateful.CaptureState(StateWriter state)
	{
		//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Capture
		this.<VarSave>Capture(state);
	}

	public void <VarSave>Restore(StateReader state)
	{
		state.Read(0, ref X);
		state.Read(1, ref Y);
	}

	void IStateful.RestoreState(StateReader state)
	{
		//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Restore
		this.<VarSave>Restore(state);
	}

	internal static object <VarSave>New()
	{
		return default(Point);
	}
}
