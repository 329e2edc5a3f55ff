using System;
using System.Collections.Generic;
using System.Numerics;
using VarSave.Codecs.Values;

namespace VarSave.Codecs.Numerics
{
    /// <summary>The numeric structs of the BCL, each as its exact bits.</summary>
    internal static class NumericValues
    {
        public static void AddTo(Dictionary<Type, ValueCodec> codecs)
        {
            codecs.Add(typeof(BigInteger), ValueCodec.Of<BigInteger>(BigIntegerParts, BigIntegerFrom));
            codecs.Add(typeof(Complex), ValueCodec.Of<Complex>(
                c => new object?[] { c.Real, c.Imaginary },
                p => new Complex(p.Expect(2).Get<double>(0), p.Get<double>(1))));
#if NET
            codecs.Add(typeof(Half), ValueCodec.Of<Half>(
                h => new object?[] { BitConverter.HalfToUInt16Bits(h) },
                p => BitConverter.UInt16BitsToHalf(p.Expect(1).Get<ushort>(0))));
            codecs.Add(typeof(Int128), ValueCodec.Of<Int128>(
                v => new object?[] { (ulong)(v >> 64), (ulong)v },
                p => new Int128(p.Expect(2).Get<ulong>(0), p.Get<ulong>(1))));
            codecs.Add(typeof(UInt128), ValueCodec.Of<UInt128>(
                v => new object?[] { (ulong)(v >> 64), (ulong)v },
                p => new UInt128(p.Expect(2).Get<ulong>(0), p.Get<ulong>(1))));
#endif
        }

        // Two's complement little-endian bytes, eight to a part after the byte count: linear both ways.
        private static object?[] BigIntegerParts(BigInteger value)
        {
            var bytes = value.ToByteArray();
            var parts = new object?[1 + (bytes.Length + 7) / 8];
            parts[0] = bytes.Length;
            for (int i = 0; i < bytes.Length; i += 8)
            {
                ulong word = 0;
                for (int b = 0; b < 8 && i + b < bytes.Length; b++) word |= (ulong)bytes[i + b] << (8 * b);
                parts[1 + i / 8] = word;
            }
            return parts;
        }

        private static BigInteger BigIntegerFrom(ValueParts parts)
        {
            int length = parts.Get<int>(0);
            if (length < 1 || parts.Count != 1 + (length + 7) / 8) throw new ArgumentException($"{parts.Count - 1} words for {length} bytes");
            var bytes = new byte[length];
            for (int i = 0; i < length; i += 8)
            {
                ulong word = parts.Get<ulong>(1 + i / 8);
                for (int b = 0; b < 8 && i + b < length; b++) bytes[i + b] = (byte)(word >> (8 * b));
            }
            return new BigInteger(bytes);
        }
    }
}
