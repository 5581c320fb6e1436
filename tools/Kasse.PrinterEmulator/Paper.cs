using System.Globalization;
using System.Security;
using System.Text;
using ZXing;
using ZXing.Common;

namespace Kasse.PrinterEmulator;

/// <summary>Something that came out of the printer.</summary>
internal abstract record PaperItem;

internal sealed record PrintedLine(string Text, bool Bold, bool Large, int Align) : PaperItem;

internal sealed record PrintedBarcode(string Symbology, string Data) : PaperItem;

internal sealed record PrintedQrCode(string Data) : PaperItem;

internal sealed record PaperCut : PaperItem;

internal sealed record DrawerPulse(int Pin) : PaperItem;

/// <summary>What one print job put on paper, as text and as a picture.</summary>
internal sealed class Paper
{
    public List<PaperItem> Items { get; } = [];

    public bool IsEmpty => Items.Count == 0;

    /// <summary>Text as the paper reads; barcodes, QR codes, cuts and drawer pulses as bracketed markers.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var item in Items)
        {
            text.Append(item switch
            {
                PrintedLine line => line.Text,
                PrintedBarcode barcode => $"[{barcode.Symbology} {barcode.Data}]",
                PrintedQrCode qr => $"[QR {qr.Data}]",
                PaperCut => "[CUT]",
                DrawerPulse pulse => $"[DRAWER KICK pin {pulse.Pin.ToString(CultureInfo.InvariantCulture)}]",
                _ => "",
            });
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>An SVG of the paper roll: monospace text, bold and double size as printed, real bars for the codes.</summary>
    public string ToSvg(int columns = 48)
    {
        const int charWidth = 10, lineHeight = 20, margin = 10;
        var width = columns * charWidth + 2 * margin;
        var body = new StringBuilder();
        var y = margin;
        foreach (var item in Items)
        {
            switch (item)
            {
                case PrintedLine line:
                    var size = line.Large ? 2 : 1;
                    y += lineHeight * size;
                    var anchor = line.Align switch { 1 => "middle", 2 => "end", _ => "start" };
                    var x = line.Align switch { 1 => width / 2, 2 => width - margin, _ => margin };
                    body.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{x}\" y=\"{y}\" font-size=\"{16 * size}\" text-anchor=\"{anchor}\"{(line.Bold ? " font-weight=\"bold\"" : "")} xml:space=\"preserve\">{SecurityElement.Escape(line.Text)}</text>\n");
                    break;
                case PrintedBarcode barcode:
                    y += 10;
                    y = Bars(body, new MultiFormatWriter().encode(barcode.Data, BarcodeFormat.CODE_128, 0, 1), width, y, 60);
                    y += lineHeight;
                    body.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{y}\" font-size=\"12\" text-anchor=\"middle\">{SecurityElement.Escape(barcode.Data)}</text>\n");
                    break;
                case PrintedQrCode qr:
                    y += 10;
                    y = Modules(body, new MultiFormatWriter().encode(qr.Data, BarcodeFormat.QR_CODE, 0, 0, new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 0 }), width, y);
                    break;
                case PaperCut:
                    y += lineHeight;
                    body.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{y}\" x2=\"{width}\" y2=\"{y}\" stroke=\"black\" stroke-dasharray=\"6 4\"/>\n");
                    break;
                case DrawerPulse:
                    break;
            }
        }
        y += margin;
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{y}\" font-family=\"DejaVu Sans Mono, monospace\">\n"
            + $"<rect width=\"{width}\" height=\"{y}\" fill=\"white\"/>\n{body}</svg>\n";
    }

    private static int Bars(StringBuilder svg, BitMatrix matrix, int width, int y, int height)
    {
        var scale = Math.Max(1, (width - 20) / matrix.Width);
        var left = (width - matrix.Width * scale) / 2;
        for (var i = 0; i < matrix.Width; i++)
            if (matrix[i, 0])
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + i * scale}\" y=\"{y}\" width=\"{scale}\" height=\"{height}\"/>\n");
        return y + height;
    }

    private static int Modules(StringBuilder svg, BitMatrix matrix, int width, int y)
    {
        const int scale = 4;
        var left = (width - matrix.Width * scale) / 2;
        for (var row = 0; row < matrix.Height; row++)
            for (var column = 0; column < matrix.Width; column++)
                if (matrix[column, row])
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + column * scale}\" y=\"{y + row * scale}\" width=\"{scale}\" height=\"{scale}\"/>\n");
        return y + matrix.Height * scale;
    }
}
