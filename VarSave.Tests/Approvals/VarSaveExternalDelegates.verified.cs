using System;
using System.Collections.Generic;
using System.Reflection;
using VarSave.Runtime;

internal static class <VarSave>ExternalDelegates
{
	internal static void <VarSave>RegisterDelegates(ModuleRegistration value)
	{
		value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(Console.WriteLine(string?)), typeof(Console).TypeHandle), typeof(Action<string>), "System.Console::WriteLine(System.String)", (object obj) => new Action<string>(Console.WriteLine));
		value.AddDelegate(MethodBase.GetMethodFromHandle(__ldtoken(List<string>.Add(string)), typeof(List<string>).TypeHandle), typeof(Action<string>), "System.Collections.Generic.List`1::Add(T)", (object obj) => new Action<string>(((List<string>)obj).Add));
	}

	internal static object <VarSave>Delegate0(object value)
	{
		return new Action<string>(Console.WriteLine);
	}

	internal static object <VarSave>Delegate1(object value)
	{
		return new Action<string>(((List<string>)value).Add);
	}
}
