using Kasse.Application.Catalog;
using Kasse.Application.Payments;
using Kasse.Application.Printing;
using Kasse.Application.Promotions;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Menu;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Ui.Display;
using Kasse.Server.Ui.Localization;
using Kasse.Server.Ui.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
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
/// What the till page needs from the browser side while a session works: its renderer's turn, a new render, focus, a beep.
/// The page (<see cref="Till"/>) is the one screen of its session.
/// </summary>
public interface ITillScreen
{
    /// <summary>Runs work on the page's renderer (for what comes from a timer or a background task).</summary>
    Task InvokeAsync(Func<Task> work);

    /// <summary>Renders the page again (called on the renderer's turn).</summary>
    void Refresh();

    Task FocusAsync(string selector);

    /// <summary>"ok" for a scan that landed, "error" for a refusal.</summary>
    void Beep(string kind);
}

/// <summary>
/// One till page's state and commands: the cashier, the sale in hand, the selected line, the open dialog, the message,
/// the printer's state and the catalogue on show. The sale lives on the server (SaleUseCases, the same as the API) and
/// belongs to the register: the session keeps only what the till shows, and takes up the register's open sale when a
/// cashier signs in or the page reloads. The page (Till.razor) lays it out and wires its components to it.
/// </summary>
public sealed class TillSession : IAsyncDisposable
{
    private const int GridSize = 60;

    /// <summary>The most a typed quantity may be (the same bound as <see cref="SetQuantityAsync"/>).</summary>
    private const int MaxQuantity = 9999;

    /// <summary>How often the till looks at its printer's state (the device worker updates it as it sends).</summary>
    private static readonly TimeSpan PrinterPoll = TimeSpan.FromSeconds(2);

    /// <summary>How long a confirmation stays (an error stays until the cashier closes it or acts).</summary>
    private static readonly TimeSpan ConfirmationTime = TimeSpan.FromSeconds(4);

    private readonly Backend _backend;
    private readonly Access.UiSession _access;
    private readonly ProtectedLocalStorage _storage;
    private readonly NavigationManager _navigation;
    private readonly CustomerDisplayHub _display;
    private UiText L { get; }
    private readonly ILogger<TillSession> _logger;
    private readonly ITillScreen _screen;
    private readonly CancellationTokenSource _closing = new();

    public TillSession(Guid registerId, ITillScreen screen, Backend backend, Access.UiSession access, ProtectedLocalStorage storage,
        NavigationManager navigation, CustomerDisplayHub display, UiText text, ILogger<TillSession> logger)
    {
        RegisterId = registerId;
        _screen = screen;
        _backend = backend;
        _access = access;
        _storage = storage;
        _navigation = navigation;
        _display = display;
        L = text;
        _logger = logger;
    }

    public Guid RegisterId { get; }

    public StoreView? Store { get; private set; }
    public RegisterView? Register { get; private set; }
    public EmployeeView? Cashier { get; private set; }
    public SaleView? Sale { get; private set; }

    /// <summary>The sale (or return) whose receipt is on screen.</summary>
    public SaleView? Completed { get; private set; }

    public string? LoadError { get; private set; }
    public TillDialog Dialog { get; private set; }
    public Guid? SelectedLineId { get; private set; }
    public SaleLineView? SelectedLine => Sale?.Lines.FirstOrDefault(l => l.Id == SelectedLineId);

    /// <summary>The line a discount is given on (null: the whole sale).</summary>
    public Guid? DiscountLineId { get; private set; }

    /// <summary>The product being weighed (<see cref="WeightDialog"/>).</summary>
    public ProductView? Weighing { get; private set; }

    private string? _weighingBarcode;

    /// <summary>The menu item whose modifiers are being chosen (<see cref="ModifierDialog"/>), and the code it was scanned by.</summary>
    public ProductView? Modifying { get; private set; }

    private string? _modifyingBarcode;

    public PrinterView? Printer { get; private set; }

    /// <summary>The customer's answer to "kvittering?" on the payment screen (back to yes after each sale).</summary>
    public bool PrintReceipt { get; set; } = true;

    /// <summary>A gated action waiting for a supervisor's PIN, and how to run it once approved.</summary>
    public sealed record PendingApproval(Permission Permission, string What, Func<Approval?, Task> Action);

