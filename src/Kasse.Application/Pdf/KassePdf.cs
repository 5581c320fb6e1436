using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Kasse.Application.Pdf;

/// <summary>
/// The page and font setup every PDF Kasse writes shares (X/Z reports, sales reports, purchase orders): A4 in
/// DejaVu Sans Mono, so columns line up as on the printed receipt.
/// </summary>
public static class KassePdf
{
    public const double A4ShortMillimetres = 210;
    public const double A4LongMillimetres = 297;

    /// <summary>An empty document with its title, the fonts installed.</summary>
    public static PdfDocument NewDocument(string title)
    {
        DejaVuFonts.Install();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Kasse";
        return document;
    }

    /// <summary>A new A4 page, upright or turned.</summary>
    public static PdfPage AddA4Page(PdfDocument document, bool landscape = false)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(landscape ? A4LongMillimetres : A4ShortMillimetres);
        page.Height = XUnit.FromMillimeter(landscape ? A4ShortMillimetres : A4LongMillimetres);
        return page;
    }

    public static XFont Mono(double size, bool bold = false) => new(DejaVuFonts.Mono, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Lines of monospaced text laid out as on paper, page after page (a report's or an order's printer layout).</summary>
    public static byte[] Text(string title, IReadOnlyList<string> lines)
    {
        const double fontSize = 10;
        const double margin = 56;
        using var document = NewDocument(title);
        var font = Mono(fontSize);
        var lineHeight = fontSize * 1.35;
        var index = 0;
        while (index < lines.Count)
        {
            var page = AddA4Page(document);
            using var graphics = XGraphics.FromPdfPage(page);
            for (var y = margin; index < lines.Count && y < page.Height.Point - margin; y += lineHeight, index++)
                graphics.DrawString(lines[index].TrimEnd('\r'), font, XBrushes.Black, new XPoint(margin, y));
        }
        return Save(document);
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
