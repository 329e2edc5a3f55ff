using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using VarSave.Codecs.Inheritance;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Exceptions
{
    /// <summary>
    /// A BCL exception, or the exception part of a woven class derived from one: message, inner
    /// exception, stack-trace text, source, help link, HResult, the <c>Data</c> entries, then the
    /// fields the BCL exception classes between <see cref="Exception"/> and the saved type add
    /// (a parameter name, an actual value, inner exceptions), by name. The captured stack frames
    /// belong to the process: their text is kept and shown by <see cref="Exception.StackTrace"/>.
    /// Fields are set directly; no exception constructor or property of the program runs.
    /// </summary>
    internal sealed class ExceptionCodec : ObjectCodec, IBaseCodec
    {
        private const BindingFlags Own = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        private static readonly FieldInfo Message = ExceptionField("_message");
        private static readonly FieldInfo Inner = ExceptionField("_innerException");
        private static readonly FieldInfo Data = ExceptionField("_data");
        private static readonly FieldInfo StackTraceText = ExceptionField("_stackTraceString");
        private static readonly FieldInfo RemoteStackTrace = ExceptionField("_remoteStackTraceString");
        private static readonly FieldInfo Source = ExceptionField("_source");
        private static readonly FieldInfo HelpLink = ExceptionField("_helpURL");
        private static readonly FieldInfo HResult = ExceptionField("_HResult");

        private readonly Type _type;
        private readonly Dictionary<string, FieldInfo> _extra;

        /// <param name="type">The BCL exception type saved (for a woven class, its nearest BCL base).</param>
        public ExceptionCodec(Type type)
        {
            _type = type;
            _extra = ExtraFields(type).ToDictionary(f => f.DeclaringType!.Name + "." + f.Name);
        }

        /// <summary>BCL exceptions are the BCL's own (System.*) exception classes; their fields are then known.</summary>
        public static bool IsBclException(Type type) =>
            typeof(Exception).IsAssignableFrom(type) && UnsaveableAdvice.IsFramework(type.Assembly);

        // Filled late: Data keys compare with Equals, so they must be complete.
        public override bool FillsLate => true;

        public override void Write(object value, StateWriter writer)
        {
            var exception = (Exception)value;
            writer.WriteMember("Message", Message.GetValue(exception));
            writer.WriteMember("InnerException", Inner.GetValue(exception));
            writer.WriteMember("StackTrace", exception.StackTrace);
            writer.WriteMember("Source", Source.GetValue(exception));
            writer.WriteMember("HelpLink", HelpLink.GetValue(exception));
            writer.WriteMember("HResult", exception.HResult);
            var data = (IDictionary?)Data.GetValue(exception);
            writer.WriteCount(data?.Count ?? 0);
            if (data != null)
            {
                int i = 0;
                foreach (DictionaryEntry entry in data)
                {
                    writer.WriteElement(i, entry.Key, "Data.Key");
                    writer.WriteElement(i++, entry.Value, "Data.Value");
                }
            }
            writer.WriteCount(_extra.Count);
            foreach (var pair in _extra)
            {
                writer.Output.WriteString(pair.Key);
                writer.WriteMember(pair.Value.Name, pair.Value.GetValue(exception));
            }
        }

        public override object Create(StateReader reader, LoadedType type) => Allocator.Uninitialized(_type);

        public void InitializeBase(object instance, StateReader reader, LoadedType type) { }

        public override void Fill(object instance, StateReader reader, LoadedType type)
        {
            var exception = (Exception)instance;
            Message.SetValue(exception, reader.ReadItem<string?>(type.Name + ".Message"));
            Inner.SetValue(exception, reader.ReadItem<Exception?>(type.Name + ".InnerException"));
            StackTraceText.SetValue(exception, reader.ReadItem<string?>(type.Name + ".StackTrace"));
            RemoteStackTrace.SetValue(exception, null);
            Source.SetValue(exception, reader.ReadItem<string?>(type.Name + ".Source"));
            HelpLink.SetValue(exception, reader.ReadItem<string?>(type.Name + ".HelpLink"));
            HResult.SetValue(exception, reader.ReadItem<int>(type.Name + ".HResult"));
            FillData(exception, reader, type);
            int count = reader.ReadCount("exception field");
            for (int i = 0; i < count; i++)
            {
                string name = reader.Input.ReadString();
                var value = reader.ReadValue();
                // A field this runtime's exception class no longer has is dropped, as for woven types.
                if (!_extra.TryGetValue(name, out var field)) continue;
                if (!StateReader.TryFit(value, field.FieldType, out var fitted)) throw StateReader.Mismatch(value, field.FieldType, type.Name + "." + name);
                field.SetValue(exception, fitted);
            }
            ExceptionChains.Add(reader, exception, InnerExceptions);
        }

        /// <summary>The exceptions <paramref name="exception"/> holds where its ToString looks: its inner exception and the BCL fields that hold more.</summary>
        private IEnumerable<Exception> InnerExceptions(Exception exception)
        {
            if (Inner.GetValue(exception) is Exception inner) yield return inner;
            foreach (var field in _extra.Values)
            {
                var value = field.GetValue(exception);
                if (value is Exception one) yield return one;
                else if (value is Exception?[] many)
                    foreach (var item in many)
                        if (item != null) yield return item;
            }
        }

        public override void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan)
        {
            for (int i = 0; i < 6; i++) reader.ScanValue(scan);
            for (int i = reader.ReadCount("exception data entry") * 2; i > 0; i--) reader.ScanValue(scan);
            for (int i = reader.ReadCount("exception field"); i > 0; i--)
            {
                reader.Input.ReadString();
                reader.ScanValue(scan);
            }
        }

        private static void FillData(Exception exception, StateReader reader, LoadedType type)
        {
            int count = reader.ReadCount("exception data entry");
            if (count == 0)
            {
                Data.SetValue(exception, null);
                return;
            }
            // The BCL's own (internal) dictionary type, taken from a fresh exception: no property of the loaded one runs.
            // It is a linked list that walks every entry on each insert: the load's collision budget pays for the walk.
            var data = new Exception().Data;
            var budget = reader.Collisions;
            budget.Begin(EqualityComparer<object>.Default, buckets: 1);
            for (int i = 0; i < count; i++)
            {
                budget.Add(0, type.Name + ".Data");
                var key = reader.ReadValue() ?? throw reader.Input.Corrupt($"{type.Name}.Data has a null key at entry {i}");
                var value = reader.ReadValue();
                data[key] = value;
                if (data.Count != i + 1) throw reader.Input.Corrupt($"{type.Name}.Data has a repeated key at entry {i}");
            }
            Data.SetValue(exception, data);
        }

        /// <summary>Fields of the BCL classes between Exception and <paramref name="type"/> whose values the format can hold.</summary>
        private static IEnumerable<FieldInfo> ExtraFields(Type type)
        {
            for (var current = type; current != null && current != typeof(Exception); current = current.BaseType)
                foreach (var field in current.GetFields(Own))
                    if (IsPlain(field.FieldType)) yield return field;
        }

        // Process-bound fields (a CancellationToken, a Task, a cached view) are left at their default.
        private static bool IsPlain(Type type) =>
            type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(object) || typeof(Exception).IsAssignableFrom(type)
            || (type.IsArray && type.GetArrayRank() == 1 && IsPlain(type.GetElementType()!));

        private static FieldInfo ExceptionField(string name) =>
            typeof(Exception).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"This runtime's System.Exception has no field {name}.");
    }
}
