using System.Globalization;
using Kasse.Domain.CashControl;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Kasse.Application.CashControl;

/// <summary>
/// An X or Z report as an A4 PDF for the owner and the accountant: the printer layout of
/// <see cref="ReportText"/> in a monospaced DejaVu font, so the columns line up exactly as on paper.
/// </summary>
public static class ReportPdf
{
    private const double FontSize = 10;
    private const double Margin = 56;

    public static byte[] Render(RegisterReport report)
    {
        DejaVuFonts.Install();
        var lines = ReportText.Render(report, width: 60).TrimEnd('\n').Split('\n');
        using var document = new PdfDocument();
        document.Info.Title = $"{(report.Type == ReportType.Z ? "Z" : "X")}-rapport {report.RegisterName} {report.LocalTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";
        document.Info.Creator = "Kasse";
        var font = new XFont(DejaVuFonts.Mono, FontSize, XFontStyleEx.Regular);
        var lineHeight = FontSize * 1.35;
        var index = 0;
        while (index < lines.Length)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using var graphics = XGraphics.FromPdfPage(page);
            for (var y = Margin; index < lines.Length && y < page.Height.Point - Margin; y += lineHeight, index++)
                graphics.DrawString(lines[index], font, XBrushes.Black, new XPoint(Margin, y));
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}

/// <summary>
/// PDFsharp finds no fonts by itself on Linux: this resolver hands it DejaVu from Debian's fonts-dejavu-core
/// (or the folder in KASSE_FONT_DIR).
/// </summary>
public sealed class DejaVuFonts : IFontResolver
{
    public const string Mono = "DejaVu Sans Mono";
    private static readonly Lock Gate = new();
    private static bool _installed;

    public static string Folder => Environment.GetEnvironmentVariable("KASSE_FONT_DIR") is { Length: > 0 } folder
        ? folder
        : "/usr/share/fonts/truetype/dejavu";

    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
                return;
            GlobalFontSettings.FontResolver ??= new DejaVuFonts();
            _installed = true;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSansMono-Bold" : "DejaVuSansMono");

    public byte[] GetFont(string faceName)
    {
        var path = Path.Combine(Folder, faceName + ".ttf");
        if (!File.Exists(path))
            throw new FileNotFoundException($"The DejaVu font {path} is missing; install Debian's fonts-dejavu-core (or set KASSE_FONT_DIR).", path);
        return File.ReadAllBytes(path);
    }
}
