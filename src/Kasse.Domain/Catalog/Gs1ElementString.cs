using System.Globalization;
using System.Text;

namespace Kasse.Domain.Catalog;

/// <summary>
/// A GS1 element string as a scanner sends it from a GS1-128 or GS1 DataMatrix label: application
/// identifiers (AIs) and their data, e.g. (01) GTIN, (3103) net weight in kg with 3 decimals, (15) best before.
/// Variable-length fields end at the FNC1 separator (ASCII 29, GS) or the end of the code.
/// </summary>
public sealed class Gs1ElementString
{
    /// <summary>FNC1 as a keyboard-wedge scanner types it between variable-length fields.</summary>
    public const char GroupSeparator = '\u001D';

    // GS1 General Specifications: symbology identifiers a scanner may send first (GS1-128, GS1 DataMatrix, GS1 QR, GS1 DataBar).
    private static readonly string[] SymbologyPrefixes = ["]C1", "]d2", "]Q3", "]e0"];

    private readonly Dictionary<string, string> _elements;

    private Gs1ElementString(Dictionary<string, string> elements) => _elements = elements;

    public IReadOnlyDictionary<string, string> Elements => _elements;

    /// <summary>AI 01, the trade item's GTIN-14.</summary>
    public string? Gtin14 => _elements.GetValueOrDefault("01");

    /// <summary>AI 310n: net weight in kg, n decimals.</summary>
    public decimal? NetWeightKg => Decimal("310");

    /// <summary>AI 392n: the amount payable for a variable-measure item, n decimals, in the local currency.</summary>
    public decimal? Price => Decimal("392");

    /// <summary>AI 15: best before.</summary>
    public DateOnly? BestBefore => Date("15");

    /// <summary>AI 17: expiry ("sidste anvendelsesdato").</summary>
    public DateOnly? Expiry => Date("17");

    /// <summary>AI 10: batch or lot number.</summary>
    public string? Batch => _elements.GetValueOrDefault("10");

    /// <summary>
    /// Whether a scan is a GS1 element string rather than a plain EAN/UPC: a symbology prefix such as ]C1,
    /// an FNC1 separator, the "(01)…" form printed under the bars, or AI 01 followed by more than a GTIN.
    /// </summary>
    public static bool IsElementString(string scanned)
    {
        var s = scanned.Trim();
        return SymbologyPrefixes.Any(p => s.StartsWith(p, StringComparison.Ordinal))
            || s.Contains(GroupSeparator, StringComparison.Ordinal)
            || s.StartsWith('(')
            || (s.Length > 16 && s.StartsWith("01", StringComparison.Ordinal) && s.All(char.IsAsciiDigit));
    }

