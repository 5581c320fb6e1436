using System.Globalization;
using Kasse.Application.Csv;

namespace Kasse.Server.Tests.Reliability;

/// <summary>The one CSV writer: what a spreadsheet sees, and what Kasse's importers read back.</summary>
public sealed class CsvFileTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+45 1234", "'+45 1234")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("Kaffe", "Kaffe")]
    [InlineData("Lager; bag", "\"Lager; bag\"")]
    [InlineData("Sofa \"Kbh\"", "\"Sofa \"\"Kbh\"\"\"")]
    public void Free_text_that_would_run_as_a_formula_gets_an_apostrophe_and_the_separator_is_quoted(string typed, string written)
    {
        var csv = CsvFile.Write(';', ["name"], [[CsvCell.Text(typed)]]);

        Assert.Equal("name\r\n" + written + "\r\n", csv);
    }

    [Fact]
    public void An_amount_kasse_formats_stays_a_number_even_when_negative()
    {
        var csv = CsvFile.Write(';', ["amount", "text"], [[CsvCell.Number(-12.5m, "0.00", CultureInfo.GetCultureInfo("da-DK")), "-12,50"]]);

        Assert.Equal("amount;text\r\n-12,50;'-12,50\r\n", csv);
    }

    [Fact]
    public void What_was_written_reads_back_as_typed_with_the_line_each_record_starts_on()
    {
        string[] typed = ["=HYPERLINK(\"x\")", "Lager; bag", "to\nlinjer", "-5 kr rabat", "almindelig"];
        var csv = CsvFile.Write(';', ["sku", "location"], typed.Select(t => new[] { CsvCell.Text(t), CsvCell.Value("1") }));

        var (header, records) = CsvFile.Read(csv + "\r\n;\r\n");

        Assert.Equal(["sku", "location"], header);
        Assert.Equal(typed, records.Select(r => CsvFile.Restore(r.Cells[0])));
        Assert.Equal([2, 3, 4, 6, 7], records.Select(r => r.Line));
    }

    [Fact]
    public void A_comma_separated_file_is_read_when_its_header_has_no_semicolon() =>
        Assert.Equal(["a", "b,c"], CsvFile.Read("x,y\na,\"b,c\"\n").Records.Single().Cells);
}
