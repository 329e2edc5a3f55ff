using System;
using System.Collections.Generic;
using VarSave.Graph;
using VarSave.Registry;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>
    /// A delegate is its invocation list: per entry, the registered method's type-table id and
    /// the target object. Loading rebinds each entry through the woven factory of a method the
    /// loading program registered, then combines them in order. Delegates are created after
    /// every other object exists, each after the delegates among its targets (<see cref="DelegateOrder"/>);
    /// in a snapshot with built objects (immutable collections), which a target may be, in <see cref="BuildOrder"/>.
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
                    ?? throw writer.Unsaveable(entry.GetType(), WhyNotRegistered(method, entry.GetType()));
                int id = writer.Types.TryGetMethodId(target)
                    ?? throw writer.Unsaveable(entry.GetType(), target.Generic != null
                        ? $"it calls {TypeNames.Describe(method)} in generic code, instantiated with a type argument that is neither woven nor a supported BCL type (in {TypeNames.Of(entry.GetType())} or the method's own). Weave the assembly that defines it, or mark the field [Transient]."
                        : "its delegate type is neither woven nor a supported BCL delegate type.");
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
                if (!registered.Accepts(target))
                    throw new SnapshotMismatchException($"Cannot rebind {registered.Describe}: the saved target ({target?.GetType().FullName ?? "null"}) is not what the method takes.");
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

        /// <summary>Reads a delegate's record without creating anything: the ids of the objects its targets refer to.</summary>
        public static void CollectTargets(StateReader reader, List<int> into)
        {
            int count = reader.ReadCount("delegate entry");
            for (int i = 0; i < count; i++)
            {
                reader.ReadTypeEntry("delegate method");
                reader.CollectReferences(into);
            }
        }

        /// <summary>The true reason a delegate's method has no registration, and what to do about it.</summary>
        private static string WhyNotRegistered(System.Reflection.MethodInfo method, Type delegateType)
        {
            string what = TypeNames.Describe(method);
            var refusal = DelegateRegistry.RefusalOf(method);
            if (refusal != null) return $"it calls {what}: {refusal}";
            bool woven = method.Module.Assembly.IsDefined(typeof(WovenModuleAttribute), false);
            return woven
                ? $"it calls {what}, but no woven code makes that method into a {TypeNames.Of(delegateType)} (the delegate was made by reflection, or converted from another delegate type), so it could not be rebound safely on load. Create it with a lambda or method group of that type in woven code, or mark the field [Transient]."
                : $"it calls {what}, which no woven code turns into a {TypeNames.Of(delegateType)} (it was made by code that is not woven), so it could not be rebound safely on load. Use a lambda or method group written in woven code, or mark the field [Transient].";
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
