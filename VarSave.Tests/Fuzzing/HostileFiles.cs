using System;
using System.Collections.Generic;
using System.Linq;
using static VarSave.Tests.Fuzzing.SnapshotBuilder;

namespace VarSave.Tests.Fuzzing
{
    /// <summary>
    /// One hand-made snapshot per attack class of issue 13 (findings 1-6), written from the format's
    /// description as an attacker would, naming the woven test assembly's types.
    /// </summary>
    internal static class HostileFiles
    {
        public const int TupleChainDepth = 200_000;
        public const int CollidingKeys = 100_000;

        /// <summary>Every attack file with a name, for the figures in docs/security.md.</summary>
        public static IEnumerable<(string Name, Func<byte[]> Build)> All(string gadgetPath) => new (string, Func<byte[]>)[]
        {
            ("unreferenced gadget", () => UnreferencedGadget(gadgetPath)),
            ("gadget held by a dropped field", () => GadgetInDroppedField(gadgetPath)),
            ("gadget in a failing load", () => GadgetInFailingLoad(gadgetPath)),
            ("Tuple<object> containing itself in a HashSet<object>", SelfContainingTuple),
            ("two self-containing tuples as SortedDictionary keys", SelfContainingSortedKeys),
            ($"tuple chain {TupleChainDepth:N0} deep in a HashSet", DeepTupleChain),
            ("tuple holding the same tuple twice, 60 levels", ExponentialTupleSharing),
            ("arrays of arrays 4,000 deep", () => DeepArrays(4000)),
            ("List<...> 10,000 deep", () => DeepGeneric(typeof(List<>), 10_000)),
            ("ValueTuple<...> 10,000 deep", () => DeepGeneric(typeof(ValueTuple<>), 10_000)),
            ("7 nested Tuple`7 types", ExponentialTupleNames),
            ("array of a 3 KB struct claiming 150,000 elements", LargeStructArray),
            ($"HashSet<long> of {CollidingKeys:N0} equal hash codes", EqualHashKeys),
            ("60 HashSet<long> of 10,000 equal hash codes", ManyCollidingSets),
            ("HashSet<int> of 60,000 keys in one bucket", OneBucketInts),
            ("HashSet of a key whose GetHashCode throws", ThrowingHashKey),
            ("SortedDictionary of keys whose CompareTo throws", ThrowingSortedKeys),
        };

        private static int GadgetType(SnapshotBuilder file) => file.Woven("AssemblyToProcess.Gadget", new[] { "Path" });

        public static byte[] UnreferencedGadget(string path)
        {
            var file = new SnapshotBuilder();
            file.Record(GadgetType(file), file.String(path));
            file.Root(Int(1));
            return file.Build();
        }

        public static byte[] GadgetInFailingLoad(string path)
        {
            var file = new SnapshotBuilder();
            int gadget = file.Record(GadgetType(file), file.String(path));
            file.Root(Ref(gadget));
            // A static of type int given a string: the statics cannot be applied.
            file.Static(file.Woven("AssemblyToProcess.LocalsAndStatics", Array.Empty<string>()), "Counter", file.String("not a number"));
            return file.Build();
        }

        public static byte[] GadgetInDroppedField(string path)
        {
            var file = new SnapshotBuilder();
            int gadget = file.Record(GadgetType(file), file.String(path));
            // A Holder saved with an extra field "Gone" that holds the gadget: today's Holder has no such field.
            int holder = file.Record(file.Woven("AssemblyToProcess.Holder", new[] { "Anything", "Gone" }), Null, Ref(gadget));
            file.Root(Ref(holder));
            return file.Build();
        }

        public static byte[] SelfContainingTuple()
        {
            var file = new SnapshotBuilder();
            int objectType = file.Builtin(typeof(object));
            int tuple = file.Record(file.Generic(typeof(Tuple<>), objectType), Ref(0));
            int set = file.Record(file.Generic(typeof(HashSet<>), objectType), Count(1), new byte[] { 0 }, Ref(tuple));
            file.Root(Ref(set));
            return file.Build();
        }

        public static byte[] SelfContainingSortedKeys()
        {
            var file = new SnapshotBuilder();
            int objectType = file.Builtin(typeof(object));
            int tupleType = file.Generic(typeof(Tuple<>), objectType);
            file.Record(tupleType, Ref(0));
            file.Record(tupleType, Ref(1));
            int map = file.Record(file.Generic(typeof(SortedDictionary<,>), objectType, objectType), Count(2), new byte[] { 0 }, Ref(0), Int(1), Ref(1), Int(2));
            file.Root(Ref(map));
            return file.Build();
        }

        public static byte[] DeepTupleChain()
        {
            var file = new SnapshotBuilder();
            int objectType = file.Builtin(typeof(object));
            int tupleType = file.Generic(typeof(Tuple<>), objectType);
            file.Record(tupleType, Null);
            for (int i = 1; i < TupleChainDepth; i++) file.Record(tupleType, Ref(i - 1));
            int set = file.Record(file.Generic(typeof(HashSet<>), objectType), Count(1), new byte[] { 0 }, Ref(TupleChainDepth - 1));
            file.Root(Ref(set));
            return file.Build();
        }

        /// <summary>Each tuple holds the previous one twice: 60 records whose hash code visits 2^60 tuples.</summary>
        public static byte[] ExponentialTupleSharing()
        {
            var file = new SnapshotBuilder();
            int objectType = file.Builtin(typeof(object));
            int pairType = file.Generic(typeof(Tuple<,>), objectType, objectType);
            int previous = file.Record(pairType, Null, Null);
            for (int i = 1; i < 60; i++) previous = file.Record(pairType, Ref(previous), Ref(previous));
            int set = file.Record(file.Generic(typeof(HashSet<>), objectType), Count(1), new byte[] { 0 }, Ref(previous));
            file.Root(Ref(set));
            return file.Build();
        }

