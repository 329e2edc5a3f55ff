using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using VarSave.Benchmarks.Model;

namespace VarSave.Benchmarks
{
    /// <summary>
    /// How fast a load refuses damaged snapshots: the figure the fuzz tests used to assert (at least
    /// 100,000 loads in 30 s), measured here instead, where a loaded machine makes a slow figure and not
    /// a failed test. The workload's snapshot at N players is damaged at 1-4 random bytes and its CRC-32C
    /// re-sealed (otherwise the checksum refuses every copy at once), deterministically from --seed;
    /// each copy is loaded once per run and the median loads per second of the runs is reported.
    /// </summary>
    internal static class DamagedLoads
    {
        public static void Run(int n, int runs, int copies, int seed)
        {
            var engine = new VarSaveEngine();
            var prepared = Workload.For(n, engine);
            byte[] snapshot = prepared.Bytes[engine.Name];
            var random = new Random(seed);
            var damaged = Enumerable.Range(0, copies).Select(_ => Damage(snapshot, random)).ToArray();
            Console.WriteLine($"damaged: N = {n:N0}, snapshot {snapshot.Length:N0} bytes, {copies:N0} damaged copies (seed {seed}), median of {runs}; {Machine.Load()}");

            var rates = new List<double>();
            var outcomes = new Dictionary<string, int>();
            for (int run = 0; run < runs; run++)
            {
                var clock = Stopwatch.StartNew();
                foreach (var bytes in damaged)
                {
                    string outcome;
                    try
                    {
                        engine.Load(bytes);
                        outcome = "loaded";
                    }
                    catch (VarSaveException e)
                    {
                        outcome = e.GetType().Name;
                    }
                    if (run == 0) outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                }
                rates.Add(copies / clock.Elapsed.TotalSeconds);
            }
            GameState.World = prepared.World;
            rates.Sort();
            Console.WriteLine($"  {rates[rates.Count / 2]:N0} loads/s (runs: {string.Join(", ", rates.Select(r => r.ToString("N0")))})");
            Console.WriteLine("  outcomes: " + string.Join(", ", outcomes.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:N0}")));
        }

        private static byte[] Damage(byte[] snapshot, Random random)
        {
            var bytes = (byte[])snapshot.Clone();
            const int header = 11;
            for (int i = random.Next(1, 5); i > 0; i--) bytes[random.Next(header, bytes.Length - 4)] = (byte)random.Next(256);
            BitConverter.GetBytes(Crc32C(bytes, bytes.Length - 4)).CopyTo(bytes, bytes.Length - 4);
            return bytes;
        }

        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(i =>
        {
            uint c = (uint)i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1;
            return c;
        }).ToArray();

        /// <summary>CRC-32C (Castagnoli), the snapshot trailer's checksum, of the first <paramref name="length"/> bytes.</summary>
        private static uint Crc32C(byte[] data, int length)
        {
            uint crc = 0xFFFFFFFFu;
            for (int i = 0; i < length; i++) crc = Table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }
    }
}
