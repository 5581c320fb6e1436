using System.Globalization;

namespace Kasse.Browser.Tests.BackOffice;

/// <summary>Makes valid EAN-13 codes for products a test creates (GS1 mod-10 check digit).</summary>
public static class Ean
{
    public static string With12(string first12)
    {
        var sum = first12.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return first12 + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A code no other test uses: the in-store range 20–29 is for scale labels, so 57 (Denmark) with random digits.</summary>
    public static string Fresh() => With12("57" + Random.Shared.NextInt64(1_000_000_000L, 9_999_999_999L).ToString(CultureInfo.InvariantCulture));
}
