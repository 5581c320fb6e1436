using Kasse.Application.Catalog;
using Kasse.Application.Payments;
using Kasse.Application.Printing;
using Kasse.Domain.Devices;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Ui.Display;
using Kasse.Server.Ui.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using Microsoft.Extensions.Logging;

namespace Kasse.Server.Ui.Till;

public enum TillDialog
{
    None,
    Pay,
    Receipt,
    Discount,
    Parked,
    Void,
    Weight,
    Returns,
    Menu,
    Price,
    Customer,
    More,
    Kitchen,
    Modifiers,
    Split,
}

/// <summary>
/// The cashier's screen. The sale lives on the server (SalesService, the same as the API) and belongs to the register:
/// this page keeps only what it shows, and takes up the register's open sale when a cashier signs in or the page reloads.
/// </summary>
public sealed partial class Till
{
    private const int GridSize = 60;

    [Parameter] public Guid RegisterId { get; set; }

    [Inject] private ILogger<Till> Logger { get; set; } = null!;
    [Inject] private Access.UiSession Session { get; set; } = null!;

    private StoreView? _store;
    private RegisterView? _register;
    private EmployeeView? _cashier;
    private SaleView? _sale;
    private SaleView? _completed;
    private IReadOnlyList<CategoryView> _categories = [];
    private IReadOnlyList<ProductView> _products = [];
    private bool _mergeRepeatedScans = true;
    private Guid? _categoryId;
    private string _query = "";
    private Guid? _selectedLineId;
    private TillDialog _dialog;
    private Guid? _discountLineId;
    private ProductView? _weighing;
    private string? _weighingBarcode;
    private string? _message;
    private bool _messageIsError;
    private bool _unknownCode;
    private string? _loadError;
    private int _searchVersion;
    private ReturnsDialog? _returns;
    private IJSObjectReference? _keyboard;
    private bool _keyboardReady;
    private DotNetObjectReference<Till>? _self;
    private PrinterView? _printer;
    private bool _printReceipt = true;
    private readonly CancellationTokenSource _closing = new();
    private PendingApproval? _approval;

    /// <summary>A gated action waiting for a supervisor's PIN, and how to run it once approved.</summary>
    private sealed record PendingApproval(Permission Permission, string What, Func<Approval?, Task> Action);

    /// <summary>How often the till looks at its printer's state (the device worker updates it as it sends).</summary>
    private static readonly TimeSpan PrinterPoll = TimeSpan.FromSeconds(2);

    /// <summary>The sale the floor view sent the till to (<c>?sale=</c>): a table's, opened or picked there.</summary>
    [SupplyParameterFromQuery(Name = "sale")] public Guid? SaleFromFloor { get; set; }

    private bool HasLines => _sale is { Lines.Count: > 0 };

    /// <summary>The names of the store's tables, read when the till takes up a sale on a table (from the floor view).</summary>
    private Dictionary<Guid, string> _tableNames = [];

    /// <summary>"Table 4 · 3 guests", "Jensen": where the sale in hand is served, or null for a shop sale.</summary>
    private string? SeatingText
    {
        get
        {
            if (_sale is null || (_sale.TableId is null && _sale.TabName is null))
                return null;
            var parts = new List<string>();
            if (_sale.TableId is { } table)
                parts.Add(L.Format("Table {0}", _tableNames.TryGetValue(table, out var name) ? name : "?"));
            if (_sale.Covers is { } covers)
                parts.Add(L.Count(covers, "{0} guest", "{0} guests"));
            if (_sale.TabName is { } tab)
                parts.Add(tab);
            return string.Join(" · ", parts);
        }
    }