    public static Gs1ElementString Parse(string scanned)
    {
        var data = Normalise(scanned);
        var elements = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < data.Length)
        {
            if (data[i] == GroupSeparator)
            {
                i++;
                continue;
            }
            var (ai, field) = Gs1ApplicationIdentifiers.At(data, i)
                ?? throw Invalid(scanned, $"it has an application identifier Kasse does not know at '{Gtin.Shorten(data[i..])}'");
            i += ai.Length;
            var end = field.Fixed
                ? i + field.Length
                : Math.Min(IndexOfSeparator(data, i), i + field.Length);
            if (end > data.Length || end == i)
                throw Invalid(scanned, $"AI ({ai}) is {(field.Fixed ? "shorter than its " + field.Length.ToString(CultureInfo.InvariantCulture) + " characters" : "empty")}");
            var value = data[i..end];
            if (field.Numeric && !value.All(char.IsAsciiDigit))
                throw Invalid(scanned, $"AI ({ai}) must hold digits only, not '{value}'");
            if (!elements.TryAdd(ai, value))
                throw Invalid(scanned, $"AI ({ai}) appears twice");
            i = end;
        }
        if (elements.Count == 0)
            throw Invalid(scanned, "it holds no data");
        var result = new Gs1ElementString(elements);
        result.Validate(scanned);
        return result;
    }

    /// <summary>
    /// The GTIN as products are looked up: a GTIN-14 with indicator 0 is its EAN-13 (or EAN-8, or the UPC-A
    /// in EAN-13 form), as stored in the catalogue.
    /// </summary>
    public string? LookupCode => Gtin14 switch
    {
        null => null,
        var g when g.StartsWith("000000", StringComparison.Ordinal) => g[6..],
        var g when g[0] == '0' => g[1..],
        var g => g,
    };

    private void Validate(string scanned)
    {
        foreach (var ai in new[] { "00", "01", "02" })
            if (_elements.TryGetValue(ai, out var number) && !Gtin.HasValidCheckDigit(number))
                throw Invalid(scanned, $"the number in AI ({ai}) has a wrong check digit");
        foreach (var (ai, value) in _elements)
        {
            if (ai.Length == 2 && ai[0] == '1' && ai[1] is '1' or '2' or '3' or '5' or '6' or '7' && ParseDate(value) is null)
                throw Invalid(scanned, $"AI ({ai}) holds '{value}', which is not a date (YYMMDD)");
        }
        if (NetWeightKg is 0m || Price is 0m)
            throw Invalid(scanned, "it carries a weight or price of zero; weigh or label the item again");
    }

    private decimal? Decimal(string prefix)
    {
        var (ai, value) = _elements.FirstOrDefault(e => e.Key.Length == 4 && e.Key.StartsWith(prefix, StringComparison.Ordinal));
        if (ai is null)
            return null;
        var decimals = ai[3] - '0';
        return decimal.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) / (decimal)Math.Pow(10, decimals);
    }

    private DateOnly? Date(string ai) => _elements.TryGetValue(ai, out var value) ? ParseDate(value) : null;

    /// <summary>YYMMDD; day 00 means the last day of the month (GS1 General Specifications 7.12). Years are 2000–2099.</summary>
    private static DateOnly? ParseDate(string value)
    {
        if (value.Length != 6 || !value.All(char.IsAsciiDigit))
            return null;
        var year = 2000 + int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(value.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(value.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
            return null;
        var last = DateTime.DaysInMonth(year, month);
        if (day > last)
            return null;
        return new DateOnly(year, month, day == 0 ? last : day);
    }

    /// <summary>Drops the symbology prefix and turns the printed "(01)…(3103)…" form into the scanner's form.</summary>
    private static string Normalise(string scanned)
    {
        var s = scanned.Trim();
        foreach (var prefix in SymbologyPrefixes)
            if (s.StartsWith(prefix, StringComparison.Ordinal))
                s = s[prefix.Length..];
        if (!s.StartsWith('('))
            return s;
        var data = new StringBuilder();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] != '(')
                throw Invalid(scanned, "in the printed form every application identifier stands in brackets");
            var close = s.IndexOf(')', i);
            if (close < 0)
                throw Invalid(scanned, "a bracket is not closed");
            var next = s.IndexOf('(', close);
            if (next < 0) next = s.Length;
            if (data.Length > 0)
                data.Append(GroupSeparator);
            data.Append(s.AsSpan(i + 1, close - i - 1)).Append(s.AsSpan(close + 1, next - close - 1));
            i = next;
        }
        return data.ToString();
    }

    private static int IndexOfSeparator(string data, int from)
    {
        var at = data.IndexOf(GroupSeparator, from);
        return at < 0 ? data.Length : at;
    }

    private static DomainException Invalid(string scanned, string why) =>
        DomainException.Invalid(BarcodeErrors.Gs1, $"The GS1 code '{Gtin.Shorten(scanned.Replace(GroupSeparator, '|'))}' can't be read: {why}. Scan it again or type the GTIN.");
}

/// <summary>The application identifiers Kasse reads, with their data lengths (GS1 General Specifications, section 3).</summary>
internal static class Gs1ApplicationIdentifiers
{
    public sealed record Field(int Length, bool Fixed, bool Numeric);

    private static readonly Field Date = new(6, true, true);

    // Two-digit AIs.
    private static readonly Dictionary<string, Field> Two = new(StringComparer.Ordinal)
    {
        ["00"] = new(18, true, true), // SSCC
        ["01"] = new(14, true, true), // GTIN
        ["02"] = new(14, true, true), // GTIN of contained items
        ["10"] = new(20, false, false), // batch/lot
        ["11"] = Date, ["12"] = Date, ["13"] = Date, ["15"] = Date, ["16"] = Date, ["17"] = Date,
        ["20"] = new(2, true, true), // variant
        ["21"] = new(20, false, false), // serial number
        ["22"] = new(20, false, false),
        ["30"] = new(8, false, true), // variable count
        ["37"] = new(8, false, true), // count of trade items
        ["90"] = new(30, false, false), // internal to a company
        ["91"] = new(90, false, false), ["92"] = new(90, false, false), ["93"] = new(90, false, false), ["94"] = new(90, false, false),
        ["95"] = new(90, false, false), ["96"] = new(90, false, false), ["97"] = new(90, false, false), ["98"] = new(90, false, false),
        ["99"] = new(90, false, false),
    };

    public static (string Ai, Field Field)? At(string data, int i)
    {
        if (i + 2 > data.Length)
            return null;
        var two = data.Substring(i, 2);
        if (Two.TryGetValue(two, out var field))
            return (two, field);
        if (i + 4 > data.Length || data.AsSpan(i, 4).ContainsAnyExceptInRange('0', '9'))
            return null;
        var four = data.Substring(i, 4);
        // 310n–369n: measures (weights, lengths, volumes) with n decimals, always 6 digits.
        if (two[0] == '3' && two[1] is >= '1' and <= '6')
            return (four, new Field(6, true, true));
        // 390n/392n: amounts with n decimals; 391n/393n: ISO currency code then the amount.
        return four[..3] switch
        {
            "390" or "392" => (four, new Field(15, false, true)),
            "391" or "393" => (four, new Field(18, false, true)),
            _ => null,
        };
    }
}
