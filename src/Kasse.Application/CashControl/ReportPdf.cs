using System.Globalization;
using Kasse.Application.Pdf;
using Kasse.Domain.CashControl;

namespace Kasse.Application.CashControl;

/// <summary>
/// An X or Z report as an A4 PDF for the owner and the accountant: the printer layout of
/// <see cref="ReportText"/> in a monospaced DejaVu font, so the columns line up exactly as on paper.
/// </summary>
public static class ReportPdf
{
    public static byte[] Render(RegisterReport report) => KassePdf.Text(
        $"{(report.Type == ReportType.Z ? "Z" : "X")}-rapport {report.RegisterName} {report.LocalTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}",
        ReportText.Render(report, width: 60).TrimEnd('\n').Split('\n'));
}
