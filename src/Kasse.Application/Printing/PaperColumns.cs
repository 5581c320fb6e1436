using System.Text;

namespace Kasse.Application.Printing;

/// <summary>Fixed-width lines: text wraps at the paper's width, amounts stand at the right edge.</summary>
/// <remarks>Shared by receipts and X/Z reports, so both print alike on the same paper.</remarks>
internal sealed class PaperColumns(int width)
{
    private readonly StringBuilder _text = new();

    public void Line(string s = "")
    {
        for (; s.Length > width; s = s[width..])
            _text.Append(s.AsSpan(0, width)).Append('\n');
        _text.Append(s).Append('\n');
    }

    public void Centre(string s) => Line(s.Length >= width ? s : new string(' ', (width - s.Length) / 2) + s);

    public void Pair(string left, string right)
    {
        if (right.Length >= width)
            right = right[..(width - 1)];
        var room = width - right.Length - 1;
        if (left.Length > room)
        {
            Line(left);
            left = "";
        }
        Line(left.PadRight(room) + " " + right);
    }

    public void Rule() => Line(new string('-', width));

    public override string ToString() => _text.ToString();
}
