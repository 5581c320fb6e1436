using System.Globalization;
using System.Text;

namespace Kasse.PrinterEmulator;

/// <summary>
/// Reads ESC/POS as a printer does: byte by byte, as it arrives, answering real-time status requests
/// (DLE EOT) at once and putting everything else on <see cref="Paper"/>.
/// </summary>
internal sealed class EscPosDecoder(Func<bool> paperOut)
{
    private const byte Esc = 0x1B, Gs = 0x1D, Dle = 0x10, Eot = 0x04, Lf = 0x0A, Cr = 0x0D;

    static EscPosDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly List<byte> _pending = [];
    private readonly List<byte> _line = [];
    private byte[] _storedQr = [];
    private Encoding _encoding = CodePageFor(0);
    private bool _bold, _large;
    private int _align;

    public Paper Paper { get; } = new();

    /// <summary>Unknown commands seen, so a test can tell Kasse sent something this printer does not know.</summary>
    public List<string> Unknown { get; } = [];

    /// <summary>ESC t n: the tables a Nordic printer has. Unknown tables fall back to PC437.</summary>
    public static Encoding CodePageFor(int table) => Encoding.GetEncoding(table switch
    {
        2 => 850,
        5 => 865,
        16 => 1252,
        19 => 858,
        _ => 437,
    });

    /// <returns>The status bytes to send back now.</returns>
    public byte[] Feed(ReadOnlySpan<byte> bytes)
    {
        _pending.AddRange(bytes);
        var replies = new List<byte>();
        var position = 0;
        while (position < _pending.Count)
        {
            var used = Step(position, replies);
            if (used == 0)
                break; // the rest of a command has not arrived yet
            position += used;
        }
        _pending.RemoveRange(0, position);
        return [.. replies];
    }

    /// <summary>Ends the job: a line without its line feed still printed.</summary>
    public void Finish()
    {
        if (_line.Count > 0)
            EndLine();
    }

    private int Available(int position) => _pending.Count - position;

    private byte At(int position) => _pending[position];

    private int Step(int i, List<byte> replies)
    {
        var b = At(i);
        switch (b)
        {
            case Lf:
                EndLine();
                return 1;
            case Cr:
                return 1;
            case Dle:
                if (Available(i) < 3) return 0;
                if (At(i + 1) == Eot)
                {
                    replies.Add(Status(At(i + 2)));
                    return 3;
                }
                Unknown.Add("DLE " + At(i + 1).ToString("X2", CultureInfo.InvariantCulture));
                return 2;
            case Esc:
                return Escape(i);
            case Gs:
                return GroupSeparator(i);
            default:
                if (b >= 0x20)
                    _line.Add(b);
                return 1;
        }
    }

    private int Escape(int i)
    {
        if (Available(i) < 2) return 0;
        var command = (char)At(i + 1);
        switch (command)
        {
            case '@':
                Finish();
                _bold = _large = false;
                _align = 0;
                _encoding = CodePageFor(0);
                return 2;
            case 'p':
                if (Available(i) < 5) return 0;
                Paper.Items.Add(new DrawerPulse(At(i + 2) % 2 == 0 ? 2 : 5));
                return 5;
            case 'd':
                if (Available(i) < 3) return 0;
                Finish();
                for (var n = 0; n < At(i + 2); n++)
                    Print(new PrintedLine("", false, false, 0));
                return 3;
        }
        if (Available(i) < 3) return 0;
        var n1 = At(i + 2);
        switch (command)
        {
            case 't': _encoding = CodePageFor(n1); break;
            case 'E': _bold = (n1 & 1) == 1; break;
            case 'a': _align = n1 % 48 % 3; break;
            case '!': _bold = (n1 & 0x08) != 0; _large = (n1 & 0x30) == 0x30; break;
            case '-' or 'J' or 'M' or 'G' or 'R' or '2' or '3': break;
            default: Unknown.Add("ESC " + command); break;
        }
        return 3;
    }

