using System.Text;
using Kasse.Application.Printing;
using Kasse.Domain.Devices;

namespace Kasse.Devices.Printing;

/// <summary>Turns a <see cref="PrintDocument"/> into the ESC/POS bytes a receipt or kitchen printer understands.</summary>
public static class EscPosEncoder
{
    public static byte[] Encode(PrintDocument document, int columns)
    {
        var page = CodePage.For(document.PlainText);
        var encoding = page.Lenient;
        var output = new List<byte>(1024);
        output.AddRange(EscPos.Initialise);
        output.AddRange([EscPos.Esc, EscPos.SelectCodePage, page.EscPosTable]);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case TextBlock text:
                    output.AddRange(EscPos.Align(AlignByte(text.Align)));
                    if (text.Bold) output.AddRange(EscPos.Bold(true));
                    if (text.Large) output.AddRange(EscPos.Size(true));
                    output.AddRange(encoding.GetBytes(text.Text));
                    if (text.Large) output.AddRange(EscPos.Size(false));
                    if (text.Bold) output.AddRange(EscPos.Bold(false));
                    if (text.Align != TextAlign.Left) output.AddRange(EscPos.Align(0));
                    break;
                case BarcodeBlock barcode:
                    output.AddRange(Code128(barcode.Data, PaperWidth.Dots(columns)));
                    break;
                case QrCodeBlock qr:
                    output.AddRange(QrCode(qr.Data));
                    break;
                case FeedBlock feed:
                    output.AddRange(EscPos.Feed(feed.Lines));
                    break;
                case CutBlock:
                    output.AddRange(EscPos.Cut);
                    break;
                case DrawerKickBlock:
                    output.AddRange(EscPos.DrawerKick);
                    break;
                default:
                    throw new NotSupportedException($"No ESC/POS for a {block.GetType().Name}.");
            }
        }
        return [.. output];
    }

    private static byte AlignByte(TextAlign align) => align switch
    {
        TextAlign.Left => 0,
        TextAlign.Centre => 1,
        TextAlign.Right => 2,
    };

    /// <summary>
    /// GS k 73: digits go in code set C (two a symbol), anything else in code set B. The module width is the
    /// widest (1–3 dots) at which the symbol still fits the paper.
    /// </summary>
    public static byte[] Code128(string data, int dots)
    {
        var symbolData = Code128Data(data, out var symbols);
        if (symbolData.Length > 255)
            throw new ArgumentException("A CODE128 barcode holds at most 253 bytes.", nameof(data));
        // start + data + check = 11 modules each, stop = 13, and a quiet zone of 10 each side.
        var modules = (symbols + 2) * 11 + 13 + 20;
        var width = (byte)Math.Clamp(dots / modules, 1, 3);
        var bytes = new List<byte>();
        bytes.AddRange(EscPos.Align(1));
        bytes.AddRange([EscPos.Gs, (byte)'h', 80]);
        bytes.AddRange([EscPos.Gs, (byte)'w', width]);
        bytes.AddRange([EscPos.Gs, (byte)'H', 2]); // the text under the bars
        bytes.AddRange([EscPos.Gs, (byte)'k', EscPos.Code128, (byte)symbolData.Length]);
        bytes.AddRange(symbolData);
        bytes.AddRange(EscPos.Align(0));
        return [.. bytes];
    }

    private static byte[] Code128Data(string data, out int symbols)
    {
        if (data.Length == 0 || data.Any(c => c is < ' ' or > '~'))
            throw new ArgumentException("CODE128 here takes printable ASCII only.", nameof(data));
        var digitPairs = data.All(char.IsAsciiDigit) ? data.Length / 2 : 0;
        var bytes = new List<byte>();
        symbols = 0;
        if (digitPairs > 0)
        {
            bytes.AddRange("{C"u8.ToArray());
            for (var i = 0; i < digitPairs * 2; i += 2)
                bytes.Add((byte)((data[i] - '0') * 10 + (data[i + 1] - '0')));
            symbols += digitPairs;
        }
        var rest = data[(digitPairs * 2)..];
        if (rest.Length > 0)
        {
            bytes.AddRange("{B"u8.ToArray());
            if (digitPairs > 0)
                symbols++; // the switch to code set B
            foreach (var c in rest)
            {
                if (c == '{')
                    bytes.Add((byte)'{'); // "{{" is a literal brace
                bytes.Add((byte)c);
            }
            symbols += rest.Length;
        }
        return [.. bytes];
    }

    /// <summary>GS ( k: QR model 2, module size 6, error correction M, store then print.</summary>
    public static byte[] QrCode(string data)
    {
        var payload = Encoding.UTF8.GetBytes(data);
        if (payload.Length > 700)
            throw new ArgumentException("A receipt QR code holds at most 700 bytes.", nameof(data));
        var stored = payload.Length + 3;
        var bytes = new List<byte>();
        bytes.AddRange(EscPos.Align(1));
        bytes.AddRange([EscPos.Gs, (byte)'(', (byte)'k', 4, 0, 49, 65, 50, 0]);
        bytes.AddRange([EscPos.Gs, (byte)'(', (byte)'k', 3, 0, 49, 67, 6]);
        bytes.AddRange([EscPos.Gs, (byte)'(', (byte)'k', 3, 0, 49, 69, 49]);
        bytes.AddRange([EscPos.Gs, (byte)'(', (byte)'k', (byte)(stored % 256), (byte)(stored / 256), 49, 80, 48]);
        bytes.AddRange(payload);
        bytes.AddRange([EscPos.Gs, (byte)'(', (byte)'k', 3, 0, 49, 81, 48]);
        bytes.AddRange(EscPos.Align(0));
        return [.. bytes];
    }
}
