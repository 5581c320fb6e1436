using System.Text.RegularExpressions;

namespace Kasse.Server.Tests.Infrastructure;

/// <summary>
/// Finds what looks like a payment card number in any text or raw file: 13–19 digits (optionally grouped by
/// single spaces, not after a '-') in a card issuer range (ISO/IEC 7812: 2221–2720, or starting 3, 4, 5 or 6) that pass the Luhn
/// check, and are not part of a longer word (such as a hex hash). Numbers known to be something else (the
/// catalogue's EAN barcodes, which share the 57 prefix with Maestro) can be excused.
/// </summary>
public static partial class CardNumberScanner
{
    public static IReadOnlyList<string> Find(string text, IReadOnlySet<string>? knownNotCards = null)
    {
        var found = new List<string>();
        foreach (Match match in Candidate().Matches(text))
        {
            var digits = match.Value.Replace(" ", "", StringComparison.Ordinal);
            if (digits.Length is >= 13 and <= 19 && InIssuerRange(digits) && PassesLuhn(digits) && !IsKnown(digits, knownNotCards))
                found.Add(digits);
        }
        return found;
    }

    // In a raw database page a barcode can sit right next to a digit of the following field, so a known number
    // inside a longer run excuses it too.
    private static bool IsKnown(string digits, IReadOnlySet<string>? known) =>
        known is not null && (known.Contains(digits) || known.Any(k => k.Length >= 12 && digits.Contains(k, StringComparison.Ordinal)));

    private static bool InIssuerRange(string digits) =>
        digits[0] is '3' or '4' or '5' or '6' || (digits[0] == '2' && int.Parse(digits[..4], System.Globalization.CultureInfo.InvariantCulture) is >= 2221 and <= 2720);

    /// <summary>Fails the test with each card-like number in its surroundings, so a person can see where it came from.</summary>
    public static void AssertNone(string text, IReadOnlySet<string>? knownNotCards, string where)
    {
        var found = Find(text, knownNotCards);
        if (found.Count == 0)
            return;
        var contexts = found.Distinct().Select(number =>
        {
            var at = text.IndexOf(number, StringComparison.Ordinal);
            var from = Math.Max(0, (at < 0 ? 0 : at) - 60);
            var around = text.Substring(from, Math.Min(text.Length - from, 140));
            return $"{number} in: {new string(around.Select(c => char.IsControl(c) || c > '~' ? '.' : c).ToArray())}";
        });
        throw new Xunit.Sdk.XunitException($"Card-like numbers in {where}:\n" + string.Join("\n", contexts));
    }

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    // Not after '-': the last group of a UUID (12 hex characters, now and then all digits) followed in a raw
    // database page by a binary byte that happens to be an ASCII digit is not a card number.
    [GeneratedRegex(@"(?<![0-9A-Za-z-])\d(?: ?\d){12,18}(?![0-9A-Za-z])")]
    private static partial Regex Candidate();
}
