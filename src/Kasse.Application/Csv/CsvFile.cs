using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Kasse.Application.Csv;

/// <summary>
/// One cell of a CSV file Kasse writes. Free text (names, SKUs, reasons — anything a person typed) is
/// <see cref="Text"/> and is neutralised against spreadsheet formulas; a value Kasse formats itself (an amount, a
/// quantity, a date, an id) is <see cref="Value"/> and is written as it is, so a negative amount stays a number.
/// </summary>
public readonly record struct CsvCell(string Content, bool IsFreeText)
{
    public static CsvCell Text(string? text) => new(text ?? "", IsFreeText: true);

    public static CsvCell Value(string formatted) => new(formatted, IsFreeText: false);

    public static CsvCell Number(decimal value, string format, IFormatProvider culture) => new(value.ToString(format, culture), IsFreeText: false);

    public static CsvCell Number(decimal? value, string format, IFormatProvider culture) =>
        new(value?.ToString(format, culture) ?? "", IsFreeText: false);

    /// <summary>Free text, so any string handed over without saying otherwise is treated as untrusted.</summary>
    public static implicit operator CsvCell(string? text) => Text(text);
}

/// <summary>
/// The one writer of every CSV file Kasse makes (reports, accounting, stock, payroll, purchase orders), on CsvHelper:
/// RFC 4180 quoting (a cell with the separator, a quote or a line break is quoted, quotes doubled), CRLF line ends, and
/// formula neutralisation of free text: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return gets a leading apostrophe, so Excel and LibreOffice show it as text instead of running it
/// (OWASP "CSV injection"). Kasse's own importers take the apostrophe off again (<see cref="Restore"/>), so an export
/// imports back unchanged.
/// </summary>
public static class CsvFile
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Write(char separator, IEnumerable<string> header, IEnumerable<IEnumerable<CsvCell>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            NewLine = "\r\n",
            // Neutralisation is ours, cell by cell: CsvHelper's would also turn a negative amount into text.
            InjectionOptions = InjectionOptions.None,
            // CsvHelper's own rule looks for the whole CRLF only: a lone line feed in a name would split the row.
            ShouldQuote = args => args.Field is { Length: > 0 } field
                && (field.IndexOfAny([separator, '"', '\r', '\n']) >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])),
        };
        using (var csv = new CsvWriter(text, configuration))
        {
            foreach (var heading in header)
                csv.WriteField(heading);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                    csv.WriteField(cell.IsFreeText ? Neutralise(cell.Content) : cell.Content);
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    /// <summary>The file as UTF-8 with a byte-order mark, so Excel reads æ, ø and å right.</summary>
    public static byte[] WithByteOrderMark(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    public static string Neutralise(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    /// <summary>A cell read back from a file Kasse wrote: the apostrophe <see cref="Neutralise"/> added is taken off.</summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;

    /// <summary>
    /// Reads a CSV file with a header row, quoted cells allowed, separated by a semicolon or (if the header has none) a
    /// comma. Each record comes with the line it starts on, for error messages a person can find in the file.
    /// </summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<(int Line, string[] Cells)> Records) Read(string content)
    {
        var firstLine = content.TrimStart('\uFEFF').Split('\n', 2)[0];
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = firstLine.Contains(';', StringComparison.Ordinal) ? ";" : ",",
            HasHeaderRecord = false,
            BadDataFound = null,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
        };
        using var parser = new CsvParser(new StringReader(content.TrimStart('\uFEFF')), configuration);
        var records = new List<(int, string[])>();
        string[]? header = null;
        while (parser.Read())
        {
            // RawRow is the line a record ends on; a quoted cell with line breaks started it earlier.
            var line = checked((int)parser.RawRow) - parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
            var cells = parser.Record ?? [];
            if (header is null)
                header = cells;
            else if (cells.Any(c => c.Trim().Length > 0))
                records.Add((line, cells));
        }
        return (header ?? [], records);
    }
}
