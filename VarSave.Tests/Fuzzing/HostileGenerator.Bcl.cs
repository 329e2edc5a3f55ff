using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using static VarSave.Tests.Fuzzing.SnapshotBuilder;

namespace VarSave.Tests.Fuzzing
{
    /// <summary>
    /// Structure-aware attacks on the BCL codecs of issue 12: regular expressions whose construction or
    /// matching explodes, generator states of the wrong size, huge numbers and counts, cultures that do
    /// not exist, Lazy factories that are not factories, enumerators out of range or over a collection of
    /// another type, exception chains deep, cyclic or shared, exceptions with many Data entries, priority
    /// queues whose comparison throws, and the BCL collections with colliding or throwing keys.
    /// </summary>
    internal sealed partial class HostileGenerator
    {
        private (byte[], string) Bcl(string kind, SnapshotBuilder file, Random random) => kind switch
        {
            "regex" => HostileRegex(file, random),
            "random" => HostileRandom(file, random),
            "big-integer" => HugeBigInteger(file, random),
            "culture" => MissingCulture(file, random),
            "lazy" => HostileLazy(file, random),
            "enumerator" => HostileEnumerator(file, random),
            "exception-chain" => ExceptionChain(file, random),
            "exception-data" => ExceptionData(file, random),
            "priority-queue" => ThrowingPriorityQueue(file, random),
            "bcl-collections" => BclCollection(file, random),
            "bcl-derived" => DerivedFromBcl(file, random),
            "surrogate" => HostileSurrogate(file, random),
            _ => BclValue(file, random),
        };

        private static byte[] ULong(ulong value) => Concat(new byte[] { 10 }, Varint(value));
        private static byte[] Byte(int value) => new[] { (byte)value };
        private static byte[] U32(uint value) => BitConverter.GetBytes(value);
        private static byte[] U64(ulong value) => BitConverter.GetBytes(value);

        /// <summary>Patterns that backtrack catastrophically, nest deep, repeat hugely, or make the non-backtracking engine's automaton explode.</summary>
        private static (byte[], string) HostileRegex(SnapshotBuilder file, Random random)
        {
            int size = random.Next(2) == 0 ? random.Next(1, 64) : random.Next(64, 6000);
            var (pattern, what) = random.Next(8) switch
            {
                0 => ("(a+)+$", "catastrophic backtracking"),
                1 => (new string('(', size) + new string(')', size), $"{size} nested groups"),
                2 => (string.Concat(Enumerable.Range(0, size).Select(i => (char)(0x4E00 + i))), $"{size} distinct characters"),
                3 => (string.Concat(Enumerable.Range(0, Math.Min(size, 400)).Select(i => $"[{(char)(40 + i)}-{(char)(300 + i)}]")), $"{Math.Min(size, 400)} overlapping classes"),
                4 => ($"(a{{{random.Next()}}}){{{random.Next()}}}", "huge repetition counts"),
                5 => (string.Concat(Enumerable.Repeat("(?:a", size)) + new string(')', size), $"{size} nested non-capturing groups"),
                6 => (string.Join("|", Enumerable.Range(0, size).Select(i => "w" + i)), $"{size} alternatives"),
                _ => ("[" + new string('\\', random.Next(1, 4)), "unparsable"),
            };
            long options = random.Next(4) switch
            {
                0 => 0,
                1 => (long)RegexOptions.NonBacktracking,
                2 => (long)RegexOptions.Compiled | (long)(random.Next(2) == 0 ? RegexOptions.IgnoreCase : RegexOptions.None),
                _ => random.Next(2) == 0 ? random.Next() : random.NextInt64(long.MinValue, long.MaxValue),
            };
            long ticks = random.Next(4) switch
            {
                0 => Regex.InfiniteMatchTimeout.Ticks,
                1 => TimeSpan.FromSeconds(2).Ticks,
                2 => random.NextInt64(long.MinValue, long.MaxValue),
                _ => 0,
            };
            int regex = file.Record(file.Builtin(typeof(Regex)), file.String(pattern), ZigZag(options), ZigZag(ticks));
            return (Ref(regex), $"regex {what}, options {options}, timeout {ticks} ticks");
        }

