using System;
using System.Reflection;
using VarSave.Runtime;

namespace AssemblyToProcess;

public struct Die : IStateful
{
	public int Face;

	public int Next()
	{
		return ++Face;
	}

	public void <VarSave>Capture(StateWriter state)
	{
		state.Write(Face);
	}

	void IStateful.CaptureState(StateWriter state)
	{
		//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Capture
		this.<VarSave>Capture(state);
	}

	public void <VarSave>Restore(StateReader state)
	{
		state.Read(0, ref Face);
	}

	void IStateful.RestoreState(StateReader state)
	{
		//ILSpy generated this explicit interface implementation from .override directive in <VarSave>Restore
		this.<VarSave>Restore(state);
	}

	internal static object <VarSave>New()
	{
		return default(Die);
	}

	internal unsafe static void <VarSave>RegisterDelegates(ModuleRegistration value)
	{
		value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(Die.Next()), typeof(Die).TypeHandle), typeof(Func<int>), "AssemblyToProcess.Die::Next()", (object obj) => new Func<int>(((Die*)obj)->Next));
	}

	internal unsafe static object <VarSave>Delegate0(object value)
	{
		return new Func<int>(((Die*)value)->Next);
	}
}