    private string ItemCount => Formats.Quantity(_sale?.Lines.Sum(l => l.Unit == Unit.Piece ? l.Quantity : 1m) ?? 0m);

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            (_store, _register, _categories) = await Backend.Call<StoreService, (StoreView, RegisterView, IReadOnlyList<CategoryView>)>(async stores =>
            {
                var register = await stores.GetRegisterAsync(RegisterId, CancellationToken.None);
                var store = await stores.GetAsync(register.StoreId, CancellationToken.None);
                return (store, register, []);
            });
            _categories = await Backend.Call<CatalogService, IReadOnlyList<CategoryView>>(c => c.ListCategoriesAsync(CancellationToken.None));
            var storeId = _store.Id;
            _mergeRepeatedScans = (await Backend.Call<TillSettings, TillSettingsView>(t => t.GetAsync(storeId, CancellationToken.None))).MergeRepeatedScans;
            await OpenOnFavouritesAsync();
            await LoadProductsAsync();
        }
        catch (DomainException e)
        {
            _loadError = L.Error(e);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Once, after the first render that has the register (the first render may come while it is still loading).
        if (_self is null && _register is not null)
        {
            _self = DotNetObjectReference.Create(this);
            _keyboard = await JS.InvokeAsync<IJSObjectReference>("import", "./till.js");
            await _keyboard.InvokeVoidAsync("attach", _self);
            _soundOn = await _keyboard.InvokeAsync<bool>("soundOn");
            _keyboardReady = true;
            await RestoreAsync();
            _ = WatchPrinterAsync();
            return;
        }
        if (_keyboard is null)
            return;
        if (_revealLine is { } lineId)
        {
            _revealLine = null;
            await _keyboard.InvokeVoidAsync("reveal", $"[data-line='{lineId}']");
        }
        if (_focusAfterRender is { } selector)
        {
            _focusAfterRender = null;
            await _keyboard.InvokeVoidAsync("focus", selector);
        }
    }

    /// <summary>The line just added or changed, scrolled into view after the next render (the newest line is never out of sight).</summary>
    private Guid? _revealLine;

    private string? _focusAfterRender;

    /// <summary>After a reload: the same cashier, and the register's open sale.</summary>
    private Task RestoreAsync() => InTurnAsync(async () =>
    {
        var remembered = await TillMemory.LoadAsync(Storage, RegisterId);
        if (remembered?.CashierId is { } cashierId)
        {
            var employees = await Backend.Call<EmployeeService, IReadOnlyList<EmployeeView>>(e => e.ListAsync(CancellationToken.None));
            _cashier = employees.FirstOrDefault(e => e.Id == cashierId && e.IsActive);
            if (_cashier is not null)
            {
                // The browser's storage is encrypted and signed by the server, so it names the cashier who signed in here.
                Session.ActAsCashier(_cashier, RegisterId, new HashSet<Permission>());
                await TillLanguage.RememberAsync(Storage, _cashier.Id);
                // A cashier already signed in picked this language for themselves, not for whoever signs in next.
                LanguageJustChosen = false;
            }
        }
        if (_cashier is not null)
            await CarryOnWithRegisterSaleAsync();
        StateHasChanged();
    });

    /// <summary>
    /// Takes up the sale open on this register on the server, whichever browser started it (its payments included), so
    /// closing a browser never hides a sale with money taken.
    /// </summary>
    private async Task CarryOnWithRegisterSaleAsync()
    {
        try
        {
            // A sale picked on the floor view (a table's) comes first; else the register's own.
            _sale = SaleFromFloor is { } picked
                ? await Backend.Call<SaleUseCases, SaleView?>(s => s.TakeUpAsync(picked, RegisterId, CancellationToken.None))
                  ?? await Backend.Call<SaleUseCases, SaleView?>(s => s.OpenSaleOfRegisterAsync(RegisterId, CancellationToken.None))
                : await Backend.Call<SaleUseCases, SaleView?>(s => s.OpenSaleOfRegisterAsync(RegisterId, CancellationToken.None));
            _selectedLineId = null;
            if (_sale?.TableId is not null && _store is { } store)
                _tableNames = (await Backend.Call<Kasse.Application.Restaurant.FloorService, IReadOnlyList<Kasse.Application.Restaurant.AreaView>>(
                    f => f.PlanAsync(store.Id, CancellationToken.None))).SelectMany(a => a.Tables).ToDictionary(t => t.Id, t => t.Name);
            AfterChange();
            // A card or MobilePay payment still out: back to the payment screen, which follows it to its outcome.
            if (_sale is { } sale
                && (await Backend.Call<TerminalPaymentService, IReadOnlyList<TerminalPaymentView>>(p => p.ListForSaleAsync(sale.Id, CancellationToken.None)))
                    .Any(p => !p.IsSettled))
                _dialog = TillDialog.Pay;
        }
        catch (DomainException e)
        {
            Toast(L.Error(e), error: true);
        }
    }

    /// <summary>Keeps the printer's state on screen while the till is open (ends with the page).</summary>
    private async Task WatchPrinterAsync()
    {
        using var timer = new PeriodicTimer(PrinterPoll);
        try
        {
            do
            {
                var printer = await Backend.Call<PrinterService, PrinterView?>(p => p.FindForRegisterAsync(RegisterId, CancellationToken.None));
                if (printer != _printer)
                {
                    _printer = printer;
                    await InvokeAsync(StateHasChanged);
                }
            }
            while (await timer.WaitForNextTickAsync(_closing.Token));
        }
        catch (OperationCanceledException)
        {
            // the page closed
        }
        catch (ObjectDisposedException)
        {
            // the server is shutting down under an open till: nothing to watch any more, nothing to report
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Logger.LogWarning(e, "Watching the printer of register {Register} stopped", RegisterId);
        }
    }

    private string PrinterBadgeText(PrinterView printer) =>
        printer.QueuedJobs > 0 && printer.State != PrinterState.Online
            ? L.Count(printer.QueuedJobs, "{0} printout waiting at the printer {1}: {2}. It prints when the printer is back; check paper and power.",
                "{0} printouts waiting at the printer {1}: {2}. They print when the printer is back; check paper and power.", printer.Name, L[PrinterStateText(printer.State)])
            : printer.Name + ": " + L[PrinterStateText(printer.State)] + (printer.Problem is null ? "" : " (" + printer.Problem + ")");

    private static string PrinterStateText(PrinterState state) => state switch
    {
        PrinterState.Online => "Printer ready",
        PrinterState.Offline => "Printer offline",
        PrinterState.PaperOut => "Printer out of paper",
        _ => "Printer not checked yet",
    };

    private Task RememberAsync() =>
        TillMemory.SaveAsync(Storage, new TillMemory.TillState(RegisterId, _cashier?.Id, _cashier?.Name));

    // ---- signing in and out -----------------------------------------------------------------------------

    // In the till's turn: a scan that comes while the register's open sale is being taken up waits for it and lands on
    // that sale, instead of starting another one that the taken-up sale then replaces on screen.
    private Task SignedInAsync(EmployeeView cashier) => InTurnAsync(async () =>
    {
        _cashier = cashier;
        await RememberAsync();
        // Each person's own language — the one they last used on this till, else the one the back office gave them —
        // switch to it if it differs from the one on screen.
        // A language picked on the sign-in screen just now wins over both (the person signing in picked it).
        var preferred = LanguageJustChosen
            ? UiLanguages.Current
            : await TillLanguage.PreferredAsync(Storage, cashier.Id) ?? UiLanguages.Find(cashier.Language);
        LanguageJustChosen = false;
        if (preferred is { } language && language != UiLanguages.Current)
        {
            Navigation.NavigateTo($"/ui/language/{language.Code}?returnUrl={Uri.EscapeDataString($"/till/{RegisterId}")}", forceLoad: true);
            return;
        }
        await TillLanguage.RememberAsync(Storage, cashier.Id);
        await CarryOnWithRegisterSaleAsync();
    });

    private async Task SignOutAsync()
    {
        if (_cashier is null)
            return;
        var cashierId = _cashier.Id;
        await TryAsync(() => Backend.Call<TillSignIn, EmployeeView>(t => t.SignOutAsync(RegisterId, cashierId, CancellationToken.None)));
        Session.EndCashier();
        _cashier = null;
        _approval = null;
        _dialog = TillDialog.None;
        await RememberAsync();
    }

    // ---- the catalogue ----------------------------------------------------------------------------------

    private async Task LoadProductsAsync()
    {
        var version = ++_searchVersion;
        var query = _query;
        var category = string.IsNullOrWhiteSpace(query) ? _categoryId : null;
        var items = string.IsNullOrWhiteSpace(query) && _favouritesOn
            ? await LoadFavouritesAsync()
            : (await Backend.Call<CatalogService, ProductPage>(c => c.SearchAsync(query, category, 0, GridSize, CancellationToken.None))).Items;
        if (version == _searchVersion) // a slower, older search must not overwrite a newer one
            _products = items;
    }

    /// <summary>Enter in the search box adds the only match (or the code typed, if it is one).</summary>
    private async Task SearchKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key != "Enter" || string.IsNullOrWhiteSpace(_query))
            return;
        await LoadProductsAsync();
        if (_products.Count == 1)
        {
            await TapProductAsync(_products[0]);
            await ClearSearchAsync();
        }
        else if (_query.Trim().All(char.IsAsciiDigit) && _query.Trim().Length >= 7)
        {
            var code = _query.Trim();
            await ClearSearchAsync();
            await ScanAsync(code);
        }
    }

    private async Task ClearSearchAsync()
    {
        _query = "";
        await LoadProductsAsync();
    }

    private async Task ChooseCategoryAsync(Guid? categoryId)
    {
        _favouritesOn = false;
        _categoryId = categoryId;
        _query = "";
        await LoadProductsAsync();
    }

    private async Task LookUpAsync()
    {
        _message = null;
        _unknownCode = false;
        // The scanned code stays in the field, to correct a misread digit or search by it.
        _query = _lookUpCode ?? "";
        _lookUpCode = null;
        await LoadProductsAsync();
        if (_keyboard is not null)
            await _keyboard.InvokeVoidAsync("focus", "#till-search");
    }

    // ---- adding to the sale -----------------------------------------------------------------------------

    private async Task TapProductAsync(ProductView product)
    {
        if (product.Unit.AllowsFractions())
        {
            _weighing = product;
            _weighingBarcode = null;
            _dialog = TillDialog.Weight;
            return;
        }
        if (_store is { } store && await Backend.Call<Kasse.Application.Menu.MenuService, bool>(m => m.OffersModifiersAsync(store.Id, product.Id, CancellationToken.None)))
        {
            _modifying = product;
            _dialog = TillDialog.Modifiers;
            return;
        }
        await InTurnAsync(async () =>
        {
            if (!await MergedAsync(product))
                await AddLineAsync(new AddLine(Guid.CreateVersion7(), ProductId: product.Id));
        });
    }

    /// <summary>The menu item whose modifiers are being chosen (<see cref="ModifierDialog"/>), and the code it was scanned by.</summary>
    private ProductView? _modifying;
    private string? _modifyingBarcode;

    /// <summary>A menu item with its modifiers and note is always a line of its own (never merged into another).</summary>
    private async Task AddWithModifiersAsync((IReadOnlyList<Guid> Modifiers, string? Note) choice)
    {
        var product = _modifying;
        var barcode = _modifyingBarcode;
        _dialog = TillDialog.None;
        _modifying = null;
        _modifyingBarcode = null;
        if (product is null)
            return;
        await InTurnAsync(() => AddLineAsync(barcode is null
            ? new AddLine(Guid.CreateVersion7(), ProductId: product.Id, Modifiers: choice.Modifiers, Note: choice.Note)
            : new AddLine(Guid.CreateVersion7(), Barcode: barcode, Modifiers: choice.Modifiers, Note: choice.Note)));
    }

    /// <summary>
    /// Scans and taps one after the other: a merge reads the line's quantity and sets it one higher, so two of them
    /// must never read the same quantity (a scanner's second burst while the first is still on its way).
    /// </summary>
    private readonly SemaphoreSlim _addTurn = new(1, 1);

    private async Task InTurnAsync(Func<Task> add)
    {
        await _addTurn.WaitAsync();
        try
        {
            await add();
        }
        finally
        {
            _addTurn.Release();
        }
    }

    /// <summary>
    /// Repeated scans merge into quantity (a store setting, on by default): the same piece product at the same price, on a
    /// line with no discount of its own, raises that line's quantity instead of adding a line. Done here as a quantity
    /// change to an exact number, which a retried request can't count twice (an added line is kept apart by its own id).
    /// </summary>
    /// <returns>True if an existing line took the scan.</returns>
    private async Task<bool> MergedAsync(ProductView? product, string? scanned = null)
    {
        if (!_mergeRepeatedScans || _sale is not { Status: SaleStatus.Open } sale)
            return false;
        if (product is null && scanned is not null)
        {
            var code = scanned.Trim();
            // Only a code already on the sale is looked up: a new product's scan costs no extra round trip.
            if (!sale.Lines.Any(l => l.Barcode == code && l.Unit == Unit.Piece))
                return false;
            product = await Backend.Call<CatalogService, ProductView?>(async c =>
                await c.FindByBarcodeAsync(code, CancellationToken.None) is { } found ? ProductView.From(found) : null);
        }
        if (product is not { Unit: Unit.Piece, IsActive: true })
            return false;
        var line = sale.Lines.LastOrDefault(l => l.ProductId == product.Id && l.Unit == Unit.Piece && l.Discount is null
            && l.UnitPrice == product.Price && !l.IsVoucher && l.Quantity + 1 <= MaxQuantity && l.Modifiers.Count == 0 && l.Note is null);
        if (line is null)
            return false;
        if (!await ChangeSaleAsync(s => s.ChangeQuantityAsync(sale.Id, line.Id, line.Quantity + 1, CancellationToken.None)))
            return true; // refused, and said so: a new line would be refused the same way
        _selectedLineId = line.Id;
        _revealLine = line.Id;
        _message = null;
        return true;
    }

    /// <summary>The most a typed quantity may be (the same bound as <see cref="SetQuantityAsync"/>).</summary>
    private const int MaxQuantity = 9999;

    private async Task WeighedAsync(decimal kilograms)
    {
        var product = _weighing;
        var barcode = _weighingBarcode;
        _dialog = TillDialog.None;
        _weighing = null;
        if (product is null)
            return;
        await AddLineAsync(barcode is null
            ? new AddLine(Guid.CreateVersion7(), ProductId: product.Id, Quantity: kilograms)
            : new AddLine(Guid.CreateVersion7(), Barcode: barcode, Quantity: kilograms));
    }

    [JSInvokable]
    public async Task OnScanned(string code)
    {
        await InvokeAsync(async () =>
        {
            if (_cashier is null)
            {
                Toast(L["Sign in"] + ": " + code, error: true);
                StateHasChanged();
                return;
            }
            if (_dialog == TillDialog.Returns && _returns is not null)
                await _returns.ScannedAsync(code);
            else if (_dialog is TillDialog.None or TillDialog.Receipt)
            {
                _dialog = TillDialog.None;
                await ScanAsync(code);
            }
            StateHasChanged();
        });
    }

    private Task ScanAsync(string code) => InTurnAsync(async () =>
    {
        var errors = _errors;
        if (!await MergedAsync(null, code))
            await AddLineAsync(new AddLine(Guid.CreateVersion7(), Barcode: code), scanned: code);
        if (_errors == errors)
            Beep("ok"); // an error beeps its own way (Toast)
    });

    /// <returns>True if the line was added.</returns>
    private async Task<bool> AddLineAsync(AddLine line, string? scanned = null)
    {
        try
        {
            var sale = await EnsureSaleAsync();
            _sale = await Backend.Call<SaleUseCases, SaleView>(s => s.AddLineAsync(sale.Id, line, CancellationToken.None));
            _selectedLineId = _sale.Lines.FirstOrDefault(l => l.Id == line.LineId)?.Id ?? _selectedLineId;
            _message = null;
            AfterChange();
            _revealLine = _selectedLineId;
            return true;
        }
        catch (DomainException e) when (e.Code == "barcode.unknown" && scanned is not null)
        {
            Toast(L.Format("Unknown code {0}.", scanned), error: true);
            _unknownCode = true;
            _lookUpCode = scanned;
        }
        catch (DomainException e) when (e.Code == MenuErrors.ChoiceRequired && scanned is not null)
        {
            // A scanned menu item with a required choice (its size): ask for it, then add it by the same code.
            _modifying = await Backend.Call<CatalogService, ProductView?>(async c =>
                await c.FindByBarcodeAsync(scanned.Trim(), CancellationToken.None) is { } found ? ProductView.From(found) : null);
            _modifyingBarcode = scanned.Trim();
            _dialog = _modifying is null ? TillDialog.None : TillDialog.Modifiers;
        }
        catch (DomainException e) when (e.Code == "line.weight-required" && scanned is not null)
        {
            _weighing = await Backend.Call<CatalogService, ProductView?>(async c =>
            {
                var items = (await c.SearchAsync(scanned, null, 0, 1, CancellationToken.None)).Items;
                return items.Count > 0 ? items[0] : null;
            });
            _weighingBarcode = scanned;
            _dialog = _weighing is null ? TillDialog.None : TillDialog.Weight;
        }
        catch (DomainException e)
        {
            Toast(L.Error(e), error: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not the cashier's doing (e.g. the database is busy or gone): say so, keep the till usable, log it.
            Logger.LogError(e, "Adding {Line} to the sale on register {Register} failed", line, RegisterId);
            Toast(L["Something went wrong; nothing was added. Try again."] + " (" + e.GetType().Name + ")", error: true);
        }
        return false;
    }

    /// <summary>
    /// The open sale, opened on the first line. A tap and a scan that come together (a scanner's burst right after a tap
    /// on the grid) both wait for the one sale being opened, so they land on the same sale instead of opening two.
    /// </summary>
    private async Task<SaleView> EnsureSaleAsync()
    {
        if (_sale is { Status: SaleStatus.Open })
            return _sale;
        var opening = _opening ??= OpenSaleAsync();
        try
        {
            return await opening;
        }
        finally
        {
            if (_opening == opening)
                _opening = null;
        }
    }

    private Task<SaleView>? _opening;

    private async Task<SaleView> OpenSaleAsync()
    {
        var id = Guid.CreateVersion7();
        var cashierId = _cashier?.Id;
        _sale = await Backend.Call<SaleUseCases, SaleView>(s => s.OpenAsync(new OpenSale(id, RegisterId, cashierId), CancellationToken.None));
        await RememberAsync();
        return _sale;
    }

    // ---- changing the cart ------------------------------------------------------------------------------

    private Task ChangeQuantityAsync(SaleLineView line, int by) =>
        line.Quantity + by <= 0 ? RemoveLineAsync(line) : ChangeSaleAsync(s => s.ChangeQuantityAsync(_sale!.Id, line.Id, line.Quantity + by, CancellationToken.None));

    /// <summary>An exact quantity typed on the line (e.g. 24 bottles); 0 removes it.</summary>
    private async Task SetQuantityAsync(SaleLineView line, string? typed)
    {
        if (!int.TryParse(typed?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var quantity)
            || quantity > MaxQuantity)
        {
            Toast(L.Format("'{0}' is not a quantity; type a whole number.", typed ?? ""), error: true);
            return;
        }
        if (quantity == 0)
            await RemoveLineAsync(line);
        else if (quantity != line.Quantity)
            await ChangeSaleAsync(s => s.ChangeQuantityAsync(_sale!.Id, line.Id, quantity, CancellationToken.None));
    }

    private async Task RemoveLineAsync(SaleLineView line)
    {
        var index = _sale!.Lines.ToList().FindIndex(l => l.Id == line.Id);
        await ChangeSaleAsync(s => s.RemoveLineAsync(_sale.Id, line.Id, CancellationToken.None));
        _selectedLineId = _sale is { Lines.Count: > 0 } left ? left.Lines[Math.Clamp(index, 0, left.Lines.Count - 1)].Id : null;
    }

    private void OpenDiscount(Guid? lineId)
    {
        _discountLineId = lineId;
        _dialog = TillDialog.Discount;
    }

    /// <summary>A discount above the owner's limit needs a supervisor's PIN when the cashier's role may not give it.</summary>
    private async Task ApplyDiscountAsync(SetDiscount discount)
    {
        var lineId = _discountLineId;
        var saleId = _sale!.Id;
        await GatedAsync(Permission.DiscountAboveLimit, L["Discount above the limit"] + (discount.Reason is null ? "" : $" ({discount.Reason})"), async approval =>
        {
            var command = discount with { Approval = approval };
            _sale = await Backend.Call<SaleUseCases, SaleView>(s => s.SetDiscountAsync(saleId, lineId, command, CancellationToken.None));
            AfterChange();
            _dialog = TillDialog.None;
        });
    }

    private void OpenPrice(Guid lineId)
    {
        _selectedLineId = lineId;
        _dialog = TillDialog.Price;
    }

    /// <summary>A price override of the selected line, in one change: PriceOverride or a supervisor's PIN.</summary>
    private async Task OverridePriceAsync(decimal price)
    {
        if (SelectedLine is not { ProductId: not null } line || _sale is null)
            return;
        var saleId = _sale.Id;
        var what = L["Change price"] + $": {line.Name} {Formats.Amount(line.UnitPrice)} → {Formats.Amount(price)}";
        await GatedAsync(Permission.PriceOverride, what, async approval =>
        {
            var command = new OverridePrice(price, approval);
            _sale = await Backend.Call<SaleUseCases, SaleView>(s => s.OverridePriceAsync(saleId, line.Id, command, CancellationToken.None));
            AfterChange();
            _dialog = TillDialog.None;
        });
    }

    // ---- supervisor approval ----------------------------------------------------------------------------

    /// <summary>
    /// Runs a gated action as the cashier; when their role needs a supervisor's approval, asks for it on this till
    /// and runs the action again with it. Other refusals are shown as usual.
    /// </summary>
    /// <returns>True if the action went through now (false: refused, or waiting for the approval).</returns>
    public async Task<bool> GatedAsync(Permission permission, string what, Func<Approval?, Task> action)
    {
        try
        {
            await action(null);
            return true;
        }
        catch (DomainException e) when (e.Code == "permission.approval-required")
        {
            _approval = new PendingApproval(permission, what, action);
        }
        catch (DomainException e)
        {
            Toast(L.Error(e), error: true);
        }
        // Called from the till's dialogs too: the approval dialog and the message belong to the till itself.
        StateHasChanged();
        return false;
    }

    private async Task<string?> ApproveAsync(Approval approval)
    {
        if (_approval is not { } pending)
            return null;
        try
        {
            await pending.Action(approval);
            _approval = null;
            _message = null;
            StateHasChanged(); // the dialog asked; the till shows the outcome
            return null;
        }
        catch (DomainException e)
        {
            return L.Error(e);
        }
    }

    private async Task ParkAsync()
    {
        if (!HasLines)
            return;
        if (await ChangeSaleAsync(s => s.ParkAsync(_sale!.Id, CancellationToken.None)))
        {
            await NewSaleAsync();
            Toast(L["Sale parked. Pick it up again under Parked sales."], error: false);
        }
    }

    private async Task ResumeAsync(Guid saleId)
    {
        if (HasLines)
        {
            // The cart in hand is parked first, so resuming never loses anything.
            if (!await ChangeSaleAsync(s => s.ParkAsync(_sale!.Id, CancellationToken.None)))
                return;
        }
        else if (_sale is { Status: SaleStatus.Open, Payments.Count: 0 } empty && empty.Id != saleId)
        {
            // An empty sale in hand ends (voided, as DESIGN.md's sale ends without a receipt) rather than stay open behind the resumed one.
            if (await TryAsync(() => Backend.Call<SaleUseCases, SaleView>(s => s.EndIfEmptyAsync(empty.Id, CancellationToken.None))) is null)
                return;
        }
        var resumed = await TryAsync(() => Backend.Call<SaleUseCases, SaleView>(s => s.ResumeAsync(saleId, RegisterId, CancellationToken.None)));
        if (resumed is null)
            return;
        _sale = resumed;
        _selectedLineId = null;
        _dialog = TillDialog.None;
        AfterChange();
        _revealLine = _selectedLineId;
        await RememberAsync();
        Toast(L.Count(ItemCount, "Sale resumed: {0} item, {1}.", "Sale resumed: {0} items, {1}.", Formats.Money(resumed.TotalAmount, resumed.Currency)), error: false);
    }

    private async Task VoidAsync()
    {
        if (_sale is { } sale && await TryAsync(() => Backend.Call<SaleUseCases, SaleView>(s => s.VoidAsync(sale.Id, CancellationToken.None))) is not null)
            await NewSaleAsync();
        _dialog = TillDialog.None;
    }

    private async Task NewSaleAsync()
    {
        _sale = null;
        _selectedLineId = null;
        await RememberAsync();
    }

    private async Task<bool> ChangeSaleAsync(Func<SaleUseCases, Task<SaleView>> change)
    {
        var changed = await TryAsync(() => Backend.Call<SaleUseCases, SaleView>(change));
        if (changed is null)
            return false;
        _sale = changed;
        AfterChange();
        return true;
    }

    // ---- paying -----------------------------------------------------------------------------------------

    private void OpenPay()
    {
        if (HasLines)
            _dialog = TillDialog.Pay;
    }

    private void SaleChanged(SaleView sale)
    {
        _sale = sale;
        AfterChange();
    }

    private async Task SaleCompleted(SaleView sale)
    {
        _completed = sale;
        _sale = null;
        _selectedLineId = null;
        _printReceipt = true;
        _dialog = TillDialog.Receipt;
        await RememberAsync();
    }

    private Task ReturnedAsync(SaleView returned)
    {
        _completed = returned;
        _dialog = TillDialog.Receipt;
        return Task.CompletedTask;
    }

    // ---- keyboard ---------------------------------------------------------------------------------------

    [JSInvokable]
    public Task OnShortcut(string key) => InvokeAsync(async () =>
    {
        if (_cashier is null)
            return;
        switch (key)
        {
            case "Escape":
                Close();
                break;
            case "F2" when _dialog == TillDialog.None:
                if (_keyboard is not null)
                    await _keyboard.InvokeVoidAsync("focus", "#till-search");
                break;
            case "F4" when _dialog == TillDialog.None:
                OpenPay();
                break;
            case "F8" when _dialog == TillDialog.None:
                await ParkAsync();
                break;
            case "F9" when _dialog == TillDialog.None:
                Open(TillDialog.Menu);
                break;
            case "+" or "-" when SelectedLine is { } line:
                await ChangeQuantityAsync(line, key == "+" ? 1 : -1);
                break;
            case "Delete" when SelectedLine is { } line:
                await RemoveLineAsync(line);
                break;
            case "ArrowUp" or "ArrowDown" when _sale is { Lines.Count: > 0 } sale:
                var index = sale.Lines.ToList().FindIndex(l => l.Id == _selectedLineId);
                index = key == "ArrowUp" ? Math.Max(0, index < 0 ? sale.Lines.Count - 1 : index - 1) : Math.Min(sale.Lines.Count - 1, index + 1);
                _selectedLineId = sale.Lines[index].Id;
                _revealLine = _selectedLineId;
                break;
        }
        StateHasChanged();
    });

    private SaleLineView? SelectedLine => _sale?.Lines.FirstOrDefault(l => l.Id == _selectedLineId);

    // ---- helpers ----------------------------------------------------------------------------------------

    private void Open(TillDialog dialog) => _dialog = dialog;

    private void Close()
    {
        _dialog = TillDialog.None;
        _weighing = null;
        if (_completed is { } completed)
        {
            _completed = null;
            // The customer display follows the sale on the server; only the end of the receipt screen is the till's to say
            // (after a return done mid-sale, the open sale comes back on the display).
            Display.Finished(RegisterId, completed.Id);
        }
    }

    private void AfterChange()
    {
        if (_selectedLineId is null || _sale?.Lines.All(l => l.Id != _selectedLineId) == true)
            _selectedLineId = _sale is { Lines.Count: > 0 } sale ? sale.Lines[^1].Id : null;
    }

    private void Toast(string message, bool error)
    {
        _message = message;
        _messageIsError = error;
        _unknownCode = false;
        var version = ++_messageVersion;
        if (error)
        {
            _errors++;
            Beep("error");
        }
        else
            _ = HideLaterAsync(version);
    }

    private int _messageVersion;
    private int _errors;
    private bool _soundOn = true;

    /// <summary>How long a confirmation stays (an error stays until the cashier closes it or acts).</summary>
    private static readonly TimeSpan ConfirmationTime = TimeSpan.FromSeconds(4);

    private async Task HideLaterAsync(int version)
    {
        try
        {
            await Task.Delay(ConfirmationTime, _closing.Token);
            await InvokeAsync(() =>
            {
                if (version != _messageVersion || _messageIsError)
                    return;
                _message = null;
                StateHasChanged();
            });
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // the page closed
        }
    }

    /// <summary>A beep for a scan that landed, a buzz for an error (till.js; off when the cashier switched sound off).</summary>
    private void Beep(string kind)
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

    private async Task<T?> TryAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (DomainException e)
        {
            Toast(L.Error(e), error: true);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Leaving the till ends the cashier's PIN session in this circuit (the back office asks for its own sign-in);
        // coming back restores the cashier from the till's storage.
        Session.EndCashier();
        await _closing.CancelAsync();
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
        _addTurn.Dispose();
    }
}