        /// <summary>A generator state of the wrong size, all zero, or with indexes out of range.</summary>
        private static (byte[], string) HostileRandom(SnapshotBuilder file, Random random)
        {
            int count = random.Next(3) switch { 0 => random.Next(0, 8), 1 => random.Next(50, 60), _ => random.Next(0, 1 << 20) };
            bool seeded = random.Next(2) == 0;
            int words = Math.Min(count, random.Next(0, 80));
            var payload = seeded
                ? Concat(Byte(2), ZigZag(random.Next(-3, 60)), ZigZag(random.Next(-3, 60)), Count(count), Concat(Enumerable.Range(0, words).Select(_ => U32((uint)random.Next())).ToArray()))
                : Concat(Byte(random.Next(2) == 0 ? 1 : random.Next(256)), Count(count), Concat(Enumerable.Range(0, words).Select(_ => U64(random.Next(3) == 0 ? 0 : (ulong)random.NextInt64())).ToArray()));
            int record = file.Record(file.Builtin(typeof(Random)), payload);
            return (Ref(record), $"random {(seeded ? "seeded" : "xoshiro")} claiming {count} words, {words} given");
        }

        /// <summary>A BigInteger claiming an enormous length, or a length its words do not match.</summary>
        private static (byte[], string) HugeBigInteger(SnapshotBuilder file, Random random)
        {
            int words = random.Next(2) == 0 ? random.Next(0, 16) : random.Next(10_000, 200_000);
            int length = random.Next(3) switch { 0 => words * 8, 1 => random.Next(), _ => words * 8 - random.Next(0, 9) };
            var parts = new List<byte[]> { Int(length) };
            for (int i = 0; i < words; i++) parts.Add(ULong((ulong)random.NextInt64()));
            var value = Struct(file.Builtin(typeof(BigInteger)), parts.ToArray());
            return (value, $"big-integer {words} words claiming {length} bytes");
        }

        /// <summary>Cultures that do not exist, have no name, a huge one, or a control character; some in a culture-aware comparer.</summary>
        private static (byte[], string) MissingCulture(SnapshotBuilder file, Random random)
        {
            string name = random.Next(7) switch
            {
                0 => "xx-FAKE",
                1 => "qq-" + random.Next(1000),
                2 => new string('a', random.Next(100, 100_000)),
                3 => "en\0US",
                4 => "de-DE_phoneb",
                5 => "",
                _ => "en-x-" + random.Next(1_000_000),
            };
            int record = random.Next(2) == 0
                ? file.Record(file.Builtin(typeof(CultureInfo)), file.String(name), Byte(random.Next(4)))
                : file.Record(file.Builtin(typeof(StringComparer)), Byte(random.Next(4)), file.String(name), ZigZag(random.Next(-1, 1 << 12)));
            return (Ref(record), $"culture '{(name.Length > 20 ? name.Substring(0, 20) + "..." : name)}' ({name.Length} chars)");
        }

        /// <summary>A Lazy whose factory is a string, a list, itself, or nothing; or of an unknown kind.</summary>
        private static (byte[], string) HostileLazy(SnapshotBuilder file, Random random)
        {
            int obj = ObjectType(file);
            int lazyType = file.Generic(typeof(Lazy<>), obj);
            int lazy = file.Record(lazyType, Null);
            int kind = random.Next(5) == 0 ? random.Next(3, 256) : random.Next(3);
            var held = random.Next(4) switch
            {
                0 => Null,
                1 => file.String("not a factory"),
                2 => Ref(lazy),
                _ => Ref(file.Record(file.Generic(typeof(List<>), obj), Count(0))),
            };
            file.SetRecord(lazy, Byte(kind), kind == 2 ? Array.Empty<byte>() : held);
            return (Ref(lazy), $"lazy kind {kind}");
        }

