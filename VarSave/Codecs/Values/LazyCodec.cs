using System;
using System.Reflection;
using System.Threading;
using VarSave.Codecs.Inheritance;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Values
{
    /// <summary>
    /// A <see cref="Lazy{T}"/>: its value if it was created, else its factory delegate (saved like any
    /// delegate: only a factory woven code made can be), or nothing for one that uses T's constructor.
    /// The instance is made without constructors and the matching Lazy constructor runs on it once
    /// the value or factory exists; the factory runs only when the program asks for the value. A Lazy
    /// whose factory threw keeps no exception: it loads not created. The thread-safety mode is the
    /// default (<c>ExecutionAndPublication</c>).
    /// </summary>
    internal sealed class LazyCodec<T> : ObjectCodec
    {
        private const byte Created = 0, WithFactory = 1, WithConstructor = 2;
        private static readonly FieldInfo? Factory = typeof(Lazy<T>).GetField("_factory", BindingFlags.Instance | BindingFlags.NonPublic)
                                                    ?? typeof(Lazy<T>).GetField("m_valueFactory", BindingFlags.Instance | BindingFlags.NonPublic);
        private static readonly ConstructorInfo FromFactory = BaseConstructor.Find(typeof(Lazy<T>), typeof(Func<T>), typeof(LazyThreadSafetyMode));
        private static readonly ConstructorInfo FromConstructor = BaseConstructor.Find(typeof(Lazy<T>), typeof(LazyThreadSafetyMode));

        public override void Write(object value, StateWriter writer)
        {
            var lazy = (Lazy<T>)value;
            if (lazy.IsValueCreated)
            {
                writer.Output.WriteByte(Created);
                writer.WriteMember("Value", lazy.Value);
                return;
            }
            var factory = Factory?.GetValue(lazy);
            writer.Output.WriteByte(factory == null ? WithConstructor : WithFactory);
            if (factory != null) writer.WriteMember("factory", factory);
        }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            reader.Input.ReadByte();
            reader.ScanToEnd(scan);
        }

        public override object Create(StateReader reader, LoadedType type) => Allocator.Uninitialized(typeof(Lazy<T>));

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            byte kind = reader.Input.ReadByte();
            switch (kind)
            {
                case Created:
                    var value = reader.ReadItem<T>(type.Name + ".Value");
                    BaseConstructor.Run(FromFactory, instance, (Func<T>)(() => value), LazyThreadSafetyMode.PublicationOnly);
                    // Created now, from the saved value: the program's factory never runs.
                    _ = ((Lazy<T>)instance).Value;
                    return;
                case WithFactory:
                    var factory = reader.ReadItem<Func<T>>(type.Name + ".factory") ?? throw reader.Input.Corrupt($"{type.Name} has no factory");
                    BaseConstructor.Run(FromFactory, instance, factory, LazyThreadSafetyMode.ExecutionAndPublication);
                    return;
                case WithConstructor:
                    BaseConstructor.Run(FromConstructor, instance, LazyThreadSafetyMode.ExecutionAndPublication);
                    return;
                default: throw reader.Input.Corrupt($"unknown Lazy kind {kind}");
            }
        }
    }
}
