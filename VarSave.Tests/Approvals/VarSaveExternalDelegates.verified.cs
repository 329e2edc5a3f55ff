using System;
using System.Reflection;
using VarSave.Runtime;

internal static class <VarSave>ExternalDelegates
{
	internal static void <VarSave>RegisterDelegates(ModuleRegistration value)
	{
		value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(Console.WriteLine(string?)), typeof(Console).TypeHandle), typeof(Action<string>), "System.Console::WriteLine(System.String)", (object obj) => new Action<string>(Console.WriteLine));
	}

	internal static object <VarSave>Delegate0(object value)
	{
		return new Action<string>(Console.WriteLine);
	}
}
