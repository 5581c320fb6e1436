namespace Kasse.Domain.Stores;

/// <summary>
/// The shop's own lines at the top and bottom of every receipt (opening hours, a web address, "Bytteret 30 dage").
/// A few short lines: they print on 58 mm paper too, so longer ones wrap.
/// </summary>
public static class ReceiptTexts
{
    public const int MaxLines = 6;
    public const int MaxLength = 300;

    /// <summary>Trimmed lines joined by \n, or null when there is nothing to print.</summary>
    public static string? Valid(string? text, string code, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        while (lines.Count > 0 && lines[0].Length == 0)
            lines.RemoveAt(0);
        if (lines.Count > MaxLines)
            throw DomainException.Invalid(code, $"{what} can have at most {MaxLines} lines; this one has {lines.Count}.");
        if (lines.Any(l => l.Any(char.IsControl)))
            throw DomainException.Invalid(code, $"{what} must not contain control characters.");
        var joined = string.Join('\n', lines);
        if (joined.Length > MaxLength)
            throw DomainException.Invalid(code, $"{what} can be at most {MaxLength} characters; this one has {joined.Length}.");
        return joined;
    }
}