        public static byte[] DeepArrays(int depth)
        {
            var file = new SnapshotBuilder();
            int type = file.Builtin(typeof(int));
            for (int i = 0; i < depth; i++) type = file.ArrayOf(type);
            file.Root(Int(1));
            return file.Build();
        }

        public static byte[] DeepGeneric(Type definition, int depth)
        {
            var file = new SnapshotBuilder();
            int type = file.Builtin(typeof(int));
            for (int i = 0; i < depth; i++) type = file.Generic(definition, type);
            file.Root(Int(1));
            return file.Build();
        }

        public static byte[] ExponentialTupleNames()
        {
            var file = new SnapshotBuilder();
            int type = file.Builtin(typeof(int));
            for (int i = 0; i < 7; i++) type = file.Generic(typeof(Tuple<,,,,,,>), type, type, type, type, type, type, type);
            file.Root(Int(1));
            return file.Build();
        }

        /// <summary>ValueTuples of seven decimals and a rest, nested: 112 bytes and 8 type names more per level.</summary>
        public static int BigStruct(SnapshotBuilder file, int levels)
        {
            int leaf = file.Builtin(typeof(decimal));
            int type = file.Generic(typeof(ValueTuple<>), leaf);
            for (int i = 0; i < levels; i++)
                type = file.Generic(typeof(ValueTuple<,,,,,,,>), leaf, leaf, leaf, leaf, leaf, leaf, leaf, type);
            return type;
        }

        public static byte[] LargeStructArray()
        {
            var file = new SnapshotBuilder();
            int element = BigStruct(file, 28);   // 3.1 KB each
            // 150 KB of payload claims 150,000 elements: 470 MB at one byte per element.
            int array = file.Record(file.ArrayOf(element), Count(150_000), new byte[150_000]);
            file.Root(Ref(array));
            return file.Build();
        }

        /// <summary>A struct of 16 x 7^6 bytes (1.8 MB), far over what the runtime loads, in an empty array.</summary>
        public static byte[] HugeStruct()
        {
            var file = new SnapshotBuilder();
            int type = file.Builtin(typeof(decimal));
            for (int i = 0; i < 6; i++) type = file.Generic(typeof(ValueTuple<,,,,,,>), type, type, type, type, type, type, type);
            int array = file.Record(file.ArrayOf(type), Count(0));
            file.Root(Ref(array));
            return file.Build();
        }

        private static byte[] HashSetOf(Type keyType, IEnumerable<byte[]> keys, SnapshotBuilder file, out int set)
        {
            var items = keys.ToArray();
            set = file.Record(file.Generic(typeof(HashSet<>), file.Builtin(keyType)), Count(items.Length), new byte[] { 0 }, Concat(items));
            return Ref(set);
        }

        /// <summary>long.GetHashCode is the low word XOR the high word: (i &lt;&lt; 32) | i hashes to 0 for every i.</summary>
        private static byte[] ZeroHashLong(int i) => Long(((long)i << 32) | (uint)i);

        public static byte[] EqualHashKeys()
        {
            var file = new SnapshotBuilder();
            file.Root(HashSetOf(typeof(long), Enumerable.Range(1, CollidingKeys).Select(ZeroHashLong), file, out _));
            return file.Build();
        }

        public static byte[] ManyCollidingSets()
        {
            var file = new SnapshotBuilder();
            var sets = Enumerable.Range(0, 60).Select(s => HashSetOf(typeof(long), Enumerable.Range(1 + s * 10_000, 10_000).Select(ZeroHashLong), file, out _)).ToArray();
            int list = file.Record(file.Generic(typeof(List<>), file.Builtin(typeof(object))), Count(sets.Length), Concat(sets));
            file.Root(Ref(list));
            return file.Build();
        }

        /// <summary>Distinct hash codes, all multiples of the capacity the load gives the set: one bucket.</summary>
        public static byte[] OneBucketInts()
        {
            const int count = 60_000;
            int capacity = new HashSet<int>().EnsureCapacity(count);
            var file = new SnapshotBuilder();
            file.Root(HashSetOf(typeof(int), Enumerable.Range(-count / 2, count).Select(i => Int(checked(i * capacity))), file, out _));
            return file.Build();
        }

        public static byte[] ThrowingHashKey()
        {
            var file = new SnapshotBuilder();
            int keyType = file.Woven("AssemblyToProcess.NamedKey", new[] { "Name" });
            int key = file.Record(keyType, Null);   // Name is null: the key's GetHashCode throws NullReferenceException
            int set = file.Record(file.Generic(typeof(HashSet<>), keyType), Count(1), new byte[] { 0 }, Ref(key));
            file.Root(Ref(set));
            return file.Build();
        }

        public static byte[] ThrowingSortedKeys()
        {
            var file = new SnapshotBuilder();
            int keyType = file.Woven("AssemblyToProcess.NamedKey", new[] { "Name" });
            int a = file.Record(keyType, Null);
            int b = file.Record(keyType, Null);
            int map = file.Record(file.Generic(typeof(SortedDictionary<,>), keyType, file.Builtin(typeof(int))), Count(2), new byte[] { 0 }, Ref(a), Int(1), Ref(b), Int(2));
            file.Root(Ref(map));
            return file.Build();
        }
    }
}