        /// <summary>A List, Queue or Stack enumerator out of range, or over a collection of another type.</summary>
        private static (byte[], string) HostileEnumerator(SnapshotBuilder file, Random random)
        {
            int intType = file.Builtin(typeof(int));
            int items = random.Next(0, 5);
            var list = Ref(file.Record(file.Generic(typeof(List<>), intType), Count(items), Concat(Enumerable.Range(0, items).Select(Int).ToArray())));
            var set = Ref(file.Record(file.Generic(typeof(HashSet<>), intType), Count(items), new byte[] { 0 }, Concat(Enumerable.Range(0, items).Select(Int).ToArray())));
            var definition = new[] { typeof(List<>.Enumerator), typeof(Queue<>.Enumerator), typeof(Stack<>.Enumerator), typeof(HashSet<>.Enumerator) }[random.Next(4)];
            var owner = random.Next(3) switch { 0 => list, 1 => set, _ => random.Next(2) == 0 ? Null : Int(3) };
            int position = random.Next(2) == 0 ? random.Next(-3, items + 2) : random.Next(int.MinValue, int.MaxValue);
            var value = Struct(file.Generic(definition, intType), owner, Int(position), Int(random.Next(-2, 3)), Int(random.Next()), Int(random.Next(-1, 3)));
            int box = file.Record(file.Generic(typeof(List<>), ObjectType(file)), Count(1), value);
            return (Ref(box), $"enumerator {definition.DeclaringType?.Name} at {position} of {items}");
        }

        /// <summary>Exceptions whose inner exceptions form a deep chain, a cycle, or a tree of shared nodes (through AggregateException).</summary>
        private static (byte[], string) ExceptionChain(SnapshotBuilder file, Random random)
        {
            int exceptionType = file.Builtin(typeof(Exception));
            int aggregateType = file.Builtin(typeof(AggregateException));
            int arrayType = file.ArrayOf(exceptionType);
            byte[] Exception(byte[] inner) => Concat(file.String("boom"), inner, Null, Null, Null, Int(-2146233088), Count(0), Count(0));
            byte[] Aggregate(byte[] first, int array) =>
                Concat(file.String("all"), first, Null, Null, Null, Int(-2146233088), Count(0), Count(1), Str("AggregateException._innerExceptions"), Ref(array));
            switch (random.Next(3))
            {
                case 0:
                {
                    int depth = random.Next(2) == 0 ? random.Next(1, 1000) : random.Next(1000, 100_000);
                    int previous = file.Record(exceptionType, Exception(Null));
                    for (int i = 1; i < depth; i++) previous = file.Record(exceptionType, Exception(Ref(previous)));
                    return (Ref(previous), $"exception-chain {depth} deep");
                }
                case 1:
                {
                    int length = random.Next(1, 5);
                    int first = file.Record(exceptionType, Exception(Null));
                    for (int i = 1; i < length; i++) file.Record(exceptionType, Exception(Ref(first + i - 1)));
                    file.SetRecord(first, Exception(Ref(first + length - 1)));
                    return (Ref(first), $"exception-chain cycle of {length}");
                }
                default:
                {
                    // Two aggregates a level, each holding both of the level below: ToString would visit 2^levels exceptions.
                    int levels = random.Next(2, 64);
                    int a = file.Record(exceptionType, Exception(Null)), b = file.Record(exceptionType, Exception(Null));
                    for (int i = 1; i < levels; i++)
                    {
                        int array = file.Record(arrayType, Count(2), Ref(a), Ref(b));
                        (a, b) = (file.Record(aggregateType, Aggregate(Ref(a), array)), file.Record(aggregateType, Aggregate(Ref(b), array)));
                    }
                    int previous = a;
                    return (Ref(previous), $"exception-chain {levels} shared aggregate levels");
                }
            }
        }

        /// <summary>An exception with many Data entries (the BCL keeps them in a linked list).</summary>
        private static (byte[], string) ExceptionData(SnapshotBuilder file, Random random)
        {
            int count = random.Next(2) == 0 ? random.Next(1, 100) : random.Next(10_000, 60_000);
            var entries = Concat(Enumerable.Range(0, count).Select(i => Concat(Int(i), Null)).ToArray());
            int record = file.Record(file.Builtin(typeof(Exception)), Concat(file.String("data"), Null, Null, Null, Null, Int(0), Count(count), entries, Count(0)));
            return (Ref(record), $"exception-data {count} entries");
        }

