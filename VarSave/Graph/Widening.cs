using System;
using System.Globalization;

namespace VarSave.Graph
{
    /// <summary>
    /// The numeric conversions C# makes implicitly (int to long, float to double, ...): a field
    /// widened since the save takes its old value. Anything narrower would lose data and fails.
    /// </summary>
    internal static class Widening
    {
        public static bool TryWiden(object value, Type target, out object widened)
        {
            widened = value;
            var to = Nullable.GetUnderlyingType(target) ?? target;
            var from = Type.GetTypeCode(value.GetType());
            if (value.GetType().IsEnum || to.IsEnum || !Allowed(from, Type.GetTypeCode(to))) return false;
            // Convert refuses char to floating point, which C# widens implicitly: go through its code.
            if (value is char c) value = (ushort)c;
            widened = Convert.ChangeType(value, to, CultureInfo.InvariantCulture);
            return true;
        }

        private static bool Allowed(TypeCode from, TypeCode to)
        {
            switch (from)
            {
                case TypeCode.SByte: return to is TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;
                case TypeCode.Byte: return to is TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;
                case TypeCode.Int16: return to is TypeCode.Int32 or TypeCode.Int64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;
                case TypeCode.UInt16:
                case TypeCode.Char: return to is TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;
                case TypeCode.Int32: return to is TypeCode.Int64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;
                case TypeCode.UInt32: return to is TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;
                case TypeCode.Int64:
                case TypeCode.UInt64: return to is TypeCode.Single or TypeCode.Double or TypeCode.Decimal;
                case TypeCode.Single: return to == TypeCode.Double;
                default: return false;
            }
        }
    }
}
