using System;

namespace VarSave.Format
{
    /// <summary>Refuses signing keys short enough to be guessed from one signed snapshot.</summary>
    internal static class SigningKeys
    {
        /// <summary>Returns <paramref name="key"/> if it is null or long enough; throws otherwise.</summary>
        public static byte[]? Checked(byte[]? key)
        {
            if (key != null && key.Length < ProgramState.MinimumSigningKeyBytes)
                throw new ArgumentException(
                    $"ProgramState.SigningKey is {key.Length} bytes; it must be at least {ProgramState.MinimumSigningKeyBytes} bytes of secret random data, " +
                    "or anyone can recover it from one signed snapshot and sign snapshots of their own. " +
                    "Generate one with System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), store it outside the snapshot, and set it before saving or loading.",
                    "value");
            return key;
        }
    }
}
