using System.Globalization;

namespace Kasse.Server.Ui.Localization;

/// <summary>A language the UI speaks, with the culture that formats its numbers, dates and money.</summary>
public sealed record UiLanguage(string Code, string NativeName, CultureInfo Culture);

public static class UiLanguages
{
    public static readonly UiLanguage Danish = new("da", "Dansk", CultureInfo.GetCultureInfo("da-DK"));
    public static readonly UiLanguage English = new("en", "English", CultureInfo.GetCultureInfo("en-GB"));
    public static readonly IReadOnlyList<UiLanguage> All = [Danish, English];

    public static UiLanguage Current =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English.Code ? English : Danish;

    public static UiLanguage? Find(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Money, quantities and times the way the person's language writes them (da-DK: 1.234,50 kr.; en: DKK 1,234.50).</summary>
public static class Formats
{
    public static string Money(decimal amount, string currency = "DKK")
    {
        var culture = CultureInfo.CurrentCulture;
        var number = amount.ToString("#,##0.00", culture);
        return UiLanguages.Current == UiLanguages.Danish && currency == "DKK" ? number + " kr." : currency + " " + number;
    }

    /// <summary>The amount alone, for columns that already say the currency.</summary>
    public static string Amount(decimal amount) => amount.ToString("#,##0.00", CultureInfo.CurrentCulture);

    public static string Quantity(decimal quantity) =>
        quantity == decimal.Truncate(quantity) ? quantity.ToString("0", CultureInfo.CurrentCulture) : quantity.ToString("0.###", CultureInfo.CurrentCulture);

    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.CurrentCulture) + " %";

    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>Reads an amount typed by a person: "12,50" and "12.50" both mean twelve fifty; null if it is not a number.</summary>
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("kr.", "", StringComparison.OrdinalIgnoreCase)
            .Replace("kr", "", StringComparison.OrdinalIgnoreCase);
        // A single separator followed by one or two digits is the decimal mark, whichever it is.
        var last = Math.Max(t.LastIndexOf(','), t.LastIndexOf('.'));
        if (last >= 0 && t.Length - last - 1 is 1 or 2)
            t = t[..last].Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal) + "." + t[(last + 1)..];
        else
            t = t.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value : null;
    }
}
