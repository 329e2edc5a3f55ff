using System.Collections.Generic;
using VarSave.Runtime;

namespace AssemblyToProcess;

public static class Memo<T>
{
	public static List<T> Seen;

	static Memo()
	{
		GenericStatics.Register(typeof(Memo<T>), (StateWriter state) =>
		{
			state.Write(Seen);
		}, (StateReader state) =>
		{
			state.Read(0, ref Seen);
		});
		Seen = new List<T>();
	}

	internal static void <VarSave>CaptureStatics(StateWriter state)
	{
		state.Write(Seen);
	}

	internal static void <VarSave>RestoreStatics(StateReader state)
	{
		state.Read(0, ref Seen);
	}
}
