using Kasse.Application.Catalog;
using Kasse.Application.Menu;
using Kasse.Application.Payments;
using Kasse.Application.Sales;
using Kasse.Application.SelfService;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Domain;
using Kasse.Domain.Menu;
using Kasse.Domain.Payments;
using Kasse.Domain.SelfService;
using Kasse.Domain.Sales;
using Kasse.Server.Hosting;
using Kasse.Server.Ui.Access;
using Kasse.Server.Ui.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;

namespace Kasse.Server.Ui.Kiosk;

public enum KioskPhase
{
    Loading,
    Unpaired,
    Attract,
    Categories,
    Products,
    Item,
    Upsell,
    Basket,
    OrderType,
    Pay,
    Done,
    Staff,
}

/// <summary>
/// The kiosk page's state and steps. The basket is a sale on the kiosk's register, changed only through
/// <see cref="SaleUseCases"/> and paid and finished through <see cref="KioskOrders"/>; the circuit acts as the paired kiosk.
/// </summary>
public sealed partial class Kiosk
{
    /// <summary>Where this browser keeps its device token (encrypted by the server's data protection).</summary>
    private const string TokenKey = "kasse.kiosk.device";

    /// <summary>How long a finger must stay on the corner to call the staff.</summary>
    private static readonly TimeSpan LongPress = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PayFor = TimeSpan.FromMinutes(3);

    [Inject] private Backend Backend { get; set; } = null!;
    [Inject] private UiSession Session { get; set; } = null!;
    [Inject] private ProtectedLocalStorage Storage { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IOptions<KioskOptions> Options { get; set; } = null!;
    [Inject] private ILogger<Kiosk> Logger { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "pair")] public string? PairFromLink { get; set; }

    private readonly CancellationTokenSource _gone = new();
    private KioskPhase _phase = KioskPhase.Loading;
    private KioskLanguage _lang = KioskText.Danish;
    private KioskLanguage _storeLanguage = KioskText.Danish;
    private KioskIdentity? _kiosk;
    private StoreView? _store;
    private PaymentDevicesView? _devices;
    private string? _pairCode;
    private string? _error;
    private bool _busy;

    private sealed record CategoryTile(CategoryView Category, string? Image);

    private IReadOnlyList<CategoryTile> _categories = [];
    private CategoryView? _category;
    private IReadOnlyList<ProductView> _products = [];
    private ProductView? _item;
    private ProductMenuView? _menu;
    private IReadOnlyList<Allergens> _allergens = [];
    private readonly List<Guid> _chosen = [];
    private List<ProductView> _upsell = [];
    private bool _upsellShown;
    private SaleView? _sale;
    private PaymentMethod? _paying;
    private string? _payMessage;
    private SaleView? _done;

    // Inactivity, on the server's clock of real time (a test's clock does not move it).
    private long _lastTouch = System.Diagnostics.Stopwatch.GetTimestamp();
    private bool _warning;
    private int _warningLeft;
    private long? _cornerDown;

    private string T(string english) => KioskText.Get(_lang, english);

    private string Tf(string english, params object?[] args) => KioskText.Format(_lang, english, args);

    private string Money(decimal amount) => KioskText.Money(_lang, amount, _store?.Currency ?? "DKK");

    private IEnumerable<SaleLineView> Lines => _sale?.Lines.Where(l => l.ParentLineId is null) ?? [];

    private int LineCount => Lines.Count();

    private string TotalText => Money(_sale?.TotalAmount ?? 0m);

    private string ItemsText
    {
        get
        {
            var count = (int)Lines.Sum(l => l.Quantity);
            return count == 1 ? T("1 item") : Tf("{0} items", count);
        }
    }