        /// <summary>A priority queue whose priorities' CompareTo throws (a name the file leaves null), or claiming more items than it has.</summary>
        private static (byte[], string) ThrowingPriorityQueue(SnapshotBuilder file, Random random)
        {
            int keyType = file.Woven("AssemblyToProcess.NamedKey", new[] { "Name" });
            int count = random.Next(1, 40);
            int claimed = random.Next(4) == 0 ? random.Next() : count;
            var items = Concat(Enumerable.Range(0, count).Select(i => Concat(Int(i), Ref(file.Record(keyType, random.Next(3) == 0 ? file.String("p" + i) : Null)))).ToArray());
            int queue = file.Record(file.Generic(typeof(PriorityQueue<,>), ObjectType(file), keyType), Count(claimed), Byte(random.Next(5) == 0 ? random.Next(256) : 0), items);
            return (Ref(queue), $"priority-queue {count} throwing priorities claiming {claimed}");
        }

        /// <summary>The BCL collections of issue 12 with colliding keys, throwing keys, or counts their bytes cannot hold.</summary>
        private static (byte[], string) BclCollection(SnapshotBuilder file, Random random)
        {
            int count = random.Next(2) == 0 ? random.Next(1, 100) : random.Next(2000, 40_000);
            int claimed = random.Next(4) == 0 ? random.Next() : count;
            int longType = file.Builtin(typeof(long)), intType = file.Builtin(typeof(int)), obj = ObjectType(file);
            // long.GetHashCode is the low word XOR the high word: (i << 32) | i hashes to 0 for every i.
            var colliding = Enumerable.Range(1, count).Select(i => Long(((long)i << 32) | (uint)i)).ToArray();
            switch (random.Next(9))
            {
                case 0:
                    return (Ref(file.Record(file.Builtin(typeof(Hashtable)), Count(claimed), Byte(0), Concat(colliding.Select(k => Concat(k, Null)).ToArray()))), $"Hashtable {count} colliding keys");
                case 1:
                    return (Ref(file.Record(file.Generic(typeof(ConcurrentDictionary<,>), longType, intType), Count(claimed), Byte(0), Concat(colliding.Select(k => Concat(k, Int(0))).ToArray()))), $"ConcurrentDictionary {count} colliding keys");
                case 2:
                    return (Ref(file.Record(file.Generic(typeof(SortedSet<>), longType), Count(claimed), Byte(0), Concat(colliding.Reverse().ToArray()))), $"SortedSet {count} keys reversed");
                case 3:
                    return (Ref(file.Record(file.Generic(typeof(SortedList<,>), longType, intType), Count(claimed), Byte(0), Concat(colliding.Reverse().Select(k => Concat(k, Int(0))).ToArray()))), $"SortedList {count} keys reversed");
                case 4:
                {
                    int keyType = file.Woven("AssemblyToProcess.NamedKey", new[] { "Name" });
                    int n = Math.Min(count, 50);
                    var keys = Enumerable.Range(0, n).Select(_ => Ref(file.Record(keyType, Null))).ToArray();
                    var definition = random.Next(2) == 0 ? typeof(SortedSet<>) : typeof(ConcurrentDictionary<,>);
                    int record = definition == typeof(SortedSet<>)
                        ? file.Record(file.Generic(definition, keyType), Count(n), Byte(0), Concat(keys))
                        : file.Record(file.Generic(definition, keyType, intType), Count(n), Byte(0), Concat(keys.Select(k => Concat(k, Int(1))).ToArray()));
                    return (Ref(record), $"{definition.Name} {n} throwing keys");
                }
                case 5:
                    return (Ref(file.Record(file.Builtin(typeof(ArrayList)), Count(claimed), Concat(Enumerable.Range(0, count).Select(i => Int(i)).ToArray()))), $"ArrayList {count} claiming {claimed}");
                case 6:
                {
                    ulong bits = random.Next(2) == 0 ? (ulong)random.Next() : ulong.MaxValue - (ulong)random.Next(100);
                    return (Ref(file.Record(file.Builtin(typeof(BitArray)), Varint(bits), new byte[random.Next(0, 64)])), $"BitArray claiming {bits} bits");
                }
                case 7:
                {
                    int inner = file.Record(file.Generic(typeof(List<>), obj), Count(0));
                    var definition = random.Next(2) == 0 ? typeof(ReadOnlyCollection<>) : typeof(Collection<>);
                    var held = random.Next(3) switch { 0 => Null, 1 => Ref(inner), _ => file.String("not a list") };
                    return (Ref(file.Record(file.Generic(definition, obj), random.Next(2) == 0 ? held : Concat(Count(claimed), held))), $"{definition.Name} over {(held.Length == 1 ? "nothing" : "a list or a string")}");
                }
                default:
                {
                    var definition = new[] { typeof(ConcurrentQueue<>), typeof(ConcurrentStack<>), typeof(ConcurrentBag<>), typeof(ObservableCollection<>) }[random.Next(4)];
                    return (Ref(file.Record(file.Generic(definition, intType), Count(claimed), Concat(Enumerable.Range(0, count).Select(Int).ToArray()))), $"{definition.Name} {count} claiming {claimed}");
                }
            }
        }