    private int GroupSeparator(int i)
    {
        if (Available(i) < 3) return 0;
        var command = (char)At(i + 1);
        var n = At(i + 2);
        switch (command)
        {
            case '!':
                _large = (n & 0x11) == 0x11;
                return 3;
            case 'V':
                if (n >= 65 && Available(i) < 4) return 0;
                Finish();
                Print(new PaperCut());
                return n >= 65 ? 4 : 3;
            case 'h' or 'w' or 'H' or 'f':
                return 3;
            case 'k':
                return Barcode(i, n);
            case '(':
                return Function(i);
            default:
                Unknown.Add("GS " + command);
                return 3;
        }
    }

    private int Barcode(int i, byte m)
    {
        if (m <= 6)
        {
            var end = _pending.IndexOf(0, i + 3);
            if (end < 0) return 0;
            Print(new PrintedBarcode(Symbology(m + 65), Encoding.ASCII.GetString([.. _pending.GetRange(i + 3, end - i - 3)])));
            return end - i + 1;
        }
        if (Available(i) < 4) return 0;
        var length = At(i + 3);
        if (Available(i) < 4 + length) return 0;
        var data = _pending.GetRange(i + 4, length);
        Print(new PrintedBarcode(Symbology(m), m == 73 ? Code128Text(data) : Encoding.ASCII.GetString([.. data])));
        return 4 + length;
    }

    private static string Symbology(int m) => m switch
    {
        65 => "UPC-A", 66 => "UPC-E", 67 => "EAN13", 68 => "EAN8", 69 => "CODE39", 70 => "ITF", 71 => "CODABAR", 72 => "CODE93",
        73 => "CODE128", _ => "BARCODE" + m.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>ESC/POS CODE128 data: "{A", "{B", "{C" choose the code set; in set C each byte is two digits.</summary>
    private static string Code128Text(List<byte> data)
    {
        var text = new StringBuilder();
        var set = 'B';
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] == '{' && i + 1 < data.Count)
            {
                var next = (char)data[i + 1];
                i++;
                if (next is 'A' or 'B' or 'C') set = next;
                else if (next == '{') text.Append('{');
                continue;
            }
            text.Append(set == 'C' ? data[i].ToString("00", CultureInfo.InvariantCulture) : ((char)data[i]).ToString());
        }
        return text.ToString();
    }

    /// <summary>GS ( k pL pH cn fn …: the 2D codes; only QR (cn 49) store and print matter here.</summary>
    private int Function(int i)
    {
        if (Available(i) < 5) return 0;
        if (At(i + 2) != 'k')
        {
            Unknown.Add("GS ( " + (char)At(i + 2));
        }
        var length = At(i + 3) + At(i + 4) * 256;
        if (Available(i) < 5 + length) return 0;
        var parameters = _pending.GetRange(i + 5, length);
        if (At(i + 2) == 'k' && parameters.Count >= 3 && parameters[0] == 49)
        {
            if (parameters[1] == 80)
                _storedQr = [.. parameters.Skip(3)];
            else if (parameters[1] == 81)
                Print(new PrintedQrCode(Encoding.UTF8.GetString(_storedQr)));
        }
        return 5 + length;
    }

    private byte Status(byte n)
    {
        const byte fixedBits = 0x12;
        var noPaper = paperOut();
        return n switch
        {
            1 => (byte)(fixedBits | (noPaper ? 0x08 : 0)),
            2 => (byte)(fixedBits | (noPaper ? 0x20 : 0)),
            4 => (byte)(fixedBits | (noPaper ? 0x60 : 0)),
            _ => fixedBits,
        };
    }

    private void EndLine()
    {
        Print(new PrintedLine(_encoding.GetString([.. _line]), _bold, _large, _align));
        _line.Clear();
    }

    private void Print(PaperItem item)
    {
        // Without paper nothing prints; the drawer still opens.
        if (!paperOut() || item is DrawerPulse)
            Paper.Items.Add(item);
    }
}
