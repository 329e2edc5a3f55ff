using System;
using System.Collections.Generic;
using AssemblyToProcess;
using VarSave.Runtime;

internal static class <VarSave>Delegates
{
	internal static void <VarSave>RegisterDelegates(ModuleRegistration value)
	{
		value.AddGenericDelegate(typeof(GenericCallSites.<>c__DisplayClass1_0<>), "<Shared>b__0", "`0()", typeof(Func<>), "AssemblyToProcess.GenericCallSites::Shared(T,T)#lambda0");
		value.AddGenericDelegate(typeof(List<>), "Add", "`0(!0)", typeof(Action<>), "System.Collections.Generic.List`1::Add(T)");
		value.AddGenericDelegate(typeof(Func<>), "Invoke", "`0()", typeof(Func<>), "System.Func`1::Invoke()");
		value.AddGenericDelegate(typeof(GenericDelegates), "Identity", "`1(!!0)", typeof(Func<, >), "AssemblyToProcess.GenericDelegates::Identity(T)");
		value.AddGenericDelegate(typeof(GenericDelegates.<>c__DisplayClass9_0<>), "<Label>b__0", "`0()", typeof(Func<>), "AssemblyToProcess.GenericDelegates::Label(T)#lambda0");
	}
}