        /// <summary>
        /// Woven classes over BCL bases (the BCL part, then the woven fields): a Tally (Dictionary) with repeated
        /// or lying entries, a Deck (List) claiming more than it holds, a Journal (ObservableCollection) holding
        /// itself, a GameError (exception) that is its own inner exception or a deep chain of them.
        /// </summary>
        private static (byte[], string) DerivedFromBcl(SnapshotBuilder file, Random random)
        {
            int count = random.Next(2) == 0 ? random.Next(0, 8) : random.Next(1000, 20_000);
            int claimed = random.Next(4) == 0 ? random.Next() : count;
            switch (random.Next(4))
            {
                case 0:
                {
                    int tally = file.Woven("AssemblyToProcess.Tally", new[] { "Version" });
                    var entries = Enumerable.Range(0, count).Select(i => Concat(file.String("k" + (random.Next(3) == 0 ? 0 : i)), Int(i))).ToArray();
                    return (Ref(file.Record(tally, Count(claimed), Byte(random.Next(5)), Concat(entries), Int(random.Next()))), $"bcl-derived Tally {count} entries claiming {claimed}");
                }
                case 1:
                {
                    int deck = file.Woven("AssemblyToProcess.Deck", new[] { "Owner" });
                    var cards = Enumerable.Range(0, count).Select(i => random.Next(4) == 0 ? Int(i) : file.String("c" + i)).ToArray();
                    return (Ref(file.Record(deck, Count(claimed), Concat(cards), random.Next(2) == 0 ? Null : Int(3))), $"bcl-derived Deck {count} cards claiming {claimed}");
                }
                case 2:
                {
                    int journalType = file.Woven("AssemblyToProcess.Journal", new[] { "Limit" });
                    int journal = file.Record(journalType, Null);
                    file.SetRecord(journal, Count(2), Ref(journal), file.String("entry"), Int(random.Next()));
                    return (Ref(journal), "bcl-derived Journal holding itself");
                }
                default:
                {
                    int errorType = file.Woven("AssemblyToProcess.GameError", new[] { "Code" });
                    int depth = random.Next(2) == 0 ? random.Next(1, 4) : random.Next(1000, 20_000);
                    int first = file.Record(errorType, Null);
                    byte[] Error(byte[] inner) => Concat(file.String("locked"), inner, Null, Null, Null, Int(0), Count(0), Count(0), Int(7));
                    int previous = first;
                    for (int i = 1; i < depth; i++) previous = file.Record(errorType, Error(Ref(previous)));
                    bool cycle = random.Next(2) == 0;
                    file.SetRecord(first, Error(cycle ? Ref(previous) : Null));
                    return (Ref(previous), $"bcl-derived GameError chain {depth}{(cycle ? ", a cycle" : "")}");
                }
            }
        }

