using System.Globalization;
using System.Text;

namespace Kasse.Application.Reporting;

/// <summary>
/// A report table as CSV: semicolon separated with a header row, as spreadsheets in Denmark open it. Numbers use a
/// decimal point unless a decimal comma is asked for (Danish Excel reads "12,50").
/// </summary>
public static class ReportCsv
{
    public static byte[] Render(ReportTable table, bool decimalComma = false)
    {
        var culture = decimalComma ? CultureInfo.GetCultureInfo("da-DK") : CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendJoin(';', table.Columns.Select(c => Quote(c.Heading))).Append("\r\n");
        foreach (var row in table.Rows)
            text.AppendJoin(';', row.Select((value, i) => Quote(table.FormatCell(i, value, culture)))).Append("\r\n");
        // A byte-order mark so Excel reads æ, ø and å as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([';', '"', '\r', '\n']) >= 0 || cell.StartsWith('=') || cell.StartsWith('+') || cell.StartsWith('@')
            ? "\"" + (cell.StartsWith('=') || cell.StartsWith('+') || cell.StartsWith('@') ? "'" : "") + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
