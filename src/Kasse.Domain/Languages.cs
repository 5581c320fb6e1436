namespace Kasse.Domain;

/// <summary>The languages Kasse speaks, as two-letter ISO 639-1 codes: a store's default and each person's own.</summary>
public static class Languages
{
    public const string Danish = "da";
    public const string English = "en";
    public const int MaxLength = 2;

    public static readonly IReadOnlyList<string> All = [Danish, English];

    public static string Valid(string? code, string errorCode)
    {
        var trimmed = code?.Trim().ToLowerInvariant() ?? "";
        return All.Contains(trimmed)
            ? trimmed
            : throw DomainException.Invalid(errorCode, $"Language must be one of {string.Join(", ", All)}; got '{code}'.");
    }
}