    public PendingApproval? Approval { get; private set; }

    /// <summary>The sale the floor view sent the till to (<c>?sale=</c>): a table's, opened or picked there.</summary>
    public Guid? SaleFromFloor { get; set; }

    /// <summary>Set by the language switch (?chosen=1) on the sign-in screen: the next cashier keeps that language.</summary>
    public bool LanguageJustChosen { get; set; }

    public bool HasLines => Sale is { Lines.Count: > 0 };

    public string ItemCount => Formats.Quantity(Sale?.Lines.Sum(l => l.Unit == Unit.Piece ? l.Quantity : 1m) ?? 0m);

    /// <summary>The names of the store's tables, read when the till takes up a sale on a table (from the floor view).</summary>
    private Dictionary<Guid, string> _tableNames = [];

    /// <summary>"Table 4 · 3 guests", "Jensen": where the sale in hand is served, or null for a shop sale.</summary>
    public string? SeatingText
    {
        get
        {
            if (Sale is null || (Sale.TableId is null && Sale.TabName is null))
                return null;
            var parts = new List<string>();
            if (Sale.TableId is { } table)
                parts.Add(L.Format("Table {0}", _tableNames.TryGetValue(table, out var name) ? name : "?"));
            if (Sale.Covers is { } covers)
                parts.Add(L.Count(covers, "{0} guest", "{0} guests"));
            if (Sale.TabName is { } tab)
                parts.Add(tab);
            return string.Join(" · ", parts);
        }
    }

    /// <summary>A table's or a tab's sale: seats, the kitchen, splitting and the table actions apply.</summary>
    public bool IsServed => Sale is { TableId: not null } or { TabName: not null };

    /// <summary>How many seats a table's sale offers its lines: its guests (at least one), else the table's own seats aren't known here.</summary>
    public int SeatsOfSale => Math.Max(1, Sale?.Covers ?? 4);

    public bool CanSplit => IsServed && HasLines && Sale!.Payments.Count == 0;

    /// <summary>On a phone: the cart sheet is slid up over the products (folded, it is a bar with the count and total).</summary>
    public bool CartOpen { get; private set; }

    public void ToggleCart() => CartOpen = !CartOpen;

    // ---- the message bar --------------------------------------------------------------------------------

    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    /// <summary>The last scan's code is unknown: the message offers to look it up.</summary>
    public bool UnknownCode { get; private set; }

    /// <summary>The code of the last unknown scan, which "Look it up" puts in the search field.</summary>
    private string? _lookUpCode;

    private int _messageVersion;
    private int _errors;

    public void DismissMessage() => Message = null;

    public void Toast(string message, bool error)
    {
        Message = message;
        MessageIsError = error;
        UnknownCode = false;
        var version = ++_messageVersion;
        if (error)
        {
            _errors++;
            _screen.Beep("error");
        }
        else
            _ = HideLaterAsync(version);
    }

    private async Task HideLaterAsync(int version)
    {
        try
        {
            await Task.Delay(ConfirmationTime, _closing.Token);
            await _screen.InvokeAsync(() =>
            {
                if (version != _messageVersion || MessageIsError)
                    return Task.CompletedTask;
                Message = null;
                _screen.Refresh();
                return Task.CompletedTask;
            });
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // the page closed
        }
    }

    // ---- after a render ---------------------------------------------------------------------------------

    /// <summary>The line just added or changed, scrolled into view after the next render (the newest line is never out of sight).</summary>
    private Guid? _revealLine;

    private string? _focusAfterRender;

    /// <summary>The line to scroll into view after this render, once.</summary>
    public Guid? TakeLineToReveal()
    {
        var line = _revealLine;
        _revealLine = null;
        return line;
    }

    /// <summary>The field to focus after this render, once.</summary>
    public string? TakeFocus()
    {
        var selector = _focusAfterRender;
        _focusAfterRender = null;
        return selector;
    }

    // ---- loading and taking up the register's sale -------------------------------------------------------

    private bool _mergeRepeatedScans = true;

