using System;
using System.Collections.Generic;
using System.Linq;
using VarSave.Codecs;
using VarSave.Registry;

namespace VarSave.Graph
{
    /// <summary>
    /// One entry of a snapshot's type table, resolved against the loading program: the type
    /// it now stands for (if any), and for woven types how saved fields map to today's fields.
    /// </summary>
    internal sealed class LoadedType
    {
        private LoadedType(string name, Type? type, string? missingReason)
        {
            Name = name;
            Type = type;
            MissingReason = missingReason;
        }

        /// <summary>How deep type arguments and array elements nest in this type (1: none); see <see cref="TypeShapes"/>.</summary>
        public int Depth { get; set; } = 1;

        /// <summary>How many type names the full name holds, counting arguments at every depth.</summary>
        public int Nodes { get; set; } = 1;

        /// <summary>A value of this type's size in memory (a reference's for reference types).</summary>
        public long ValueBytes { get; set; } = IntPtr.Size;

        /// <summary>The name the snapshot gives the type, for messages.</summary>
        public string Name { get; }

        /// <summary>The loading program's type, or null when it has none (see <see cref="MissingReason"/>).</summary>
        public Type? Type { get; }

        public string? MissingReason { get; }

        public WovenType? Woven { get; private set; }

        /// <summary>The type's woven registration: the one its fields were mapped with, else the one of its run-time type (static classes).</summary>
        public WovenType? Registration => Woven ?? (Type != null ? TypeRegistry.FindByType(Type) : null);

        /// <summary>Field names as saved (woven types only).</summary>
        public string[] SavedFields { get; private set; } = Array.Empty<string>();

        /// <summary>For each of today's fields, the index of the saved field of that name, or -1.</summary>
        public int[] FieldMap { get; private set; } = Array.Empty<int>();

        private ObjectCodec? _codec;

        /// <summary>The codec for objects of this type; resolved on first use, since most entries are never objects.</summary>
        public ObjectCodec Codec => _codec ??= CodecCatalog.For(Type!)
            ?? throw new SnapshotMismatchException($"The snapshot stores objects of type {Name}, which cannot be created as objects.");

        public static LoadedType Found(string name, Type type) => new LoadedType(name, type, null) { ValueBytes = ValueSize.Of(type) };

        public static LoadedType Missing(string name, string reason) => new LoadedType(name, null, reason);

        public static LoadedType ForDelegate(DelegateTarget target) => new LoadedType(target.Key, target.DelegateType, null) { Delegate = target };

        /// <summary>For a delegate target entry: the registered method and its factory.</summary>
        public DelegateTarget? Delegate { get; private set; }

        /// <summary>Maps saved field names to the loading type's fields, by name, once per load.</summary>
        public void MapFields(WovenType woven, string[] savedFields, List<string> defaulted, List<string> ignored)
        {
            Woven = woven;
            SavedFields = savedFields;
            FieldMap = MapNames(Name, woven.Fields, savedFields, defaulted, ignored);
            MissesFields = Array.IndexOf(FieldMap, -1) >= 0;
            SameSchema = savedFields.Length == FieldMap.Length && !FieldMap.Where((saved, current) => saved != current).Any();
        }

        private int[]? _savedToCurrent;

        /// <summary>For each saved field, the index of today's field it maps to, or -1 (the inverse of <see cref="FieldMap"/>).</summary>
        public int[] SavedToCurrent => _savedToCurrent ??= Invert(FieldMap, SavedFields.Length);

        /// <summary>Turns "today's index to saved index" into "saved index to today's index".</summary>
        public static int[] Invert(int[] map, int savedCount)
        {
            var inverse = new int[savedCount];
            for (int i = 0; i < savedCount; i++) inverse[i] = -1;
            for (int i = 0; i < map.Length; i++) if (map[i] >= 0) inverse[map[i]] = i;
            return inverse;
        }

        /// <summary>The saved fields are today's, in today's order: values can be read straight into the fields.</summary>
        public bool SameSchema { get; private set; }

        /// <summary>Whether today's type has a field the snapshot lacks: then objects are created with their field initializers run.</summary>
        public bool MissesFields { get; private set; }

        /// <summary>
        /// For each of <paramref name="current"/>, the index of the saved field of the same name, or
        /// of one of its previous names, or -1; reports the fields left unmatched on either side.
        /// </summary>
        public static int[] MapNames(string owner, FieldName[] current, string[] saved, List<string>? unmatchedCurrent, List<string> unmatchedSaved)
        {
            var savedIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < saved.Length; i++) savedIndex[saved[i]] = i;
            var map = new int[current.Length];
            for (int i = 0; i < current.Length; i++)
            {
                map[i] = -1;
                foreach (var name in NamesOf(current[i]))
                {
                    if (!savedIndex.TryGetValue(name, out int found)) continue;
                    map[i] = found;
                    savedIndex.Remove(name);
                    break;
                }
                if (map[i] < 0) unmatchedCurrent?.Add(owner + "." + current[i].Name);
            }
            foreach (var extra in savedIndex.Keys) unmatchedSaved.Add(owner + "." + extra);
            return map;
        }

        private static IEnumerable<string> NamesOf(FieldName field)
        {
            yield return field.Name;
            foreach (var previous in field.Previous) yield return previous;
        }
    }
}
