using Microsoft.AspNetCore.Components.Web;

namespace Kasse.Server.Ui.BackOffice;

/// <summary>
/// A field a barcode scanner types into, ending each code with Enter. The text follows every keystroke (not the change
/// event, which a fast scanner outruns), and codes are handled one after the other in the order scanned, so a burst of
/// scans is never lost or booked out of order while the previous one is still being saved. Pages bind <see cref="Text"/>
/// with <c>@bind</c> on the input event, not a <c>value</c> attribute and their own handler: with <c>@bind</c> Blazor keeps
/// what the browser last sent, so an answer to the previous scan that arrives after the next code was typed cannot
/// overwrite the field (a known trap of Blazor Server with hand-made value bindings).
/// </summary>
public sealed class ScanField(Func<string, Task> handle)
{
    private readonly Queue<string> _pending = new();
    private bool _busy;

    public string Text { get; set; } = "";

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
