namespace Kasse.Domain;

/// <summary>Guards for text that people type: required, trimmed, and of a length the receipt can print.</summary>
public static class Text
{
    public static string Required(string? value, int maxLength, string code, string what)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw DomainException.Invalid(code, $"{what} is required.");
        if (trimmed.Length > maxLength)
            throw DomainException.Invalid(code, $"{what} can be at most {maxLength} characters; this one has {trimmed.Length}.");
        if (trimmed.Any(char.IsControl))
            throw DomainException.Invalid(code, $"{what} must not contain control characters.");
        return trimmed;
    }

    public static string? Optional(string? value, int maxLength, string code, string what) =>
        string.IsNullOrWhiteSpace(value) ? null : Required(value, maxLength, code, what);
}
