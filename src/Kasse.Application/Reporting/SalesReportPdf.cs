using System.Globalization;
using Kasse.Application.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kasse.Application.Reporting;

/// <summary>
/// Report tables as an A4 PDF an owner prints: title, store and period on every page, the column headings repeated,
/// numbers right-aligned in a monospaced font so the columns line up. Wide tables turn the page to landscape and
/// shrink the type until they fit.
/// </summary>
public static class SalesReportPdf
{
    private const double Margin = 36;
    private const double MaxFontSize = 9;
    private const double MinFontSize = 5;
    private const int MaxTextWidth = 28;
    /// <summary>DejaVu Sans Mono's advance is 0.602 em.</summary>
    private const double CharWidth = 0.602;

    public static byte[] Render(string storeName, IReadOnlyList<ReportTable> tables, CultureInfo culture)
    {
        using var document = KassePdf.NewDocument(tables.Count == 1 ? tables[0].Title : "Kasse");
        foreach (var table in tables)
            Draw(document, storeName, table, culture);
        return KassePdf.Save(document);
    }

    private static void Draw(PdfDocument document, string storeName, ReportTable table, CultureInfo culture)
    {
        var cells = table.Rows.Select(r => r.Select((v, i) => Clip(table.FormatCell(i, v, culture), table.Columns[i].Kind)).ToArray()).ToList();
        var widths = table.Columns.Select((c, i) => Math.Max(Clip(c.Heading, ColumnKind.Text).Length,
            cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var chars = widths.Sum() + 2 * (widths.Length - 1);
        var landscape = chars * CharWidth * MaxFontSize > XUnit.FromMillimeter(KassePdf.A4ShortMillimetres).Point - 2 * Margin;
        var pageWidth = XUnit.FromMillimeter(landscape ? KassePdf.A4LongMillimetres : KassePdf.A4ShortMillimetres).Point;
        var pageHeight = XUnit.FromMillimeter(landscape ? KassePdf.A4ShortMillimetres : KassePdf.A4LongMillimetres).Point;
        var fontSize = Math.Clamp((pageWidth - 2 * Margin) / (chars * CharWidth), MinFontSize, MaxFontSize);
        var font = KassePdf.Mono(fontSize);
        var bold = KassePdf.Mono(fontSize, bold: true);
        var titleFont = KassePdf.Mono(12, bold: true);
        var lineHeight = fontSize * 1.4;
        var step = fontSize * CharWidth;
        var lefts = new double[widths.Length];
        for (var i = 1; i < widths.Length; i++)
            lefts[i] = lefts[i - 1] + (widths[i - 1] + 2) * step;

        var index = 0;
        do
        {
            var page = KassePdf.AddA4Page(document, landscape);
            using var graphics = XGraphics.FromPdfPage(page);
            var y = Margin + 12;
            graphics.DrawString(table.Title, titleFont, XBrushes.Black, new XPoint(Margin, y));
            y += 16;
            graphics.DrawString($"{storeName} · {table.Period} · {table.Currency}", font, XBrushes.Black, new XPoint(Margin, y));
            y += lineHeight * 1.5;
            DrawRow(graphics, table, table.Columns.Select(c => Clip(c.Heading, ColumnKind.Text)).ToArray(), widths, lefts, step, bold, y);
            y += lineHeight * 0.4;
            graphics.DrawLine(XPens.Black, Margin, y, pageWidth - Margin, y);
            y += lineHeight;
            for (; index < cells.Count && y < pageHeight - Margin; y += lineHeight, index++)
                DrawRow(graphics, table, cells[index], widths, lefts, step, font, y);
        }
        while (index < cells.Count);
    }

    private static void DrawRow(XGraphics graphics, ReportTable table, string[] row, int[] widths, double[] lefts, double step, XFont font, double y)
    {
        for (var i = 0; i < row.Length; i++)
        {
            // Text left, numbers right, so figures line up by the øre.
            var x = table.Columns[i].Kind == ColumnKind.Text ? lefts[i] : lefts[i] + (widths[i] - row[i].Length) * step;
            graphics.DrawString(row[i], font, XBrushes.Black, new XPoint(Margin + x, y));
        }
    }

    private static string Clip(string text, ColumnKind kind) =>
        kind == ColumnKind.Text && text.Length > MaxTextWidth ? text[..(MaxTextWidth - 1)] + "…" : text;
}
