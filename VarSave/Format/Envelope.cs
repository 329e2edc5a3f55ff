using System;
using System.Security.Cryptography;

namespace VarSave.Format
{
    /// <summary>
    /// The header and trailer around a snapshot: signature, version, flags, an optional keyed
    /// signature and the checksum. Everything is checked here, before any content is read.
    /// </summary>
    internal static class Envelope
    {
        /// <summary>Writes the header; the body follows.</summary>
        public static void WriteHeader(ByteWriter file, bool signed)
        {
            file.WriteBytes(FormatConstants.Magic, 0, FormatConstants.Magic.Length);
            file.WriteUInt16(FormatConstants.Version);
            file.WriteByte(signed ? FormatConstants.SignedFlag : (byte)0);
        }

        /// <summary>Appends the signature (when a key is given) and the checksum.</summary>
        public static void WriteTrailer(ByteWriter file, byte[]? signingKey)
        {
            if (signingKey != null)
            {
                using var hmac = new HMACSHA256(signingKey);
                var signature = hmac.ComputeHash(file.UnsafeBuffer, 0, file.Length);
                file.WriteBytes(signature, 0, signature.Length);
            }
            file.WriteUInt32(Crc32C.Compute(file.UnsafeBuffer, 0, file.Length));
        }

        /// <summary>Checks everything around the body and returns where the body ends.</summary>
        public static int Check(byte[] data, byte[]? signingKey)
        {
            var magic = FormatConstants.Magic;
            int minimum = FormatConstants.HeaderLength + FormatConstants.ChecksumLength;
            if (data.Length < minimum)
                throw new SnapshotFormatException($"The snapshot is truncated: {data.Length} bytes, fewer than the {minimum} of an empty one.");
            for (int i = 0; i < magic.Length; i++)
                if (data[i] != magic[i])
                    throw new SnapshotFormatException("This is not a VarSave snapshot: it does not start with the VARSAVE signature.");
            int version = data[magic.Length] | data[magic.Length + 1] << 8;
            if (version != FormatConstants.Version)
                throw new SnapshotFormatException($"The snapshot has format version {version}; this VarSave reads version {FormatConstants.Version}.");
            byte flags = data[magic.Length + 2];
            if ((flags & ~FormatConstants.SignedFlag) != 0)
                throw new SnapshotFormatException($"The snapshot has unknown header flags 0x{flags:X2}.");

            int checksumAt = data.Length - FormatConstants.ChecksumLength;
            uint stored = (uint)(data[checksumAt] | data[checksumAt + 1] << 8 | data[checksumAt + 2] << 16 | data[checksumAt + 3] << 24);
            if (Crc32C.Compute(data, 0, checksumAt) != stored)
                throw new SnapshotFormatException("The snapshot is corrupt or truncated: its checksum does not match its contents.");

            bool signed = (flags & FormatConstants.SignedFlag) != 0;
            if (!signed)
            {
                if (signingKey != null)
                    throw new SnapshotFormatException("The snapshot is not signed, but ProgramState.SigningKey is set: this program loads only snapshots signed with its key.");
                return checksumAt;
            }
            int signatureAt = checksumAt - FormatConstants.SignatureLength;
            if (signatureAt < FormatConstants.HeaderLength)
                throw new SnapshotFormatException("The snapshot is truncated: it is marked signed but has no room for a signature.");
            if (signingKey != null)
            {
                using var hmac = new HMACSHA256(signingKey);
                var expected = hmac.ComputeHash(data, 0, signatureAt);
                int difference = 0;
                for (int i = 0; i < expected.Length; i++) difference |= expected[i] ^ data[signatureAt + i];
                if (difference != 0)
                    throw new SnapshotFormatException("The snapshot's signature does not match ProgramState.SigningKey: it was not written by this program, or it was altered.");
            }
            return signatureAt;
        }
    }
}
