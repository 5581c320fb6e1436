using System.Globalization;
using Kasse.Application.Csv;

namespace Kasse.Application.Reporting;

/// <summary>
/// A report table as CSV: semicolon separated with a header row, as spreadsheets in Denmark open it. Numbers use a
/// decimal point unless a decimal comma is asked for (Danish Excel reads "12,50"). Names in the table are free text.
/// </summary>
public static class ReportCsv
{
    public static byte[] Render(ReportTable table, bool decimalComma = false)
    {
        var culture = decimalComma ? CultureInfo.GetCultureInfo("da-DK") : CultureInfo.InvariantCulture;
        var csv = CsvFile.Write(';', table.Columns.Select(c => c.Heading),
            table.Rows.Select(row => row.Select((value, i) => value is string text ? CsvCell.Text(text) : CsvCell.Value(table.FormatCell(i, value, culture)))));
        return CsvFile.WithByteOrderMark(csv);
    }
}