    public async Task LoadAsync()
    {
        try
        {
            (Store, Register) = await _backend.Call<StoreService, (StoreView, RegisterView)>(async stores =>
            {
                var register = await stores.GetRegisterAsync(RegisterId, CancellationToken.None);
                var store = await stores.GetAsync(register.StoreId, CancellationToken.None);
                return (store, register);
            });
            Categories = await _backend.Call<CatalogService, IReadOnlyList<CategoryView>>(c => c.ListCategoriesAsync(CancellationToken.None));
            var storeId = Store.Id;
            _mergeRepeatedScans = (await _backend.Call<TillSettings, TillSettingsView>(t => t.GetAsync(storeId, CancellationToken.None))).MergeRepeatedScans;
            await OpenOnFavouritesAsync();
            await LoadProductsAsync();
        }
        catch (DomainException e)
        {
            LoadError = L.Error(e);
        }
    }

    /// <summary>After a reload: the same cashier, and the register's open sale.</summary>
    public Task RestoreAsync() => InTurnAsync(async () =>
    {
        var remembered = await TillMemory.LoadAsync(_storage, RegisterId);
        if (remembered?.CashierId is { } cashierId)
        {
            var employees = await _backend.Call<EmployeeService, IReadOnlyList<EmployeeView>>(e => e.ListAsync(CancellationToken.None));
            Cashier = employees.FirstOrDefault(e => e.Id == cashierId && e.IsActive);
            if (Cashier is not null)
            {
                // The browser's storage is encrypted and signed by the server, so it names the cashier who signed in here.
                _access.ActAsCashier(Cashier, RegisterId, new HashSet<Permission>());
                await TillLanguage.RememberAsync(_storage, Cashier.Id);
                // A cashier already signed in picked this language for themselves, not for whoever signs in next.
                LanguageJustChosen = false;
            }
        }
        if (Cashier is not null)
            await CarryOnWithRegisterSaleAsync();
        _screen.Refresh();
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
            Sale = SaleFromFloor is { } picked
                ? await _backend.Call<SaleUseCases, SaleView?>(s => s.TakeUpAsync(picked, RegisterId, CancellationToken.None))
                  ?? await _backend.Call<SaleUseCases, SaleView?>(s => s.OpenSaleOfRegisterAsync(RegisterId, CancellationToken.None))
                : await _backend.Call<SaleUseCases, SaleView?>(s => s.OpenSaleOfRegisterAsync(RegisterId, CancellationToken.None));
            SelectedLineId = null;
            if (Sale?.TableId is not null && Store is { } store)
                _tableNames = (await _backend.Call<Kasse.Application.Restaurant.FloorService, IReadOnlyList<Kasse.Application.Restaurant.AreaView>>(
                    f => f.PlanAsync(store.Id, CancellationToken.None))).SelectMany(a => a.Tables).ToDictionary(t => t.Id, t => t.Name);
            AfterChange();
            // A card or MobilePay payment still out: back to the payment screen, which follows it to its outcome.
            if (Sale is { } sale
                && (await _backend.Call<TerminalPaymentService, IReadOnlyList<TerminalPaymentView>>(p => p.ListForSaleAsync(sale.Id, CancellationToken.None)))
                    .Any(p => !p.IsSettled))
                Dialog = TillDialog.Pay;
        }
        catch (DomainException e)
        {
            Toast(L.Error(e), error: true);
        }
    }

    // ---- the printer ------------------------------------------------------------------------------------

