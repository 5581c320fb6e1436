namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>
/// A store's one-line address ("Vestergade 5, 5970 Ærøskøbing") split into the parts SAF-T asks for. A part
/// that can't be told apart is written as "-", so the file stays valid and the auditor sees it is unknown.
/// </summary>
public sealed record SaftAddress(string Street, string Number, string PostalCode, string City)
{
    public const string Unknown = "-";

    public static SaftAddress Parse(string address)
    {
        var comma = address.LastIndexOf(',');
        var streetPart = (comma < 0 ? address : address[..comma]).Trim();
        var placePart = comma < 0 ? "" : address[(comma + 1)..].Trim();

        var (street, number) = SplitLast(streetPart);
        var (postalCode, city) = SplitFirst(placePart);
        return new SaftAddress(Limit(street, 100), Limit(number, 20), Limit(postalCode, 20), Limit(city, 50));
    }

    private static (string Street, string Number) SplitLast(string text)
    {
        var space = text.LastIndexOf(' ');
        if (space > 0 && char.IsAsciiDigit(text[space + 1]))
            return (text[..space].Trim(), text[(space + 1)..]);
        return (text, Unknown);
    }

    private static (string PostalCode, string City) SplitFirst(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && text[..space].All(c => char.IsAsciiDigit(c) || c == '-'))
            return (text[..space], text[(space + 1)..].Trim());
        return (Unknown, text);
    }

    private static string Limit(string text, int length) =>
        text.Length == 0 ? Unknown : text.Length <= length ? text : text[..length];
}