    private static string TileColour(string? colour) => colour is { Length: > 0 } ? $"--tile: {colour}" : "";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        await TryAsync(async () =>
        {
            if (PairFromLink is { Length: > 0 } code)
            {
                await PairAsync(code);
                return;
            }
            var stored = await Storage.GetAsync<string>(TokenKey);
            var token = stored.Success ? stored.Value : null;
            var kiosk = token is null ? null : await Backend.Call<KioskService, KioskIdentity?>(k => k.IdentifyAsync(token, CancellationToken.None));
            if (kiosk is null || token is null)
            {
                _phase = KioskPhase.Unpaired;
                return;
            }
            await StartAsKioskAsync(token, kiosk);
        });
        StateHasChanged();
        _ = WatchIdleAsync();
    }

    private async Task PairAsync(string? code)
    {
        _error = null;
        try
        {
            var paired = await Backend.Call<KioskService, KioskPairing>(k => k.PairAsync(code ?? "", CancellationToken.None));
            var kiosk = await Backend.Call<KioskService, KioskIdentity?>(k => k.IdentifyAsync(paired.Token, CancellationToken.None))
                ?? throw DomainException.Conflict(KioskErrors.NotKiosk, "This register is not a kiosk; mark it as a kiosk in the back office first.");
            await Storage.SetAsync(TokenKey, paired.Token);
            await StartAsKioskAsync(paired.Token, kiosk);
            // The code is used up: off the address bar, so a reload does not try it again.
            if (PairFromLink is not null)
                Navigation.NavigateTo("/kiosk", replace: true);
        }
        catch (DomainException e)
        {
            _phase = KioskPhase.Unpaired;
            _error = L.Error(e);
        }
    }

    private async Task StartAsKioskAsync(string token, KioskIdentity kiosk)
    {
        Session.ActAsKiosk(token, kiosk);
        _kiosk = kiosk;
        _store = await Backend.Call<StoreService, StoreView>(s => s.GetAsync(kiosk.StoreId, CancellationToken.None));
        _storeLanguage = KioskText.All.FirstOrDefault(l => l.Code == _store.Language) ?? KioskText.Danish;
        _lang = _storeLanguage;
        _devices = await Backend.Call<PaymentDevices, PaymentDevicesView>(d => d.GetAsync(kiosk.RegisterId, CancellationToken.None));
        // A sale left open on the register (the page was reloaded): carry on with it if money was taken, else start clean.
        var open = await Backend.Call<SaleUseCases, SaleView?>(s => s.OpenSaleOfRegisterAsync(kiosk.RegisterId, CancellationToken.None));
        if (open is { Payments.Count: > 0 })
        {
            _sale = open;
            _phase = open.AmountDue == 0m ? KioskPhase.Pay : KioskPhase.Basket;
            if (open.AmountDue == 0m)
                await FinishAsync();
            return;
        }
        if (open is not null)
            await ClearAsync(open);
        _phase = KioskPhase.Attract;
    }

    // ---- the menu ----------------------------------------------------------------------------------------

    private void PickLanguage(KioskLanguage language) => _lang = language;

    private async Task StartAsync()
    {
        await TryAsync(LoadMenuAsync);
        _phase = KioskPhase.Categories;
    }

    private async Task LoadMenuAsync()
    {
        var categories = await Backend.Call<CatalogService, IReadOnlyList<CategoryView>>(c => c.ListCategoriesAsync(CancellationToken.None));
        var tiles = new List<CategoryTile>();
        foreach (var category in categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Create(KioskText.Danish.Culture, false)))
        {
            var id = category.Id;
            var products = (await Backend.Call<CatalogService, ProductPage>(c => c.SearchAsync(null, id, 0, 60, CancellationToken.None))).Items;
            if (products.Count > 0)
                tiles.Add(new CategoryTile(category, products.Select(p => p.ImageUrl(640)).FirstOrDefault(u => u is not null)));
        }
        _categories = tiles;
    }

    private async Task OpenCategoryAsync(CategoryView category)
    {
        await TryAsync(async () =>
        {
            _category = category;
            var id = category.Id;
            _products = (await Backend.Call<CatalogService, ProductPage>(c => c.SearchAsync(null, id, 0, 60, CancellationToken.None))).Items
                .Where(p => p.Unit == Kasse.Domain.Catalog.Unit.Piece).ToList();
            _phase = KioskPhase.Products;
        });
    }

    private void BackToCategories() => _phase = KioskPhase.Categories;

    private void BackToProducts() => _phase = _category is null ? KioskPhase.Categories : KioskPhase.Products;

    private async Task OpenItemAsync(ProductView product)
    {
        await TryAsync(async () =>
        {
            var storeId = _kiosk!.StoreId;
            _item = product;
            _chosen.Clear();
            _menu = await Backend.Call<MenuService, ProductMenuView>(m => m.ProductMenuAsync(storeId, product.Id, CancellationToken.None));
            await ReadAllergensAsync();
            _phase = KioskPhase.Item;
        });
    }

    private async Task ReadAllergensAsync()
    {
        var (storeId, productId, chosen) = (_kiosk!.StoreId, _item!.Id, _chosen.ToList());
        _allergens = await Backend.Call<MenuService, IReadOnlyList<Allergens>>(m => m.AllergensAsync(storeId, productId, chosen, CancellationToken.None));
    }

    private decimal ItemPrice => (_item?.Price ?? 0m) + (_menu?.Groups.SelectMany(g => g.Options).Where(o => _chosen.Contains(o.Id)).Sum(o => o.PriceDelta) ?? 0m);

    private string? Missing => _menu?.Groups.FirstOrDefault(g => g.Options.Count(o => _chosen.Contains(o.Id)) < g.MinChoices)?.Name;

    /// <summary>A one-of group swaps its choice; a group of several takes up to its maximum (as the till's modifier dialog).</summary>
    private async Task ToggleAsync(ModifierGroupView group, ModifierOptionView option)
    {
        if (!_chosen.Remove(option.Id))
        {
            var inGroup = group.Options.Where(o => _chosen.Contains(o.Id)).Select(o => o.Id).ToList();
            if (group.MaxChoices == 1)
                _chosen.RemoveAll(inGroup.Contains);
            else if (inGroup.Count >= group.MaxChoices)
                return;
            _chosen.Add(option.Id);
        }
        await TryAsync(ReadAllergensAsync);
    }

    private async Task AddItemAsync()
    {
        if (_item is null || _menu is null || Missing is not null || _busy)
            return;
        _busy = true;
        try
        {
            await TryAsync(async () =>
            {
                var product = _item;
                var modifiers = _menu.Groups.SelectMany(g => g.Options).Where(o => _chosen.Contains(o.Id)).Select(o => o.Id).ToList();
                var saleId = await SaleIdAsync();
                _sale = await Backend.Call<SaleUseCases, SaleView>(s => s.AddLineAsync(saleId,
                    new AddLine(LineId: Guid.CreateVersion7(), ProductId: product.Id, Quantity: 1m, Modifiers: modifiers), CancellationToken.None));
                await OfferUpsellAsync();
            });
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<Guid> SaleIdAsync()
    {
        if (_sale is { Status: SaleStatus.Open } open)
            return open.Id;
        var registerId = _kiosk!.RegisterId;
        _sale = await Backend.Call<SaleUseCases, SaleView>(s => s.OpenAsync(new OpenSale(Guid.CreateVersion7(), registerId), CancellationToken.None));
        return _sale.Id;
    }

    /// <summary>
    /// Once per order, after the first item: up to three more of the same category that are not in the basket yet (those with a
    /// picture first, then the cheapest) — the drink or the cake that goes with it.
    /// </summary>
    private Task OfferUpsellAsync()
    {
        var inBasket = Lines.Select(l => l.ProductId).ToHashSet();
        _upsell = _upsellShown ? [] : _products.Where(p => !inBasket.Contains(p.Id))
            .OrderBy(p => p.ImageVersion is null).ThenBy(p => p.Price).Take(3).ToList();
        _upsellShown = true;
        _phase = _upsell.Count > 0 ? KioskPhase.Upsell : KioskPhase.Products;
        return Task.CompletedTask;
    }

    private void SkipUpsell() => _phase = KioskPhase.Products;

    // ---- basket and payment -------------------------------------------------------------------------------

    private void OpenBasket()
    {
        _payMessage = null;
        _phase = KioskPhase.Basket;
    }

    private async Task ChangeQuantityAsync(SaleLineView line, int by) => await TryAsync(async () =>
    {
        var saleId = _sale!.Id;
        var quantity = line.Quantity + by;
        _sale = quantity <= 0m
            ? await Backend.Call<SaleUseCases, SaleView>(s => s.RemoveLineAsync(saleId, line.Id, CancellationToken.None))
            : await Backend.Call<SaleUseCases, SaleView>(s => s.ChangeQuantityAsync(saleId, line.Id, quantity, CancellationToken.None));
    });

    private void Checkout()
    {
        if (LineCount > 0)
            _phase = KioskPhase.OrderType;
    }

    private async Task OrderTypeAsync(OrderType type) => await TryAsync(async () =>
    {
        var saleId = _sale!.Id;
        _sale = await Backend.Call<SaleUseCases, SaleView>(s => s.SetOrderTypeAsync(saleId, new SetOrderType(type), CancellationToken.None));
        _payMessage = null;
        _phase = KioskPhase.Pay;
    });

    /// <summary>
    /// Sends the payment to the register's device (one id per tap, saved before it is sent, so a double tap never charges
    /// twice) and follows it to its outcome; once paid, the order is finished.
    /// </summary>
    private async Task PayAsync(PaymentMethod method)
    {
        if (_sale is null || _paying is not null)
            return;
        _paying = method;
        _payMessage = null;
        StateHasChanged();
        var saleId = _sale.Id;
        try
        {
            var payment = await Backend.Call<KioskOrders, TerminalPaymentView>(k =>
                k.PayAsync(saleId, new StartDevicePayment(Guid.CreateVersion7(), method), CancellationToken.None));
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (!payment.IsSettled && waiting.Elapsed < PayFor && !_gone.IsCancellationRequested)
            {
                await Task.Delay(PollEvery, _gone.Token);
                var id = payment.Id;
                payment = await Backend.Call<TerminalPaymentService, TerminalPaymentView>(p => p.RefreshAsync(id, CancellationToken.None));
            }
            _sale = await Backend.Call<SalesService, SaleView>(s => s.GetAsync(saleId, CancellationToken.None));
            _paying = null;
            if (payment.State == TerminalPaymentState.Approved && _sale.AmountDue == 0m)
            {
                await FinishAsync();
                return;
            }
            _payMessage = payment.State switch
            {
                TerminalPaymentState.Declined => T("The payment was declined. Nothing was charged. Try again."),
                TerminalPaymentState.Aborted => T("The payment was cancelled. Nothing was charged."),
                _ => T("The payment could not be made. Nothing was charged. Try again or ask the staff."),
            };
        }
        catch (OperationCanceledException)
        {
            // the page went away; the payment carries on and is taken up when the kiosk comes back
        }
        catch (DomainException e)
        {
            Logger.LogWarning("Kiosk payment refused: {Code}", e.Code);
            _paying = null;
            _payMessage = T("The payment could not be made. Nothing was charged. Try again or ask the staff.");
        }
        finally
        {
            Touch();
        }
    }

    private async Task FinishAsync()
    {
        var saleId = _sale!.Id;
        _done = await Backend.Call<KioskOrders, SaleView>(k => k.FinishAsync(saleId, CancellationToken.None));
        _sale = null;
        _phase = KioskPhase.Done;
    }

    // ---- reset and inactivity -----------------------------------------------------------------------------

    private void Touched(PointerEventArgs _) => Touch();

    private void Touch()
    {
        _lastTouch = System.Diagnostics.Stopwatch.GetTimestamp();
        _warning = false;
    }

    private void StillHere() => Touch();

    /// <summary>Empties the basket (the sale on the register is ended as the till ends an empty one) and shows the attract screen.</summary>
    private async Task ResetAsync()
    {
        await TryAsync(async () =>
        {
            if (_sale is { Status: SaleStatus.Open, Payments.Count: 0 } sale)
                await ClearAsync(sale);
        });
        _sale = null;
        _done = null;
        _item = null;
        _category = null;
        _upsellShown = false;
        _payMessage = null;
        _warning = false;
        _lang = _storeLanguage;
        _phase = KioskPhase.Attract;
        Touch();
    }

    private async Task ClearAsync(SaleView sale)
    {
        var current = sale;
        foreach (var line in sale.Lines.Where(l => l.ParentLineId is null))
        {
            var lineId = line.Id;
            current = await Backend.Call<SaleUseCases, SaleView>(s => s.RemoveLineAsync(sale.Id, lineId, CancellationToken.None));
        }
        await Backend.Call<SaleUseCases, SaleView>(s => s.EndIfEmptyAsync(current.Id, CancellationToken.None));
    }

    private bool IdleWatched => _phase is KioskPhase.Categories or KioskPhase.Products or KioskPhase.Item or KioskPhase.Upsell
        or KioskPhase.Basket or KioskPhase.OrderType or KioskPhase.Done or KioskPhase.Staff
        || (_phase == KioskPhase.Pay && _paying is null);

    /// <summary>
    /// After <see cref="KioskOptions.IdleSeconds"/> without a touch the guest is asked "are you still there?"; after
    /// <see cref="KioskOptions.WarningSeconds"/> more, the basket is emptied and the attract screen shown. The order-number
    /// screen goes back without asking; a payment in progress is never interrupted.
    /// </summary>
    private async Task WatchIdleAsync()
    {
        var idle = TimeSpan.FromSeconds(Options.Value.IdleSeconds);
        var warning = TimeSpan.FromSeconds(Options.Value.WarningSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(_gone.Token))
            {
                await InvokeAsync(async () =>
                {
                    if (!IdleWatched)
                    {
                        _warning = false;
                        return;
                    }
                    var quiet = System.Diagnostics.Stopwatch.GetElapsedTime(_lastTouch);
                    if (quiet < idle)
                        return;
                    if (_phase is KioskPhase.Done or KioskPhase.Staff || quiet >= idle + warning)
                    {
                        if (_phase == KioskPhase.Staff && Session.HasCashier)
                            await SignOutStaffAsync();
                        await ResetAsync();
                    }
                    else
                    {
                        _warning = true;
                        _warningLeft = Math.Max(1, (int)Math.Ceiling((idle + warning - quiet).TotalSeconds));
                    }
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // the page closed
        }
        catch (ObjectDisposedException)
        {
            // the server is shutting down
        }
    }

    // ---- staff escape --------------------------------------------------------------------------------------

    private void CornerDown(PointerEventArgs _) => _cornerDown = System.Diagnostics.Stopwatch.GetTimestamp();

    private void CornerCancel(PointerEventArgs _) => _cornerDown = null;

    private void CornerUp(PointerEventArgs _)
    {
        if (_cornerDown is { } down && System.Diagnostics.Stopwatch.GetElapsedTime(down) >= LongPress && _kiosk is not null)
        {
            _error = null;
            _phase = KioskPhase.Staff;
        }
        _cornerDown = null;
    }

    private void StaffSignedIn(EmployeeView employee)
    {
        Logger.LogInformation("{Employee} opened the kiosk maintenance of register {Register}", employee.Name, _kiosk?.RegisterId);
        Touch();
    }

    private async Task LeaveStaffAsync()
    {
        if (Session.HasCashier)
            await SignOutStaffAsync();
        await ResetAsync();
    }

    private async Task SignOutStaffAsync()
    {
        var actor = await Backend.ActorAsync();
        if (actor.EmployeeId is { } employeeId && _kiosk is { } kiosk)
            await TryAsync(() => Backend.Call<TillSignIn, EmployeeView>(t => t.SignOutAsync(kiosk.RegisterId, employeeId, CancellationToken.None)));
        Session.EndCashier();
    }

    /// <summary>A manager unpairs this screen here (the device is revoked) and it becomes an ordinary browser again.</summary>
    private async Task UnpairHereAsync()
    {
        if (_kiosk is not { } kiosk)
            return;
        var ok = await TryAsync(() => Backend.Call<KioskService, KioskDeviceView>(k => k.RevokeAsync(kiosk.DeviceId, CancellationToken.None)));
        if (!ok)
            return;
        await SignOutStaffAsync();
        await Storage.DeleteAsync(TokenKey);
        Session.EndKiosk();
        Navigation.NavigateTo("/", forceLoad: true);
    }

    private async Task<bool> TryAsync(Func<Task> action)
    {
        _error = null;
        try
        {
            await action();
            return true;
        }
        catch (DomainException e)
        {
            _error = L.Error(e);
            Logger.LogWarning("The kiosk's call was refused: {Code} {Message}", e.Code, e.Message);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gone.CancelAsync();
        _gone.Dispose();
    }
}
