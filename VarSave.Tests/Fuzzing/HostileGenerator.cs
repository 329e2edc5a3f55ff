using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static VarSave.Tests.Fuzzing.SnapshotBuilder;

namespace VarSave.Tests.Fuzzing
{
    /// <summary>
    /// Writes hostile snapshots from nothing, aimed at the load path's bounds (issue 13): cycles
    /// through immutable tuples, deep tuple chains, deep and wide type names, colliding hash keys,
    /// large structs with large counts, keys whose equality throws, and unreferenced "gadget"
    /// objects whose hook or finalizer would leave a file behind. Each case mixes one to three of
    /// them under <c>Roots.Current</c>, and one in four is then damaged at a few bytes and re-sealed.
    /// A pure function of the <see cref="Random"/> it is given.
    /// </summary>
    internal sealed partial class HostileGenerator
    {
        public static readonly string[] Kinds =
        {
            "tuple-cycle", "tuple-sharing", "deep-tuples", "deep-type", "wide-type", "colliding-keys", "large-struct", "throwing-keys", "gadget",
            // The BCL codecs of issue 12 (HostileGenerator.Bcl.cs).
            "regex", "random", "big-integer", "culture", "lazy", "enumerator", "exception-chain", "exception-data", "priority-queue",
            "bcl-collections", "bcl-values", "bcl-derived", "surrogate",
        };

        private readonly string _gadgetDirectory;

        public HostileGenerator(string gadgetDirectory) => _gadgetDirectory = gadgetDirectory;

        public (byte[] Bytes, string Description) Next(Random random)
        {
            var file = new SnapshotBuilder();
            var roots = new List<byte[]>();
            var described = new List<string>();
            int parts = random.Next(1, 4);
            for (int p = 0; p < parts; p++)
            {
                string kind = Kinds[random.Next(Kinds.Length)];
                var (root, what) = kind switch
                {
                    "tuple-cycle" => TupleCycle(file, random),
                    "tuple-sharing" => TupleSharing(file, random),
                    "deep-tuples" => DeepTuples(file, random),
                    "deep-type" => DeepType(file, random),
                    "wide-type" => WideType(file, random),
                    "colliding-keys" => CollidingKeys(file, random),
                    "large-struct" => LargeStruct(file, random),
                    "throwing-keys" => ThrowingKeys(file, random),
                    "gadget" => Gadget(file, random),
                    _ => Bcl(kind, file, random),
                };
                roots.Add(root);
                described.Add(what);
            }
            int list = file.Record(file.Generic(typeof(List<>), file.Builtin(typeof(object))), Count(roots.Count), Concat(roots.ToArray()));
            file.Root(Ref(list));
            var bytes = file.Build();
            if (random.Next(4) == 0)
            {
                int flips = random.Next(1, 4);
                for (int i = 0; i < flips; i++) bytes[random.Next(11, bytes.Length - 4)] = (byte)random.Next(256);
                bytes = SnapshotSurgery.Reseal(bytes, body => body);
                described.Add($"{flips} bytes damaged");
            }
            return (bytes, string.Join(" + ", described));
        }

        private static int ObjectType(SnapshotBuilder file) => file.Builtin(typeof(object));

        /// <summary>Tuples pointing at each other at random (cycles likely), some used as hash or sorted keys.</summary>
        private static (byte[], string) TupleCycle(SnapshotBuilder file, Random random)
        {
            int obj = ObjectType(file);
            int pairType = file.Generic(typeof(Tuple<,>), obj, obj);
            int count = random.Next(1, 7);
            int first = file.Record(pairType, Null, Null);
            for (int i = 1; i < count; i++) file.Record(pairType, Null, Null);
            byte[] Pick() => random.Next(3) == 0 ? Int(random.Next(100)) : Ref(first + random.Next(count));
            for (int i = 0; i < count; i++) file.SetRecord(first + i, Pick(), Pick());
            var keys = Enumerable.Range(0, count).Select(i => Ref(first + i)).ToArray();
            string container;
            int holder;
            switch (random.Next(3))
            {
                case 0:
                    container = "HashSet";
                    holder = file.Record(file.Generic(typeof(HashSet<>), obj), Count(count), new byte[] { 0 }, Concat(keys));
                    break;
                case 1:
                    container = "SortedDictionary";
                    holder = file.Record(file.Generic(typeof(SortedDictionary<,>), obj, obj), Count(count), new byte[] { 0 }, Concat(keys.Select(k => Concat(k, Int(1))).ToArray()));
                    break;
                default:
                    container = "Dictionary";
                    holder = file.Record(file.Generic(typeof(Dictionary<,>), obj, obj), Count(count), new byte[] { 0 }, Concat(keys.Select(k => Concat(k, Null)).ToArray()));
                    break;
            }
            return (Ref(holder), $"tuple-cycle {count} tuples in a {container}");
        }