    /// <summary>Keeps the printer's state on screen while the till is open (ends with the page).</summary>
    public async Task WatchPrinterAsync()
    {
        using var timer = new PeriodicTimer(PrinterPoll);
        try
        {
            do
            {
                var printer = await _backend.Call<PrinterService, PrinterView?>(p => p.FindForRegisterAsync(RegisterId, CancellationToken.None));
                if (printer != Printer)
                {
                    Printer = printer;
                    await _screen.InvokeAsync(() =>
                    {
                        _screen.Refresh();
                        return Task.CompletedTask;
                    });
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
            _logger.LogWarning(e, "Watching the printer of register {Register} stopped", RegisterId);
        }
    }

    private Task RememberAsync() =>
        TillMemory.SaveAsync(_storage, new TillMemory.TillState(RegisterId, Cashier?.Id, Cashier?.Name));

    // ---- signing in and out -----------------------------------------------------------------------------

    // In the till's turn: a scan that comes while the register's open sale is being taken up waits for it and lands on
    // that sale, instead of starting another one that the taken-up sale then replaces on screen.
    public Task SignedInAsync(EmployeeView cashier) => InTurnAsync(async () =>
    {
        Cashier = cashier;
        await RememberAsync();
        // Each person's own language — the one they last used on this till, else the one the back office gave them —
        // switch to it if it differs from the one on screen.
        // A language picked on the sign-in screen just now wins over both (the person signing in picked it).
        var preferred = LanguageJustChosen
            ? UiLanguages.Current
            : await TillLanguage.PreferredAsync(_storage, cashier.Id) ?? UiLanguages.Find(cashier.Language);
        LanguageJustChosen = false;
        if (preferred is { } language && language != UiLanguages.Current)
        {
            _navigation.NavigateTo($"/ui/language/{language.Code}?returnUrl={Uri.EscapeDataString($"/till/{RegisterId}")}", forceLoad: true);
            return;
        }
        await TillLanguage.RememberAsync(_storage, cashier.Id);
        await CarryOnWithRegisterSaleAsync();
    });

    public async Task SignOutAsync()
    {
        if (Cashier is null)
            return;
        var cashierId = Cashier.Id;
        await TryAsync(() => _backend.Call<TillSignIn, EmployeeView>(t => t.SignOutAsync(RegisterId, cashierId, CancellationToken.None)));
        _access.EndCashier();
        Cashier = null;
        Approval = null;
        Dialog = TillDialog.None;
        await RememberAsync();
    }

    // ---- the catalogue ----------------------------------------------------------------------------------

    public IReadOnlyList<CategoryView> Categories { get; private set; } = [];
    public IReadOnlyList<ProductView> Products { get; private set; } = [];
    public Guid? CategoryId { get; private set; }

    /// <summary>What is typed in the search field.</summary>
    public string Query { get; set; } = "";

    public bool HasFavourites { get; private set; }
    public bool FavouritesOn { get; private set; }

    private int _searchVersion;

    public async Task LoadProductsAsync()
    {
        var version = ++_searchVersion;
        var query = Query;
        var category = string.IsNullOrWhiteSpace(query) ? CategoryId : null;
        var items = string.IsNullOrWhiteSpace(query) && FavouritesOn
            ? await LoadFavouritesAsync()
            : (await _backend.Call<CatalogService, ProductPage>(c => c.SearchAsync(query, category, 0, GridSize, CancellationToken.None))).Items;
        if (version == _searchVersion) // a slower, older search must not overwrite a newer one
            Products = items;
    }

    /// <summary>Enter in the search box adds the only match (or the code typed, if it is one).</summary>
    public async Task SearchEnterAsync()
    {
        if (string.IsNullOrWhiteSpace(Query))
            return;
        await LoadProductsAsync();
        if (Products.Count == 1)
        {
            await TapProductAsync(Products[0]);
            await ClearSearchAsync();
        }
        else if (Query.Trim().All(char.IsAsciiDigit) && Query.Trim().Length >= 7)
        {
            var code = Query.Trim();
            await ClearSearchAsync();
            await ScanAsync(code);
        }
    }

    private async Task ClearSearchAsync()
    {
        Query = "";
        await LoadProductsAsync();
    }

    public async Task ChooseCategoryAsync(Guid? categoryId)
    {
        FavouritesOn = false;
        CategoryId = categoryId;
        Query = "";
        await LoadProductsAsync();
    }

    /// <summary>The Favourites tab: the manager's chosen products, the first tab (and the one the till opens on) when there are any.</summary>
    public async Task ChooseFavouritesAsync()
    {
        FavouritesOn = true;
        CategoryId = null;
        Query = "";
        await LoadProductsAsync();
    }

    private async Task OpenOnFavouritesAsync()
    {
        var favourites = await LoadFavouritesAsync();
        HasFavourites = favourites.Count > 0;
        FavouritesOn = HasFavourites && CategoryId is null;
    }

    private Task<IReadOnlyList<ProductView>> LoadFavouritesAsync() =>
        _backend.Call<FavouriteService, IReadOnlyList<ProductView>>(f => f.ListAsync(activeOnly: true, CancellationToken.None));

    public async Task LookUpAsync()
    {
        Message = null;
        UnknownCode = false;
        // The scanned code stays in the field, to correct a misread digit or search by it.
        Query = _lookUpCode ?? "";
        _lookUpCode = null;
        await LoadProductsAsync();
        await _screen.FocusAsync("#till-search");
    }

    // ---- adding to the sale -----------------------------------------------------------------------------

    public async Task TapProductAsync(ProductView product)
    {
        if (product.Unit.AllowsFractions())
        {
            Weighing = product;
            _weighingBarcode = null;
            Dialog = TillDialog.Weight;
            return;
        }
        if (Store is { } store && await _backend.Call<Kasse.Application.Menu.MenuService, bool>(m => m.OffersModifiersAsync(store.Id, product.Id, CancellationToken.None)))
        {
            Modifying = product;
            Dialog = TillDialog.Modifiers;
            return;
        }
        await InTurnAsync(async () =>
        {
            if (!await MergedAsync(product))
                await AddLineAsync(new AddLine(Guid.CreateVersion7(), ProductId: product.Id));
        });
    }

    /// <summary>A menu item with its modifiers and note is always a line of its own (never merged into another).</summary>
    public async Task AddWithModifiersAsync((IReadOnlyList<Guid> Modifiers, string? Note) choice)
    {
        var product = Modifying;
        var barcode = _modifyingBarcode;
        Dialog = TillDialog.None;
        Modifying = null;
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
        if (!_mergeRepeatedScans || Sale is not { Status: SaleStatus.Open } sale)
            return false;
        if (product is null && scanned is not null)
        {
            var code = scanned.Trim();
            // Only a code already on the sale is looked up: a new product's scan costs no extra round trip.
            if (!sale.Lines.Any(l => l.Barcode == code && l.Unit == Unit.Piece))
                return false;
            product = await _backend.Call<CatalogService, ProductView?>(async c =>
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
        SelectedLineId = line.Id;
        _revealLine = line.Id;
        Message = null;
        return true;
    }

    public async Task WeighedAsync(decimal kilograms)
    {
        var product = Weighing;
        var barcode = _weighingBarcode;
        Dialog = TillDialog.None;
        Weighing = null;
        if (product is null)
            return;
        await AddLineAsync(barcode is null
            ? new AddLine(Guid.CreateVersion7(), ProductId: product.Id, Quantity: kilograms)
            : new AddLine(Guid.CreateVersion7(), Barcode: barcode, Quantity: kilograms));
    }

    /// <summary>
    /// A code from the scanner (till.js): to the Returns dialog when it is open, else onto the sale (closing a receipt on
    /// screen); before a cashier signs in, only a message.
    /// </summary>
    public async Task ScannedAsync(string code, ReturnsDialog? returns)
    {
        if (Cashier is null)
        {
            Toast(L["Sign in"] + ": " + code, error: true);
            return;
        }
        if (Dialog == TillDialog.Returns && returns is not null)
            await returns.ScannedAsync(code);
        else if (Dialog is TillDialog.None or TillDialog.Receipt)
        {
            Dialog = TillDialog.None;
            await ScanAsync(code);
        }
    }

    private Task ScanAsync(string code) => InTurnAsync(async () =>
    {
        var errors = _errors;
        if (!await MergedAsync(null, code))
            await AddLineAsync(new AddLine(Guid.CreateVersion7(), Barcode: code), scanned: code);
        if (_errors == errors)
            _screen.Beep("ok"); // an error beeps its own way (Toast)
    });

    /// <returns>True if the line was added.</returns>
    private async Task<bool> AddLineAsync(AddLine line, string? scanned = null)
    {
        try
        {
            var sale = await EnsureSaleAsync();
            Sale = await _backend.Call<SaleUseCases, SaleView>(s => s.AddLineAsync(sale.Id, line, CancellationToken.None));
            SelectedLineId = Sale.Lines.FirstOrDefault(l => l.Id == line.LineId)?.Id ?? SelectedLineId;
            Message = null;
            AfterChange();
            _revealLine = SelectedLineId;
            return true;
        }
        catch (DomainException e) when (e.Code == "barcode.unknown" && scanned is not null)
        {
            Toast(L.Format("Unknown code {0}.", scanned), error: true);
            UnknownCode = true;
            _lookUpCode = scanned;
        }
        catch (DomainException e) when (e.Code == MenuErrors.ChoiceRequired && scanned is not null)
        {
            // A scanned menu item with a required choice (its size): ask for it, then add it by the same code.
            Modifying = await _backend.Call<CatalogService, ProductView?>(async c =>
                await c.FindByBarcodeAsync(scanned.Trim(), CancellationToken.None) is { } found ? ProductView.From(found) : null);
            _modifyingBarcode = scanned.Trim();
            Dialog = Modifying is null ? TillDialog.None : TillDialog.Modifiers;
        }
        catch (DomainException e) when (e.Code == "line.weight-required" && scanned is not null)
        {
            Weighing = await _backend.Call<CatalogService, ProductView?>(async c =>
            {
                var items = (await c.SearchAsync(scanned, null, 0, 1, CancellationToken.None)).Items;
                return items.Count > 0 ? items[0] : null;
            });
            _weighingBarcode = scanned;
            Dialog = Weighing is null ? TillDialog.None : TillDialog.Weight;
        }
        catch (DomainException e)
        {
            Toast(L.Error(e), error: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not the cashier's doing (e.g. the database is busy or gone): say so, keep the till usable, log it.
            _logger.LogError(e, "Adding {Line} to the sale on register {Register} failed", line, RegisterId);
            Toast(L["Something went wrong; nothing was added. Try again."] + " (" + e.GetType().Name + ")", error: true);
        }
        return false;
    }

    /// <summary>
    /// The open sale, opened on the first line. A tap and a scan that come together (a scanner's burst right after a tap
    /// on the grid) both wait for the one sale being opened, so they land on the same sale instead of opening two.
    /// </summary>
    public async Task<SaleView> EnsureSaleAsync()
    {
        if (Sale is { Status: SaleStatus.Open })
            return Sale;
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
        var cashierId = Cashier?.Id;
        Sale = await _backend.Call<SaleUseCases, SaleView>(s => s.OpenAsync(new OpenSale(id, RegisterId, cashierId), CancellationToken.None));
        await RememberAsync();
        return Sale;
    }

    // ---- changing the cart ------------------------------------------------------------------------------

    public void SelectLine(Guid lineId) => SelectedLineId = lineId;

    /// <summary>The arrow keys: the line above or below the selected one (the last line when none is selected and going up).</summary>
    public void MoveSelection(bool up)
    {
        if (Sale is not { Lines.Count: > 0 } sale)
            return;
        var index = sale.Lines.ToList().FindIndex(l => l.Id == SelectedLineId);
        index = up ? Math.Max(0, index < 0 ? sale.Lines.Count - 1 : index - 1) : Math.Min(sale.Lines.Count - 1, index + 1);
        SelectedLineId = sale.Lines[index].Id;
        _revealLine = SelectedLineId;
    }

    public Task ChangeQuantityAsync(SaleLineView line, int by) =>
        line.Quantity + by <= 0 ? RemoveLineAsync(line) : ChangeSaleAsync(s => s.ChangeQuantityAsync(Sale!.Id, line.Id, line.Quantity + by, CancellationToken.None));

    /// <summary>An exact quantity typed on the line (e.g. 24 bottles); 0 removes it.</summary>
    public async Task SetQuantityAsync(SaleLineView line, string? typed)
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
            await ChangeSaleAsync(s => s.ChangeQuantityAsync(Sale!.Id, line.Id, quantity, CancellationToken.None));
    }

    public async Task RemoveLineAsync(SaleLineView line)
    {
        var index = Sale!.Lines.ToList().FindIndex(l => l.Id == line.Id);
        await ChangeSaleAsync(s => s.RemoveLineAsync(Sale.Id, line.Id, CancellationToken.None));
        SelectedLineId = Sale is { Lines.Count: > 0 } left ? left.Lines[Math.Clamp(index, 0, left.Lines.Count - 1)].Id : null;
    }

    public Task<bool> SetSeatAsync(SaleLineView line, int? seat) =>
        ChangeSaleAsync(s => s.SetLineSeatAsync(Sale!.Id, line.Id, new SetLineSeat(seat), CancellationToken.None));

    public void OpenDiscount(Guid? lineId)
    {
        DiscountLineId = lineId;
        Dialog = TillDialog.Discount;
    }

    /// <summary>A discount above the owner's limit needs a supervisor's PIN when the cashier's role may not give it.</summary>
    public async Task ApplyDiscountAsync(SetDiscount discount)
    {
        var lineId = DiscountLineId;
        var saleId = Sale!.Id;
        await GatedAsync(Permission.DiscountAboveLimit, L["Discount above the limit"] + (discount.Reason is null ? "" : $" ({discount.Reason})"), async approval =>
        {
            var command = discount with { Approval = approval };
            Sale = await _backend.Call<SaleUseCases, SaleView>(s => s.SetDiscountAsync(saleId, lineId, command, CancellationToken.None));
            AfterChange();
            Dialog = TillDialog.None;
        });
    }

    public void OpenPrice(Guid lineId)
    {
        SelectedLineId = lineId;
        Dialog = TillDialog.Price;
    }

    /// <summary>A price override of the selected line, in one change: PriceOverride or a supervisor's PIN.</summary>
    public async Task OverridePriceAsync(decimal price)
    {
        if (SelectedLine is not { ProductId: not null } line || Sale is null)
            return;
        var saleId = Sale.Id;
        var what = L["Change price"] + $": {line.Name} {Formats.Amount(line.UnitPrice)} → {Formats.Amount(price)}";
        await GatedAsync(Permission.PriceOverride, what, async approval =>
        {
            var command = new OverridePrice(price, approval);
            Sale = await _backend.Call<SaleUseCases, SaleView>(s => s.OverridePriceAsync(saleId, line.Id, command, CancellationToken.None));
            AfterChange();
            Dialog = TillDialog.None;
        });
    }

    // ---- the coupon a customer hands over (docs/promotions.md) --------------------------------------------

    public string CouponCode { get; set; } = "";

    /// <summary>The coupon field shows on demand (from <em>More</em>), leaving the cart's height to its lines.</summary>
    public bool CouponOpen { get; private set; }

    public void OpenCoupon()
    {
        Dialog = TillDialog.None;
        CouponOpen = true;
        _focusAfterRender = "#coupon-input";
    }

    public void CloseCoupon() => CouponOpen = false;

    public async Task ApplyCouponAsync()
    {
        if (Sale is null || string.IsNullOrWhiteSpace(CouponCode))
            return;
        var code = CouponCode;
        var saleId = Sale.Id;
        var changed = await TryAsync(() => _backend.Call<SaleCustomerUseCases, SaleView>(c => c.ApplyCouponAsync(saleId, code, CancellationToken.None)));
        if (changed is null)
            return;
        CouponCode = "";
        CouponOpen = false;
        Sale = changed;
        AfterChange();
    }

    public async Task RemoveCouponAsync()
    {
        if (Sale is null)
            return;
        var saleId = Sale.Id;
        var changed = await TryAsync(() => _backend.Call<SaleCustomerUseCases, SaleView>(c => c.RemoveCouponAsync(saleId, CancellationToken.None)));
        if (changed is null)
            return;
        Sale = changed;
        AfterChange();
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
            Approval = new PendingApproval(permission, what, action);
        }
        catch (DomainException e)
        {
            Toast(L.Error(e), error: true);
        }
        // Called from the till's dialogs too: the approval dialog and the message belong to the till itself.
        _screen.Refresh();
        return false;
    }

    public async Task<string?> ApproveAsync(Approval approval)
    {
        if (Approval is not { } pending)
            return null;
        try
        {
            await pending.Action(approval);
            Approval = null;
            Message = null;
            _screen.Refresh(); // the dialog asked; the till shows the outcome
            return null;
        }
        catch (DomainException e)
        {
            return L.Error(e);
        }
    }

    public void CancelApproval() => Approval = null;

    // ---- parking, resuming, voiding ---------------------------------------------------------------------

    public async Task ParkAsync()
    {
        if (!HasLines)
            return;
        if (await ChangeSaleAsync(s => s.ParkAsync(Sale!.Id, CancellationToken.None)))
        {
            await NewSaleAsync();
            Toast(L["Sale parked. Pick it up again under Parked sales."], error: false);
        }
    }

    public async Task ResumeAsync(Guid saleId)
    {
        if (HasLines)
        {
            // The cart in hand is parked first, so resuming never loses anything.
            if (!await ChangeSaleAsync(s => s.ParkAsync(Sale!.Id, CancellationToken.None)))
                return;
        }
        else if (Sale is { Status: SaleStatus.Open, Payments.Count: 0 } empty && empty.Id != saleId)
        {
            // An empty sale in hand ends (voided, as DESIGN.md's sale ends without a receipt) rather than stay open behind the resumed one.
            if (await TryAsync(() => _backend.Call<SaleUseCases, SaleView>(s => s.EndIfEmptyAsync(empty.Id, CancellationToken.None))) is null)
                return;
        }
        var resumed = await TryAsync(() => _backend.Call<SaleUseCases, SaleView>(s => s.ResumeAsync(saleId, RegisterId, CancellationToken.None)));
        if (resumed is null)
            return;
        Sale = resumed;
        SelectedLineId = null;
        Dialog = TillDialog.None;
        AfterChange();
        _revealLine = SelectedLineId;
        await RememberAsync();
        Toast(L.Count(ItemCount, "Sale resumed: {0} item, {1}.", "Sale resumed: {0} items, {1}.", Formats.Money(resumed.TotalAmount, resumed.Currency)), error: false);
    }

    public async Task VoidAsync()
    {
        if (Sale is { } sale && await TryAsync(() => _backend.Call<SaleUseCases, SaleView>(s => s.VoidAsync(sale.Id, CancellationToken.None))) is not null)
            await NewSaleAsync();
        Dialog = TillDialog.None;
    }

    private async Task NewSaleAsync()
    {
        Sale = null;
        SelectedLineId = null;
        await RememberAsync();
    }

    private async Task<bool> ChangeSaleAsync(Func<SaleUseCases, Task<SaleView>> change)
    {
        var changed = await TryAsync(() => _backend.Call<SaleUseCases, SaleView>(change));
        if (changed is null)
            return false;
        Sale = changed;
        AfterChange();
        return true;
    }

    // ---- splitting the bill -----------------------------------------------------------------------------

    /// <summary>A part of the split bill taken up in the till (the others stay open on the table), ready to pay.</summary>
    public async Task OpenPartAsync(Guid saleId)
    {
        try
        {
            var part = await _backend.Call<SaleUseCases, SaleView?>(s => s.TakeUpAsync(saleId, RegisterId, CancellationToken.None));
            Dialog = TillDialog.None;
            if (part is not null)
                SaleChanged(part);
        }
        catch (DomainException e)
        {
            Toast(L.Error(e), error: true);
        }
    }

    // ---- paying -----------------------------------------------------------------------------------------

    public void OpenPay()
    {
        if (HasLines)
            Dialog = TillDialog.Pay;
    }

    /// <summary>A dialog changed the sale on the server (a payment, the customer, the kitchen, a table action).</summary>
    public void SaleChanged(SaleView sale)
    {
        Sale = sale;
        AfterChange();
    }

    public async Task SaleCompleted(SaleView sale)
    {
        Completed = sale;
        Sale = null;
        SelectedLineId = null;
        PrintReceipt = true;
        Dialog = TillDialog.Receipt;
        await RememberAsync();
    }

    public Task ReturnedAsync(SaleView returned)
    {
        Completed = returned;
        Dialog = TillDialog.Receipt;
        return Task.CompletedTask;
    }

    // ---- dialogs ----------------------------------------------------------------------------------------

    public void Open(TillDialog dialog) => Dialog = dialog;

    public void Close()
    {
        Dialog = TillDialog.None;
        Weighing = null;
        if (Completed is { } completed)
        {
            Completed = null;
            // The customer display follows the sale on the server; only the end of the receipt screen is the till's to say
            // (after a return done mid-sale, the open sale comes back on the display).
            _display.Finished(RegisterId, completed.Id);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void AfterChange()
    {
        if (SelectedLineId is null || Sale?.Lines.All(l => l.Id != SelectedLineId) == true)
            SelectedLineId = Sale is { Lines.Count: > 0 } sale ? sale.Lines[^1].Id : null;
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
        _access.EndCashier();
        await _closing.CancelAsync();
        _addTurn.Dispose();
    }
}
