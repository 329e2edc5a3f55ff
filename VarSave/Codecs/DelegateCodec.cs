using System;
using VarSave.Graph;
using VarSave.Registry;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>
    /// A delegate is its invocation list: per entry, the registered method's type-table id and
    /// the target object. Loading rebinds each entry through the woven factory of a method the
    /// loading program registered, then combines them in order. Delegates are created after
    /// every other object exists (their targets), and before hash collections that may hold them.
    /// </summary>
    internal sealed class DelegateCodec : ObjectCodec
    {
        public static readonly DelegateCodec Instance = new DelegateCodec();

        public override CreationPhase Phase => CreationPhase.Delegates;

        public override void Write(object value, StateWriter writer)
        {
            var entries = ((Delegate)value).GetInvocationList();
            writer.WriteCount(entries.Length);
            for (int i = 0; i < entries.Length; i++)
            {
                var entry = entries[i];
                var method = entry.Method;
                var target = DelegateRegistry.Find(method, entry.GetType())
                    ?? throw writer.Unsaveable(entry.GetType(),
                        $"it calls {method.DeclaringType?.FullName}.{method.Name}, which no woven code turns into a {entry.GetType().Name}, so it could not be rebound safely on load. " +
                        "Use a lambda or method group written in woven code, or mark the field [Transient].");
                int id = writer.Types.TryGetMethodId(target)
                    ?? throw writer.Unsaveable(entry.GetType(), "its delegate type is neither woven nor a supported BCL delegate type.");
                writer.WriteCount(id);
                writer.WriteElement(i, entry.Target, "Target");
            }
        }

        public override object Create(StateReader reader, LoadedType type)
        {
            int count = reader.ReadCount("delegate entry");
            if (count == 0) throw reader.Input.Corrupt("a delegate has no methods");
            Delegate? combined = null;
            for (int i = 0; i < count; i++)
            {
                var method = reader.ReadTypeEntry("delegate method");
                var target = reader.ReadValue();
                if (method.Type == null) return new MissingObject(method);
                if (target is MissingObject missing) return missing;
                var registered = method.Delegate ?? throw reader.Input.Corrupt($"{method.Name} is not a delegate method");
                if (registered.DelegateType != type.Type) throw reader.Input.Corrupt($"a {type.Name} names a method registered for {registered.DelegateType.Name}");
                if (!registered.Method.IsStatic && !(registered.Method.DeclaringType?.IsInstanceOfType(target) ?? false))
                    throw new SnapshotMismatchException($"Cannot rebind {registered.Describe}: the saved target is {target?.GetType().FullName ?? "null"}, not a {registered.Method.DeclaringType?.FullName}.");
                combined = Delegate.Combine(combined, (Delegate)registered.Factory(target));
            }
            return combined!;
        }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            int count = reader.ReadCount("delegate entry");
            for (int i = 0; i < count; i++)
            {
                reader.ReadTypeEntry("delegate method");
                reader.ScanValue(scan);
            }
        }

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            // Everything was read at creation; step over the payload again without decoding it
            // (decoding would rebuild a boxed target and ask ExternalReferences a second time).
            int count = reader.ReadCount("delegate entry");
            for (int i = 0; i < count; i++)
            {
                reader.ReadTypeEntry("delegate method");
                reader.ReadReferenceOrSkip();
            }
        }
    }
}
