using System;
using System.Collections.Generic;
using VarSave.Codecs.Values;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Surrogates
{
    /// <summary>One registered surrogate: the type, its key in snapshots, and the program's two functions.</summary>
    internal sealed class Surrogate
    {
        private readonly Func<object, object?> _save;
        private readonly Func<object?, object> _load;

        public Surrogate(Type type, string key, Type standInType, Func<object, object?> save, Func<object?, object> load)
        {
            Type = type;
            Key = key;
            StandInType = standInType;
            _save = save;
            _load = load;
        }

        public Type Type { get; }
        public string Key { get; }
        public Type StandInType { get; }

        public object? Save(object value, StateWriter writer)
        {
            try { return _save(value); }
            catch (Exception e) when (!(e is VarSaveException))
            {
                throw writer.Unsaveable(Type, $"its registered surrogate threw {e.GetType().Name}: {e.Message}");
            }
        }

        /// <param name="standIn">The saved stand-in.</param>
        /// <param name="where">The value's path, built only for a message.</param>
        public object Load(object? standIn, Func<string> where)
        {
            try { return _load(standIn) ?? throw new VarSaveException($"Cannot load {where()}: the surrogate registered for {Key} rebuilt null from its stand-in. {Advice}"); }
            catch (Exception e) when (!(e is VarSaveException))
            {
                throw new VarSaveException($"Cannot load {where()}: the surrogate registered for {Key} could not rebuild a value from its stand-in: {e.GetType().Name}: {e.Message} {Advice}", e);
            }
        }

        private string Advice =>
            $"The loading program must register the same conversion as the saving one (VarSave.Surrogates.Register<{Type.Name}, {StandInType.Name}>), and a load function must cope with any stand-in a damaged or hostile file holds.";
    }

    /// <summary>The surrogates the program registered, by type and by key.</summary>
    internal static class SurrogateRegistry
    {
        private static readonly object Gate = new object();
        private static Dictionary<Type, Surrogate> _byType = new Dictionary<Type, Surrogate>();
        private static Dictionary<string, Surrogate> _byKey = new Dictionary<string, Surrogate>();

        public static void Add(Surrogate surrogate)
        {
            var type = surrogate.Type;
            if (type == typeof(object) || type == typeof(string) || type.IsPrimitive || type.IsEnum || type.IsInterface || type.IsAbstract
                || Registry.TypeRegistry.FindByType(type) != null || CodecCatalog.For(type) != null || ValueCodecs.For(type) != null
                || BuiltinTypes.TryGetCode(type, out _) || (type.IsGenericType && BuiltinTypes.TryGetGenericCode(type.GetGenericTypeDefinition(), out _)))
                throw new ArgumentException($"{type.FullName} is saved by VarSave already (or cannot have instances); a surrogate is for types that are neither woven nor supported.");
            lock (Gate)
            {
                if (_byType.ContainsKey(type) || _byKey.ContainsKey(surrogate.Key))
                    throw new ArgumentException($"A surrogate for {type.FullName} (key {surrogate.Key}) is registered already.");
                // Copy on write: saves and loads read the dictionaries without a lock.
                _byType = new Dictionary<Type, Surrogate>(_byType) { [type] = surrogate };
                _byKey = new Dictionary<string, Surrogate>(_byKey) { [surrogate.Key] = surrogate };
            }
            ForgetCodecs(type);
        }

        /// <summary>
        /// Takes a registration back. No public API does: a program registers for its lifetime. Tests share one process,
        /// so one that needs a type unregistered takes it out and puts the same registration back with <see cref="Add"/>.
        /// </summary>
        public static void Remove(Surrogate surrogate)
        {
            lock (Gate)
            {
                var byType = new Dictionary<Type, Surrogate>(_byType);
                var byKey = new Dictionary<string, Surrogate>(_byKey);
                byType.Remove(surrogate.Type);
                byKey.Remove(surrogate.Key);
                (_byType, _byKey) = (byType, byKey);
            }
            ForgetCodecs(surrogate.Type);
        }

        /// <summary>The codecs chosen for <paramref name="type"/> (and, for a class, its subclasses) before the registration changed.</summary>
        private static void ForgetCodecs(Type type)
        {
            CodecCatalog.Forget(type);
            ValueCodecs.Forget(type);
        }

        public static Surrogate? Find(Type type)
        {
            var byType = _byType;
            if (byType.TryGetValue(type, out var surrogate)) return surrogate;
            // A library's non-public subclass of a registered type (IPAddress.Loopback is an internal ReadOnlyIPAddress)
            // cannot be registered by a program, which cannot name it: it is saved through the registered base's surrogate.
            if (type.IsVisible) return null;
            for (var baseType = type.BaseType; baseType != null && baseType.Assembly == type.Assembly; baseType = baseType.BaseType)
                if (byType.TryGetValue(baseType, out surrogate)) return surrogate;
            return null;
        }

        /// <summary>A value that refers to no object: numbers, strings, enums, and structs (tuples) of them, a few levels deep.</summary>
        public static bool IsPlainValue(Type type, int depth)
        {
            if (type == typeof(string) || type.IsPrimitive || type.IsEnum) return true;
            if (!type.IsValueType || type.IsPointer || depth > 8) return false;
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
                if (!IsPlainValue(field.FieldType, depth + 1)) return false;
            return true;
        }

        public static Surrogate? FindByKey(string key) => _byKey.TryGetValue(key, out var surrogate) ? surrogate : null;

        /// <summary>A struct's surrogate as a value codec: one part, the stand-in.</summary>
        public static ValueCodec? ValueCodecFor(Type type)
        {
            var surrogate = Find(type);
            if (surrogate == null || !type.IsValueType) return null;
            return ValueCodec.OfBoxed(
                (value, writer) => new[] { surrogate.Save(value, writer) },
                parts => surrogate.Load(parts.Expect(1).Get<object?>(0), () => "a " + type.Name + " value"));
        }
    }

    /// <summary>
    /// A class saved through its surrogate: the record is the stand-in. Built once everything the stand-in refers
    /// to is complete (filled, and what it refers to too: <see cref="BuildOrder"/>), since the program's function
    /// reads it: a <c>byte[]</c> stand-in holds its bytes by then.
    /// </summary>
    internal sealed class SurrogateObjectCodec : ImmutableObjectCodec
    {
        private readonly Surrogate _surrogate;

        public SurrogateObjectCodec(Surrogate surrogate) => _surrogate = surrogate;

        public override CreationPhase Phase => CreationPhase.Built;

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            scan.InKey = true;
            reader.ScanValue(scan);
        }

        public override void Write(object value, StateWriter writer) => writer.WriteMember("stand-in", _surrogate.Save(value, writer));

        protected override object Read(StateReader reader, LoadedType type)
        {
            int record = reader.CurrentRecord;
            var instance = _surrogate.Load(reader.ReadValue(), () => reader.PathTo(record));
            if (!_surrogate.Type.IsInstanceOfType(instance))
                throw new VarSaveException($"Cannot load {reader.PathTo(record)}: the surrogate registered for {_surrogate.Key} rebuilt a {instance.GetType().FullName}, not a {_surrogate.Type.FullName}.");
            return instance;
        }
    }
}
