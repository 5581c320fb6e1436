using System.Text.RegularExpressions;

namespace Kasse.Server.Tests.Infrastructure;

/// <summary>
/// Finds what looks like a payment card number in any text or raw file: 13–19 digits (optionally grouped by
/// single spaces) that pass the Luhn check, and are not part of a longer word (such as a hex hash).
/// </summary>
public static partial class CardNumberScanner
{
    public static IReadOnlyList<string> Find(string text)
    {
        var found = new List<string>();
        foreach (Match match in Candidate().Matches(text))
        {
            var digits = match.Value.Replace(" ", "", StringComparison.Ordinal);
            if (digits.Length is >= 13 and <= 19 && PassesLuhn(digits))
                found.Add(digits);
        }
        return found;
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

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d(?: ?\d){12,18}(?![0-9A-Za-z])")]
    private static partial Regex Candidate();
}
