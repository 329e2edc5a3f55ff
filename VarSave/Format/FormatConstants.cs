namespace VarSave.Format
{
    /// <summary>
    /// The layout of a snapshot file, in order:
    /// <code>
    /// header   magic "VARSAVE" 0x1A, u16 format version, u8 flags (1 = signed)
    /// types    varint count, then one descriptor per type (see TypeKind)
    /// strings  varint count, then each distinct string once (varint byte length, UTF-8)
    /// objects  varint count, then per object: varint type id, u32 payload length, payload
    /// roots    statics (varint count; type id, names, values) then locals (varint count; name, value)
    /// trailer  [32-byte HMAC-SHA256 of every byte before it, when signed] u32 CRC-32C of every byte before it
    /// </code>
    /// </summary>
    internal static class FormatConstants
    {
        public static readonly byte[] Magic = { (byte)'V', (byte)'A', (byte)'R', (byte)'S', (byte)'A', (byte)'V', (byte)'E', 0x1A };
        public const ushort Version = 1;
        /// <summary>Magic, version, flags.</summary>
        public const int HeaderLength = 11;
        public const int ChecksumLength = 4;
        public const int SignatureLength = 32;

        /// <summary>Header flag: an HMAC-SHA256 signature precedes the checksum.</summary>
        public const byte SignedFlag = 1;

        /// <summary>Deepest nesting of struct values a save writes (types are finite; this bounds cycles through boxed structs).</summary>
        public const int MaxStructDepth = 64;
        /// <summary>Most generic arguments or array rank a type descriptor may carry.</summary>
        public const int MaxTypeArity = 32;
    }

    /// <summary>How one entry of the type table is described.</summary>
    internal enum TypeKind : byte
    {
        /// <summary>A fixed BCL type: u8 <see cref="Codecs.BuiltinTypes"/> code.</summary>
        Builtin = 1,
        /// <summary>A generic BCL type: u8 definition code, then each argument's type id.</summary>
        BuiltinGeneric = 2,
        /// <summary>A woven type: key, argument count and ids, field count and names.</summary>
        Woven = 3,
        /// <summary>An array: element type id, then rank (0 means a single-dimension zero-based vector).</summary>
        Array = 4,
        /// <summary>A delegate target: its stable method key, then the delegate type's id.</summary>
        Method = 5,
        /// <summary>
        /// A delegate target in generic code: its stable method key, the delegate type's id, then the
        /// type argument count and ids of the method's declaring type, then of the method itself.
        /// </summary>
        GenericMethod = 6,
        /// <summary>
        /// A delegate type named by a registration that vouches for it (its signature may name types
        /// nothing else could, such as Task): the key of a method woven code makes into it, then the type's name.
        /// </summary>
        RegisteredDelegate = 7,
        /// <summary>A type the program saves through a registered surrogate (<see cref="Surrogates"/>): its key.</summary>
        Surrogate = 8,
    }

    /// <summary>The first byte of every value. Values of reference types are written once, as objects, and referred to by <see cref="Ref"/>.</summary>
    internal enum ValueTag : byte
    {
        Null = 0,
        False = 1,
        True = 2,
        /// <summary>zig-zag varint</summary>
        Int32 = 3,
        /// <summary>zig-zag varint</summary>
        Int64 = 4,
        Byte = 5,
        SByte = 6,
        Int16 = 7,
        UInt16 = 8,
        /// <summary>varint</summary>
        UInt32 = 9,
        /// <summary>varint</summary>
        UInt64 = 10,
        Char = 11,
        Single = 12,
        Double = 13,
        /// <summary>four i32 words</summary>
        Decimal = 14,
        /// <summary>varint index into the string table (each distinct string is stored once)</summary>
        String = 15,
        /// <summary>i64 DateTime.ToBinary</summary>
        DateTime = 16,
        /// <summary>i64 ticks, i16 offset minutes</summary>
        DateTimeOffset = 17,
        /// <summary>i64 ticks</summary>
        TimeSpan = 18,
        /// <summary>16 bytes</summary>
        Guid = 19,
        /// <summary>type id, zig-zag varint of the underlying value</summary>
        Enum = 20,
        /// <summary>object id</summary>
        Ref = 21,
        /// <summary>type id, varint value count, values: a woven struct, a ValueTuple or a KeyValuePair</summary>
        Struct = 22,
        /// <summary>string key of an object saved by reference to the loading program (<see cref="IExternalReferences"/>)</summary>
        External = 23,
    }
}
