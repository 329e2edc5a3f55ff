namespace Game
{
    /// <summary>
    /// A deterministic xorshift64* generator whose whole state is one field, so VarSave saves
    /// it with the world (System.Random keeps its state in a BCL object that cannot be saved).
    /// </summary>
    internal sealed class Rng
    {
        private ulong _state;

        public Rng(ulong seed) => _state = seed * 0x9E3779B97F4A7C15UL | 1UL;

        public ulong State => _state;

        public ulong NextUInt64()
        {
            var x = _state;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            _state = x;
            return x * 0x2545F4914F6CDD1DUL;
        }

        /// <summary>A number in [0, <paramref name="bound"/>).</summary>
        public int Next(int bound) => (int)(NextUInt64() % (ulong)bound);

        /// <summary>True one time in <paramref name="n"/>.</summary>
        public bool OneIn(int n) => Next(n) == 0;
    }
}