        /// <summary>Surrogate records whose stand-in is of the wrong type, unparsable, huge, the record itself, or of an unregistered key.</summary>
        private static (byte[], string) HostileSurrogate(SnapshotBuilder file, Random random)
        {
            FuzzSeeds.RegisterSurrogates();
            byte[] SurrogateType(string key) => Concat(new byte[] { 8 }, Str(key));
            switch (random.Next(4))
            {
                case 0:
                {
                    int type = file.AddType(SurrogateType("System.Net.IPAddress"));
                    int record = file.Record(type, Null);
                    var standIn = random.Next(5) switch
                    {
                        0 => file.String("not an address"),
                        1 => file.String(new string('9', random.Next(1, 100_000))),
                        2 => Int(random.Next()),
                        3 => Ref(record),
                        _ => Null,
                    };
                    file.SetRecord(record, standIn);
                    return (Ref(record), "surrogate IPAddress with a hostile stand-in");
                }
                case 1:
                {
                    int type = file.AddType(SurrogateType("System.Drawing.Point"));
                    int pair = file.Generic(typeof(ValueTuple<,>), file.Builtin(typeof(int)), file.Builtin(typeof(int)));
                    var standIn = random.Next(3) switch
                    {
                        0 => Struct(pair, Int(random.Next()), file.String("y")),
                        1 => Struct(pair, Int(1)),
                        _ => file.String("3,4"),
                    };
                    return (Struct(type, standIn), "surrogate Point with a stand-in of the wrong shape");
                }
                case 2:
                {
                    int type = file.AddType(SurrogateType(random.Next(2) == 0 ? "System.Diagnostics.Process" : "AssemblyToProcess.Gadget"));
                    return (Ref(file.Record(type, file.String("x"))), "surrogate of a key nobody registered");
                }
                default:
                {
                    // Many surrogate records sharing one stand-in, and a list of them.
                    int type = file.AddType(SurrogateType("System.Net.IPAddress"));
                    var address = file.String("10.0.0." + random.Next(256));
                    var records = Enumerable.Range(0, random.Next(1, 2000)).Select(_ => Ref(file.Record(type, address))).ToArray();
                    int list = file.Record(file.Generic(typeof(List<>), ObjectType(file)), Count(records.Length), Concat(records));
                    return (Ref(list), $"surrogate {records.Length} IPAddress records");
                }
            }
        }

        /// <summary>Version, Uri, DateOnly, TimeOnly, Half, Int128 and Complex values with parts out of range or of the wrong count.</summary>
        private static (byte[], string) BclValue(SnapshotBuilder file, Random random)
        {
            long Any() => random.Next(3) switch { 0 => random.Next(-2, 3), 1 => random.NextInt64(), _ => random.Next(2) == 0 ? long.MaxValue : long.MinValue };
            switch (random.Next(6))
            {
                case 0:
                    return (Ref(file.Record(file.Builtin(typeof(Version)), ZigZag(Any()), ZigZag(Any()), ZigZag(Any()), ZigZag(Any()))), "Version out of range");
                case 1:
                {
                    string text = random.Next(3) switch { 0 => "http://" + new string('a', random.Next(1, 70_000)), 1 => "\0:/\\", _ => "file:///" + string.Concat(Enumerable.Repeat("../", random.Next(1, 20_000))) };
                    return (Ref(file.Record(file.Builtin(typeof(Uri)), file.String(text), Byte(random.Next(3)))), $"Uri of {text.Length} chars");
                }
                case 2:
                    return (Struct(file.Builtin(typeof(DateOnly)), Long(Any())), "DateOnly out of range");
                case 3:
                    return (Struct(file.Builtin(typeof(TimeOnly)), random.Next(2) == 0 ? Long(Any()) : Int(1), Int(2)), "TimeOnly out of range or two parts");
                case 4:
                    return (Struct(file.Builtin(typeof(Int128)), ULong((ulong)Any())), "Int128 of one part");
                default:
                    return (Struct(file.Builtin(typeof(Complex)), Long(Any()), file.String("imaginary")), "Complex of a long and a string");
            }
        }
    }
}
