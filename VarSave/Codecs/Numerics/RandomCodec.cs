#if NET
using System;
using System.Linq;
using System.Reflection;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs.Numerics
{
    /// <summary>
    /// <see cref="Random"/>, saved as its generator's state so that a loaded one continues exactly the
    /// sequence an uninterrupted run would draw. An unseeded <c>new Random()</c> is the runtime's
    /// xoshiro generator (four state words); a seeded <c>new Random(seed)</c> is the .NET Framework
    /// compatible subtractive generator (56 words and two indexes). Loading makes a Random of the same
    /// kind through its public constructor and sets the state words; an all-zero xoshiro state and
    /// indexes outside the 56 words are refused. <c>Random.Shared</c> is process state: it is saved as
    /// "the shared instance" and loads as the loading process's own. The state lives in private fields
    /// of the runtime, read by name; a runtime whose generators have other fields refuses to save them.
    /// </summary>
    internal sealed class RandomCodec : Values.ImmutableObjectCodec
    {
        private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        private const byte Shared = 0, Xoshiro = 1, Seeded = 2;
        private const int SeedWords = 56;

        private static readonly FieldInfo? Impl = typeof(Random).GetField("_impl", Private);
        private static readonly Type? SharedType = Random.Shared.GetType();

        public static readonly RandomCodec Instance = new RandomCodec();

        /// <summary>Random itself and the type of Random.Shared; a subclass keeps state this codec cannot see.</summary>
        public static bool Handles(Type type) => Impl != null && (type == typeof(Random) || type == SharedType);

        public override void Write(object value, StateWriter writer)
        {
            var output = writer.Output;
            if (ReferenceEquals(value, Random.Shared))
            {
                output.WriteByte(Shared);
                return;
            }
            var impl = Impl!.GetValue(value)!;
            var implType = impl.GetType();
            if (implType.GetField("_s0", Private) != null)
            {
                output.WriteByte(Xoshiro);
                var words = XoshiroFields(implType);
                output.WriteCount(words.Length);
                foreach (var word in words) output.WriteUInt64(System.Convert.ToUInt64(word.GetValue(impl)));
                return;
            }
            var prng = implType.GetField("_prng", Private);
            if (prng == null) throw writer.Unsaveable(typeof(Random), $"this runtime's Random uses a generator VarSave does not know ({implType.Name}).");
            var state = prng.GetValue(impl)!;
            var stateType = state.GetType();
            var seeds = (int[])stateType.GetField("_seedArray", Private)!.GetValue(state)!;
            output.WriteByte(Seeded);
            output.WriteVarInt((int)stateType.GetField("_inext", Private)!.GetValue(state)!);
            output.WriteVarInt((int)stateType.GetField("_inextp", Private)!.GetValue(state)!);
            output.WriteCount(seeds.Length);
            foreach (int seed in seeds) output.WriteUInt32((uint)seed);
        }

        protected override object Read(StateReader reader, LoadedType type)
        {
            var input = reader.Input;
            byte kind = input.ReadByte();
            switch (kind)
            {
                case Shared: return Random.Shared;
                case Xoshiro:
                {
                    var random = new Random();
                    var impl = Impl!.GetValue(random)!;
                    var words = XoshiroFields(impl.GetType());
                    int count = input.ReadCount("Random state word");
                    if (count != words.Length) throw new SnapshotMismatchException($"The snapshot holds a Random with {count} state words; this runtime's has {words.Length}.");
                    bool allZero = true;
                    foreach (var word in words)
                    {
                        ulong bits = input.ReadUInt64();
                        if (word.FieldType == typeof(uint) && bits > uint.MaxValue) throw input.Corrupt("a Random state word is out of range");
                        allZero &= bits == 0;
                        word.SetValue(impl, word.FieldType == typeof(uint) ? (object)(uint)bits : bits);
                    }
                    if (allZero) throw input.Corrupt("a Random has an all-zero state");
                    return random;
                }
                case Seeded:
                {
                    long next = input.ReadVarInt(), nextP = input.ReadVarInt();
                    int count = input.ReadCount("Random seed word");
                    if (count != SeedWords || next < 0 || next >= SeedWords || nextP < 0 || nextP >= SeedWords)
                        throw input.Corrupt("a seeded Random's state is out of range");
                    var seeds = new int[SeedWords];
                    for (int i = 0; i < SeedWords; i++) seeds[i] = (int)input.ReadUInt32();
                    var random = new Random(0);
                    var impl = Impl!.GetValue(random)!;
                    var prng = impl.GetType().GetField("_prng", Private)
                        ?? throw new SnapshotMismatchException("The snapshot holds a seeded Random, whose generator this runtime does not have.");
                    var state = prng.GetValue(impl)!;
                    var stateType = state.GetType();
                    stateType.GetField("_seedArray", Private)!.SetValue(state, seeds);
                    stateType.GetField("_inext", Private)!.SetValue(state, (int)next);
                    stateType.GetField("_inextp", Private)!.SetValue(state, (int)nextP);
                    prng.SetValue(impl, state);
                    return random;
                }
                default: throw input.Corrupt($"unknown Random kind {kind}");
            }
        }

        private static FieldInfo[] XoshiroFields(Type implType) =>
            new[] { "_s0", "_s1", "_s2", "_s3" }.Select(name => implType.GetField(name, Private)!).ToArray();
    }
}
#endif
