using System.Diagnostics;
using System.Runtime.CompilerServices;
using VarSave.Runtime;

namespace AssemblyToProcess.Game;

public sealed class Boss : Character
{
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private int <Phase>k__BackingField;

	private readonly string _secret;

	public int Phase
	{
		[CompilerGenerated]
		get
		{
			return <Phase>k__BackingField;
		}
		[CompilerGenerated]
		private set
		{
			<Phase>k__BackingField = value;
		}
	}

	public string Secret => _secret;

	public Boss(string name, int phase)
	{
		_secret = "hidden";
		base..ctor(name);
		Phase = phase;
	}

	public sealed override void <VarSave>Capture(StateWriter state)
	{
		base.<VarSave>Capture(state);
		state.Write(<Phase>k__BackingField);
		state.Write(_secret);
	}

	public sealed override void <VarSave>Restore(StateReader state)
	{
		base.<VarSave>Restore(state);
		state.Read(4, ref <Phase>k__BackingField);
		state.Read(5, ref _secret);
	}

	internal Boss(Allocation unused)
		: base((Allocation)null)
	{
	}

	internal new static object <VarSave>New()
	{
		return new Boss(null);
	}

	internal new void <VarSave>InitFields()
	{
		base.<VarSave>InitFields();
		_secret = "hidden";
	}

	internal new static object <VarSave>NewInitialized()
	{
		object obj = Allocation.Uninitialized(typeof(Boss));
		((Boss)obj).<VarSave>InitFields();
		return obj;
	}
}
