using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Kasse.Server.Ui.Till;

/// <summary>
/// The cashier's screen: the layout that wires the till's components to its <see cref="TillSession"/>, which owns the
/// till's state and commands. The page itself keeps only the browser side: the keyboard and scanner hook-up (till.js),
/// focus, scrolling the newest line into view, and the sound.
/// </summary>
public sealed partial class Till : ITillScreen
{
    [Parameter] public Guid RegisterId { get; set; }

    /// <summary>The sale the floor view sent the till to (<c>?sale=</c>): a table's, opened or picked there.</summary>
    [SupplyParameterFromQuery(Name = "sale")] public Guid? SaleFromFloor { get; set; }

    /// <summary>Set by the language switch (?chosen=1) on the sign-in screen: the next cashier keeps that language.</summary>
    [SupplyParameterFromQuery(Name = "chosen")] public string? Chosen { get; set; }

    [Inject] private IServiceProvider Services { get; set; } = null!;

    private TillSession Session { get; set; } = null!;

    private ReturnsDialog? _returns;
    private IJSObjectReference? _keyboard;
    private bool _keyboardReady;
    private DotNetObjectReference<Till>? _self;
    private bool _soundOn = true;

    protected override void OnInitialized() => Session = NewSession();

    private TillSession NewSession()
    {
        var session = ActivatorUtilities.CreateInstance<TillSession>(Services, RegisterId, (ITillScreen)this);
        session.SaleFromFloor = SaleFromFloor;
        session.LanguageJustChosen = Chosen == "1";
        return session;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Session.RegisterId != RegisterId)
        {
            // Another register's till in the same page: a session of its own.
            await Session.DisposeAsync();
            Session = NewSession();
        }
        Session.SaleFromFloor = SaleFromFloor;
        await Session.LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Once, after the first render that has the register (the first render may come while it is still loading).
        if (_self is null && Session.Register is not null)
        {
            _self = DotNetObjectReference.Create(this);
            _keyboard = await JS.InvokeAsync<IJSObjectReference>("import", "./till.js");
            await _keyboard.InvokeVoidAsync("attach", _self);
            _soundOn = await _keyboard.InvokeAsync<bool>("soundOn");
            _keyboardReady = true;
            await Session.RestoreAsync();
            _ = Session.WatchPrinterAsync();
            return;
        }
        if (_keyboard is null)
            return;
        if (Session.TakeLineToReveal() is { } lineId)
            await _keyboard.InvokeVoidAsync("reveal", $"[data-line='{lineId}']");
        if (Session.TakeFocus() is { } selector)
            await _keyboard.InvokeVoidAsync("focus", selector);
    }

    /// <summary>Enter in the search box adds the only match (or the code typed, if it is one).</summary>
    private async Task SearchKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
            await Session.SearchEnterAsync();
    }

    // ---- keyboard and scanner (till.js) ------------------------------------------------------------------

    [JSInvokable]
    public Task OnShortcut(string key) => InvokeAsync(async () =>
    {
        if (Session.Cashier is null)
            return;
        var dialog = Session.Dialog;
        switch (key)
        {
            case "Escape":
                Session.Close();
                break;
            case "F2" when dialog == TillDialog.None:
                await FocusAsync("#till-search");
                break;
            case "F4" when dialog == TillDialog.None:
                Session.OpenPay();
                break;
            case "F8" when dialog == TillDialog.None:
                await Session.ParkAsync();
                break;
            case "F9" when dialog == TillDialog.None:
                Session.Open(TillDialog.Menu);
                break;
            case "+" or "-" when Session.SelectedLine is { } line:
                await Session.ChangeQuantityAsync(line, key == "+" ? 1 : -1);
                break;
            case "Delete" when Session.SelectedLine is { } line:
                await Session.RemoveLineAsync(line);
                break;
            case "ArrowUp" or "ArrowDown":
                Session.MoveSelection(up: key == "ArrowUp");
                break;
        }
        StateHasChanged();
    });

    [JSInvokable]
    public async Task OnScanned(string code)
    {
        await InvokeAsync(async () =>
        {
            await Session.ScannedAsync(code, _returns);
            StateHasChanged();
        });
    }

    // ---- the screen the session works on ----------------------------------------------------------------

    Task ITillScreen.InvokeAsync(Func<Task> work) => InvokeAsync(work);

    void ITillScreen.Refresh() => StateHasChanged();

    public async Task FocusAsync(string selector)
    {
        if (_keyboard is not null)
            await _keyboard.InvokeVoidAsync("focus", selector);
    }

    /// <summary>A beep for a scan that landed, a buzz for an error (till.js; off when the cashier switched sound off).</summary>
    void ITillScreen.Beep(string kind)
    {
        if (_keyboard is { } keyboard && _soundOn)
            _ = BeepAsync(keyboard, kind);
    }

    private static async Task BeepAsync(IJSObjectReference keyboard, string kind)
    {
        try
        {
            await keyboard.InvokeVoidAsync("beep", kind);
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // the browser is gone: nobody to hear it
        }
    }

    private async Task SetSoundAsync(bool on)
    {
        _soundOn = on;
        if (_keyboard is not null)
            await _keyboard.InvokeVoidAsync("setSound", on);
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        if (_keyboard is not null)
        {
            try
            {
                await _keyboard.InvokeVoidAsync("detach");
                await _keyboard.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // the browser is gone already; nothing to detach
            }
        }
        _self?.Dispose();
    }
}
