using Kasse.Application.CashControl;
using Kasse.Domain.CashControl;

namespace Kasse.Application.Printing;

/// <summary>An X or Z report for the receipt printer, in the same layout as its text form.</summary>
public static class ReportDocument
{
    public static PrintDocument For(RegisterReport report, int columns) =>
        new([.. PaperText.Emphasise(ReportText.Render(report, columns)), new FeedBlock(3), new CutBlock()]);
}
