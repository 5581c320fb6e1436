namespace Kasse.Domain.Payments;

/// <summary>
/// The card facts a merchant may keep (PCI DSS): the scheme, the last four digits, the authorisation code.
/// Built from what a terminal sends, so a careless or hostile answer can never put a card number in the database.
/// </summary>
public sealed record CardDetails(string? Scheme, string? LastFour, string? AuthorisationCode)
{
    public const int MaxSchemeLength = 32;
    public const int MaxAuthorisationCodeLength = 12;

    public static readonly CardDetails None = new(null, null, null);

    /// <param name="maskedPan">E.g. "457173******0010"; only its last four digits are kept.</param>
    public static CardDetails From(string? scheme, string? maskedPan, string? authorisationCode) =>
        new(CleanScheme(scheme), LastFourOf(maskedPan), CleanCode(authorisationCode));

    private static string? CleanScheme(string? scheme)
    {
        // A scheme is a name ("Dankort", "Visa/Dankort"): digits have no place in it.
        var kept = new string((scheme ?? "").Where(c => char.IsLetter(c) || c is ' ' or '/' or '-').ToArray()).Trim();
        return kept.Length == 0 ? null : kept[..Math.Min(kept.Length, MaxSchemeLength)];
    }

    private static string? LastFourOf(string? maskedPan)
    {
        var digits = (maskedPan ?? "").Trim();
        if (digits.Length < 4)
            return null;
        var lastFour = digits[^4..];
        return lastFour.All(char.IsAsciiDigit) ? lastFour : null;
    }

    private static string? CleanCode(string? code)
    {
        var trimmed = (code ?? "").Trim();
        // An approval code is short; anything long enough to be a card number is refused, not truncated.
        return trimmed.Length is > 0 and <= MaxAuthorisationCodeLength && trimmed.All(char.IsAsciiLetterOrDigit) ? trimmed : null;
    }
}