        /// <summary>Tuples holding earlier tuples, often the same one several times (hashing repeats what is shared), as keys.</summary>
        private static (byte[], string) TupleSharing(SnapshotBuilder file, Random random)
        {
            int obj = ObjectType(file);
            int tripleType = file.Generic(typeof(Tuple<,,>), obj, obj, obj);
            int count = random.Next(2, 80);
            int first = file.Record(tripleType, Int(0), Null, Null);
            for (int i = 1; i < count; i++)
            {
                byte[] Earlier() => random.Next(4) == 0 ? Int(i) : Ref(first + Math.Max(0, i - 1 - random.Next(Math.Min(i, 3))));
                file.Record(tripleType, Earlier(), Earlier(), Earlier());
            }
            var keys = Enumerable.Range(0, Math.Min(count, 8)).Select(k => Ref(first + count - 1 - k)).ToArray();
            int set = file.Record(file.Generic(typeof(HashSet<>), obj), Count(keys.Length), new byte[] { 0 }, Concat(keys));
            return (Ref(set), $"tuple-sharing {count} tuples");
        }

        /// <summary>A chain of tuples, some links inside ValueTuple values, as one key of a hash set.</summary>
        private static (byte[], string) DeepTuples(SnapshotBuilder file, Random random)
        {
            int obj = ObjectType(file);
            int tupleType = file.Generic(typeof(Tuple<>), obj);
            int boxType = file.Generic(typeof(ValueTuple<>), obj);
            int depth = random.Next(2) == 0 ? random.Next(1, 200) : random.Next(500, 3000);
            int previous = file.Record(tupleType, Null);
            for (int i = 1; i < depth; i++)
            {
                var link = Ref(previous);
                for (int s = random.Next(4) == 0 ? random.Next(1, 4) : 0; s > 0; s--) link = Struct(boxType, link);
                previous = file.Record(tupleType, link);
            }
            int set = file.Record(file.Generic(typeof(HashSet<>), obj), Count(1), new byte[] { 0 }, Ref(previous));
            return (Ref(set), $"deep-tuples {depth}");
        }

        private static readonly Type[] OneArgument = { typeof(List<>), typeof(ValueTuple<>), typeof(Tuple<>), typeof(HashSet<>), typeof(Queue<>), typeof(Nullable<>) };

        /// <summary>A type nested deep (generic arguments or array elements), with an empty object of it.</summary>
        private static (byte[], string) DeepType(SnapshotBuilder file, Random random)
        {
            int type = file.Builtin(typeof(int));
            int depth = random.Next(2) == 0 ? random.Next(1, 40) : random.Next(40, 5000);
            for (int i = 0; i < depth; i++)
                type = random.Next(3) == 0 ? file.ArrayOf(type) : file.Generic(OneArgument[random.Next(OneArgument.Length)], type);
            int list = file.Record(file.Generic(typeof(List<>), type), Count(0), Array.Empty<byte>());
            return (Ref(list), $"deep-type {depth}");
        }

        /// <summary>Tuple types of seven or eight arguments each naming the previous one: names grow exponentially.</summary>
        private static (byte[], string) WideType(SnapshotBuilder file, Random random)
        {
            int type = file.Builtin(random.Next(2) == 0 ? typeof(long) : typeof(decimal));
            int levels = random.Next(1, 9);
            bool value = random.Next(2) == 0;
            var definition = value ? typeof(ValueTuple<,,,,,,>) : typeof(Tuple<,,,,,,>);
            for (int i = 0; i < levels; i++) type = file.Generic(definition, type, type, type, type, type, type, type);
            int array = file.Record(file.ArrayOf(type), Count(0), Array.Empty<byte>());
            return (Ref(array), $"wide-type {definition.Name} x{levels}");
        }

