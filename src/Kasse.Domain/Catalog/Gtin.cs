namespace Kasse.Domain.Catalog;

public enum GtinKind
{
    Ean13,
    Ean8,
    UpcA,
}

/// <summary>
/// GS1 trade item numbers as printed under a barcode: EAN-13, EAN-8 and UPC-A, with the GS1 mod-10
/// check digit. UPC-A is stored as its EAN-13 form (a leading zero) so both scans find the product.
/// </summary>
public static class Gtin
{
    public static bool IsAllDigits(string code) => code.Length > 0 && code.All(char.IsAsciiDigit);

    /// <summary>The GS1 check digit for the digits before it (weights 3,1,3,… from the right).</summary>
    public static int CheckDigitFor(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var digit = payload[payload.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - (sum % 10)) % 10;
    }

    public static bool HasValidCheckDigit(string code) =>
        IsAllDigits(code) && code.Length >= 2 && CheckDigitFor(code.AsSpan(0, code.Length - 1)) == code[^1] - '0';

    /// <summary>Validates a scanned or typed code and returns its normalised form, or throws a clear error.</summary>
    public static (string Normalised, GtinKind Kind) Parse(string code)
    {
        var trimmed = code.Trim();
        if (!IsAllDigits(trimmed))
            throw DomainException.Invalid(BarcodeErrors.NotDigits, $"Barcode '{Shorten(trimmed)}' must contain digits only.");
        var kind = trimmed.Length switch
        {
            13 => GtinKind.Ean13,
            8 => GtinKind.Ean8,
            12 => GtinKind.UpcA,
            _ => throw DomainException.Invalid(BarcodeErrors.Length,
                $"Barcode '{Shorten(trimmed)}' has {trimmed.Length} digits; EAN-13 has 13, EAN-8 has 8 and UPC-A has 12."),
        };
        if (!HasValidCheckDigit(trimmed))
        {
            var expected = CheckDigitFor(trimmed.AsSpan(0, trimmed.Length - 1));
            throw DomainException.Invalid(BarcodeErrors.CheckDigit,
                $"Barcode '{trimmed}' has a wrong check digit (the last digit should be {expected}). Scan it again or type it carefully.");
        }
        return (kind == GtinKind.UpcA ? "0" + trimmed : trimmed, kind);
    }

    public static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
