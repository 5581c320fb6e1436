using System.Globalization;
using System.Xml;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>
/// Writes elements in one namespace with the SAF-T value formats: dates <c>yyyy-MM-dd</c>, times
/// <c>HH:mm:ss</c>, amounts with a point and two decimals, quantities with up to six.
/// </summary>
public sealed class SaftXml(XmlWriter xml, SaftFormat format)
{
    private readonly string ns = format.Namespace;

    public SaftFormat Format => format;

    public void Start(string name) => xml.WriteStartElement(name, ns);

    public void End() => xml.WriteEndElement();

    public void Text(string name, string value) => xml.WriteElementString(name, ns, value);

    public void OptionalText(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            Text(name, value);
    }

    /// <summary>Text limited to the schema's length, so a long product name can't make the file invalid.</summary>
    public void Text(string name, string value, int maxLength) => Text(name, Limit(value, maxLength));

    public void Amount(string name, decimal value) => Text(name, FormatAmount(value));

    public void Quantity(string name, decimal value) => Text(name, Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture));

    /// <summary>A unit price: øre always shown, more decimals only when a price per kg or litre has them.</summary>
    public void Price(string name, decimal value) => Text(name, Math.Round(value, 6).ToString("0.00####", CultureInfo.InvariantCulture));

    public void Percent(string name, decimal value) => Text(name, Math.Round(value, 3).ToString("0.00#", CultureInfo.InvariantCulture));

    public void Count(string name, long value) => Text(name, value.ToString(CultureInfo.InvariantCulture));

    public void Date(string name, DateTimeOffset local) => Text(name, local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public void Date(string name, DateOnly day) => Text(name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public void Time(string name, DateTimeOffset local) => Text(name, local.ToString("HH:mm:ss", CultureInfo.InvariantCulture));

    public void Flag(string name, bool value) => Text(name, value ? "true" : "false");

    public static string FormatAmount(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Limit(string value, int maxLength)
    {
        var text = value.Trim();
        if (text.Length == 0)
            return SaftAddress.Unknown;
        return text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
    }
}