        /// <summary>A hash set or dictionary of keys with equal hash codes, or codes equal modulo its capacity, or random ones.</summary>
        private static (byte[], string) CollidingKeys(SnapshotBuilder file, Random random)
        {
            int count = random.Next(2) == 0 ? random.Next(10, 2000) : random.Next(2000, 40_000);
            int how = random.Next(3);
            bool ints = how == 1;
            int capacity = new HashSet<int>().EnsureCapacity(count);
            var keys = Enumerable.Range(1, count).Select(i => how switch
            {
                0 => Long(((long)i << 32) | (uint)i),                 // equal hash codes
                1 => Int(checked((i - count / 2) * capacity)),        // one bucket
                _ => Long(random.NextInt64()),                        // random
            }).ToArray();
            int keyType = file.Builtin(ints ? typeof(int) : typeof(long));
            int holder = random.Next(2) == 0
                ? file.Record(file.Generic(typeof(HashSet<>), keyType), Count(count), new byte[] { 0 }, Concat(keys))
                : file.Record(file.Generic(typeof(Dictionary<,>), keyType, file.Builtin(typeof(int))), Count(count), new byte[] { 0 }, Concat(keys.Select(k => Concat(k, Int(0))).ToArray()));
            return (Ref(holder), $"colliding-keys {count} {(how == 0 ? "equal hashes" : how == 1 ? "one bucket" : "random")}");
        }

        /// <summary>An array or list of a large ValueTuple claiming many more elements than its bytes hold.</summary>
        private static (byte[], string) LargeStruct(SnapshotBuilder file, Random random)
        {
            int leaf = file.Builtin(typeof(decimal));
            int type = file.Generic(typeof(ValueTuple<>), leaf);
            int levels = random.Next(1, 31);
            for (int i = 0; i < levels; i++) type = file.Generic(typeof(ValueTuple<,,,,,,,>), leaf, leaf, leaf, leaf, leaf, leaf, leaf, type);
            int payload = random.Next(1, 20_000);
            int claimed = random.Next(2) == 0 ? payload : random.Next(1, 1 << 24);
            int holder = random.Next(2) == 0
                ? file.Record(file.ArrayOf(type), Count(claimed), new byte[payload])
                : file.Record(file.Generic(typeof(List<>), type), Count(claimed), new byte[payload]);
            return (Ref(holder), $"large-struct {levels} levels x{claimed} in {payload} bytes");
        }

        /// <summary>Keys of the program's type whose equality reads a name the file leaves null.</summary>
        private static (byte[], string) ThrowingKeys(SnapshotBuilder file, Random random)
        {
            int keyType = file.Woven("AssemblyToProcess.NamedKey", new[] { "Name" });
            int count = random.Next(1, 5);
            var keys = Enumerable.Range(0, count).Select(i => Ref(file.Record(keyType, random.Next(2) == 0 ? Null : file.String("k" + i)))).ToArray();
            int holder = random.Next(3) switch
            {
                0 => file.Record(file.Generic(typeof(HashSet<>), keyType), Count(count), new byte[] { 0 }, Concat(keys)),
                1 => file.Record(file.Generic(typeof(SortedDictionary<,>), keyType, file.Builtin(typeof(int))), Count(count), new byte[] { 0 }, Concat(keys.Select(k => Concat(k, Int(1))).ToArray())),
                _ => file.Record(file.Generic(typeof(Dictionary<,>), keyType, file.Builtin(typeof(int))), Count(count), new byte[] { 0 }, Concat(keys.Select(k => Concat(k, Int(1))).ToArray())),
            };
            return (Ref(holder), $"throwing-keys {count}");
        }

        /// <summary>Gadgets nothing refers to, or held only by a field the loading type does not have: none may leave a file behind.</summary>
        private (byte[], string) Gadget(SnapshotBuilder file, Random random)
        {
            int gadgetType = file.Woven("AssemblyToProcess.Gadget", new[] { "Path" });
            int gadget = file.Record(gadgetType, file.String(Path.Combine(_gadgetDirectory, "gadget" + random.Next(1000))));
            if (random.Next(2) == 0) return (Null, "gadget unreferenced");
            int holder = file.Record(file.Woven("AssemblyToProcess.Holder", new[] { "Anything", "Dropped" }), Null, Ref(gadget));
            return (Ref(holder), "gadget in a dropped field");
        }
    }
}
