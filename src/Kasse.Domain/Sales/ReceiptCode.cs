using System.Globalization;
using System.Numerics;

namespace Kasse.Domain.Sales;

/// <summary>
/// What the barcode on a receipt holds: the sale's id as 39 decimal digits. Digits-only keeps the CODE128
/// symbol short (two digits a symbol) so it fits 58 mm paper, and a return scans it straight back to the sale.
/// </summary>
public static class ReceiptCode
{
    public const int Length = 39;

    public static string For(Guid saleId) =>
        new BigInteger(saleId.ToByteArray(bigEndian: true), isUnsigned: true, isBigEndian: true)
            .ToString(CultureInfo.InvariantCulture).PadLeft(Length, '0');

    public static bool TryParse(string? code, out Guid saleId)
    {
        saleId = Guid.Empty;
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length != Length || !trimmed.All(char.IsAsciiDigit))
            return false;
        var value = BigInteger.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > 16)
            return false;
        var padded = new byte[16];
        bytes.CopyTo(padded, 16 - bytes.Length);
        saleId = new Guid(padded, bigEndian: true);
        return true;
    }
}
