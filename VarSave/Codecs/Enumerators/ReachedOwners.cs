using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Enumerators
{
    /// <summary>
    /// For one save, which reached collection owns an inner part an enumerator holds without its collection (a
    /// SortedDictionary's tree, an ImmutableList's root node): reached objects are indexed once, as they come.
    /// </summary>
    internal sealed class ReachedOwners
    {
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        private static readonly ConditionalWeakTable<StateWriter, Dictionary<Type, ReachedOwners>> PerSave = new ConditionalWeakTable<StateWriter, Dictionary<Type, ReachedOwners>>();

        private readonly Type _definition;
        private readonly string _field;
        private readonly Dictionary<object, object> _byPart = new Dictionary<object, object>(ReferenceComparer.Instance);
        private int _scanned;

        private ReachedOwners(Type definition, string field)
        {
            _definition = definition;
            _field = field;
        }

        /// <summary>The index of collections of generic <paramref name="definition"/> (or derived) by their <paramref name="field"/>, for this save.</summary>
        public static ReachedOwners Of(StateWriter writer, Type definition, string field)
        {
            var indexes = PerSave.GetValue(writer, _ => new Dictionary<Type, ReachedOwners>());
            if (!indexes.TryGetValue(definition, out var index)) indexes.Add(definition, index = new ReachedOwners(definition, field));
            return index;
        }

        /// <summary>The reached collection holding <paramref name="part"/>; otherwise one <paramref name="standIn"/> makes, the same for every enumerator of this save.</summary>
        public object Find(StateWriter writer, object part, Func<object, object> standIn)
        {
            for (; _scanned < writer.ReachedCount; _scanned++)
            {
                var reached = writer.Reached(_scanned);
                for (var type = reached.GetType(); type != null; type = type.BaseType)
                {
                    if (!type.IsGenericType || type.GetGenericTypeDefinition() != _definition) continue;
                    if (type.GetField(_field, Private)?.GetValue(reached) is object owned) _byPart[owned] = reached;
                    break;
                }
            }
            if (!_byPart.TryGetValue(part, out var owner)) _byPart.Add(part, owner = standIn(part));
            return owner;
        }
    }
}
