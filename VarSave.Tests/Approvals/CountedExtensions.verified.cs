using System;
using System.Reflection;
using VarSave.Runtime;

namespace AssemblyToProcess;

public static class CountedExtensions
{
	public static int Twice(this Counted counted)
	{
		return counted.Value * 2;
	}

	internal static void <VarSave>RegisterDelegates(ModuleRegistration value)
	{
		value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(CountedExtensions.Twice(Counted)), typeof(CountedExtensions).TypeHandle), typeof(Func<int>), "AssemblyToProcess.CountedExtensions::Twice(AssemblyToProcess.Counted)", (object obj) => new Func<int>(((Counted)obj).Twice));
	}

	internal static object <VarSave>Delegate0(object value)
	{
		return new Func<int>(((Counted)value).Twice);
	}
}
