using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Kasse.Server.Ui.BackOffice;

/// <summary>
/// A field a barcode scanner types into, ending each code with Enter. The text follows every keystroke (not the change
/// event, which a fast scanner outruns), and codes are handled one after the other in the order scanned, so a burst of
/// scans is never lost or booked out of order while the previous one is still being saved.
/// </summary>
public sealed class ScanField(Func<string, Task> handle)
{
    private readonly Queue<string> _pending = new();
    private bool _busy;

    public string Text { get; private set; } = "";

    public void Typed(ChangeEventArgs e) => Text = e.Value?.ToString() ?? "";

    public async Task KeyAsync(KeyboardEventArgs e)
    {
        if (e.Key != "Enter")
            return;
        var code = Text.Trim();
        Text = "";
        if (code.Length == 0)
            return;
        _pending.Enqueue(code);
        if (_busy)
            return;
        _busy = true;
        try
        {
            while (_pending.TryDequeue(out var next))
                await handle(next);
        }
        finally
        {
            _busy = false;
        }
    }
}
