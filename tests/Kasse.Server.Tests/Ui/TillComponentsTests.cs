using System.Globalization;
using System.Security.Claims;
using Bunit;
using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Printing;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Domain.Catalog;
using Kasse.Domain.Devices;
using Kasse.Domain.Sales;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Ui.Access;
using Kasse.Server.Ui.Localization;
using Kasse.Server.Ui.Shared;
using Kasse.Server.Ui.Till;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Ui;

/// <summary>
/// The till's components rendered on their own (bUnit), in Danish with the app's own texts (UiText and the error
/// texts through IStringLocalizer, registered as the app registers them): what they show from their parameters and
/// what they raise. The till as a whole is held to its behaviour by the browser tests.
/// </summary>
public sealed class TillComponentsTests : IAsyncDisposable
{
    private readonly BunitContext _bunit = new();

    public TillComponentsTests()
    {
        // The same registrations as UiComposition.AddKasseUi makes for the texts.
        _bunit.Services.AddLocalization();
        _bunit.Services.AddSingleton<ErrorTexts>();
        _bunit.Services.AddSingleton<UiText>();
        // The payment dialog focuses its amount field after the first render; nothing else here calls the browser.
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async ValueTask DisposeAsync() => await _bunit.DisposeAsync();

    // ---- CartLines ---------------------------------------------------------------------------------------

    [Fact]
    public void The_cart_lists_each_line_with_its_quantity_and_amounts_in_Danish()
    {
        using var danish = Danish();
        var coffee = Line("Kaffe", 2m, 1234.5m);
        var bun = Line("Bolle", 1m, 12m);
        var cut = _bunit.Render<CartLines>(p => p.Add(c => c.Sale, SaleOf(coffee, bun)).Add(c => c.SelectedLineId, bun.Id));

        var lines = cut.FindAll("[data-testid=cart-line]");
        Assert.Equal(["Kaffe", "Bolle"], lines.Select(l => l.QuerySelector(".name")!.TextContent));
        Assert.Equal(["2.469,00", "12,00"], cut.FindAll("[data-testid=line-total]").Select(e => e.TextContent));
        Assert.Equal("2 × 1.234,50", cut.FindAll("[data-testid=line-qty]")[0].TextContent.Trim());
    }

    [Fact]
    public void An_empty_cart_says_so_in_Danish()
    {
        using var danish = Danish();
        var cut = _bunit.Render<CartLines>(p => p.Add(c => c.Sale, (SaleView?)null));

        Assert.Empty(cut.FindAll("[data-testid=cart-line]"));
        Assert.Equal("Kurven er tom. Scan eller tryk på en vare.", cut.Find("li.empty").TextContent);
    }

    [Fact]
    public void Only_the_selected_line_shows_its_tools_and_the_newest_selected_line_is_highlighted()
    {
        using var danish = Danish();
        var first = Line("Kaffe", 1m, 25m);
        var newest = Line("Bolle", 1m, 12m);
        var cut = _bunit.Render<CartLines>(p => p.Add(c => c.Sale, SaleOf(first, newest)).Add(c => c.SelectedLineId, newest.Id));

        var lines = cut.FindAll("[data-testid=cart-line]");
        Assert.DoesNotContain("selected", lines[0].ClassList);
        Assert.Contains("selected", lines[1].ClassList);
        Assert.Null(lines[0].QuerySelector(".line-tools"));
        var tools = lines[1].QuerySelector(".line-tools")!;
        Assert.NotNull(tools.QuerySelector("[data-testid=qty-minus]"));
        Assert.NotNull(tools.QuerySelector("[data-testid=qty-plus]"));
        Assert.Equal("1", tools.QuerySelector("[data-testid=qty-input]")!.GetAttribute("value"));
        Assert.Equal("Pris", tools.QuerySelector("[data-testid=line-price]")!.TextContent);
        Assert.Equal("Fjern", tools.QuerySelector("[data-testid=remove-line]")!.TextContent);
        // A shop sale's line has no seat to pick.
        Assert.Null(tools.QuerySelector("[data-testid=seat-picker]"));
    }

    [Fact]
    public void Clicking_a_line_raises_its_selection_and_the_tools_raise_their_commands()
    {
        using var danish = Danish();
        var first = Line("Kaffe", 3m, 25m);
        var second = Line("Bolle", 1m, 12m);
        Guid? selected = null;
        (SaleLineView Line, int By)? changed = null;
        SaleLineView? removed = null;
        (SaleLineView Line, int? Seat)? seated = null;
        var cut = _bunit.Render<CartLines>(p => p
            .Add(c => c.Sale, SaleOf(first, second) with { TabName = "Jensen" })
            .Add(c => c.SelectedLineId, first.Id)
            .Add(c => c.Seats, 3)
            .Add(c => c.OnSelect, id => selected = id)
            .Add(c => c.OnChangeQuantity, change => changed = change)
            .Add(c => c.OnRemove, line => removed = line)
            .Add(c => c.OnSeat, seat => seated = seat));

        cut.FindAll("[data-testid=cart-line]")[1].Click();
        Assert.Equal(second.Id, selected);

        cut.Find("[data-testid=qty-plus]").Click();
        Assert.Equal((first, 1), changed!.Value);
        cut.Find("[data-testid=qty-minus]").Click();
        Assert.Equal((first, -1), changed!.Value);
        cut.Find("[data-testid=remove-line]").Click();
        Assert.Equal(first, removed);
        Assert.Equal(3, cut.FindAll("[data-testid=line-seat-button]").Count);
        cut.FindAll("[data-testid=line-seat-button]")[1].Click();
        Assert.Equal((first, (int?)2), seated!.Value);
    }

    // ---- PrinterBadge -----------------------------------------------------------------------------------

    [Theory]
    [InlineData(PrinterState.Online, "Bon: Printer klar")]
    [InlineData(PrinterState.Offline, "Bon: Printer offline")]
    [InlineData(PrinterState.PaperOut, "Bon: Printer mangler papir")]
    public void The_printer_badge_says_the_printers_state_in_Danish(PrinterState state, string expected)
    {
        using var danish = Danish();
        var cut = _bunit.Render<PrinterBadge>(p => p.Add(c => c.Printer, Printer(state, queued: 0)));

        var badge = cut.Find("[data-testid=printer-state]");
        Assert.Equal(expected, badge.GetAttribute("title"));
        Assert.Equal(expected, badge.GetAttribute("aria-label"));
        Assert.Equal(state.ToString(), badge.GetAttribute("data-state"));
        Assert.Empty(cut.FindAll("[data-testid=printer-warning]"));
    }

    [Fact]
    public void Printouts_waiting_at_a_printer_out_of_paper_are_counted_on_the_badge()
    {
        using var danish = Danish();
        var cut = _bunit.Render<PrinterBadge>(p => p.Add(c => c.Printer, Printer(PrinterState.PaperOut, queued: 2)));

        Assert.Equal("2", cut.Find("[data-testid=printer-warning]").TextContent);
        Assert.Equal("2 udskrifter venter ved printeren Bon: Printer mangler papir. De udskrives, når printeren er klar igen; tjek papir og strøm.",
            cut.Find("[data-testid=printer-state]").GetAttribute("title"));
    }

    [Fact]
    public void A_register_without_a_printer_shows_no_badge()
    {
        var cut = _bunit.Render<PrinterBadge>(p => p.Add(c => c.Printer, (PrinterView?)null));

        Assert.Empty(cut.FindAll("[data-testid=printer-state]"));
    }

    // ---- ProductGrid ------------------------------------------------------------------------------------

    [Fact]
    public void The_product_grid_shows_names_and_Danish_prices_and_a_tap_raises_the_product()
    {
        using var danish = Danish();
        var drinks = new CategoryView(Guid.CreateVersion7(), "Drikkevarer", 1);
        var coffee = Product("Kaffe", 32.5m, Unit.Piece, drinks.Id);
        var apples = Product("Æbler", 24.95m, Unit.Kilogram, null);
        ProductView? tapped = null;
        Guid? category = Guid.Empty;
        var cut = _bunit.Render<ProductGrid>(p => p
            .Add(c => c.Categories, [drinks])
            .Add(c => c.Products, [coffee, apples])
            .Add(c => c.Currency, "DKK")
            .Add(c => c.OnTap, product => tapped = product)
            .Add(c => c.OnCategory, id => category = id));

        var tiles = cut.FindAll("button.product");
        Assert.Equal(["Kaffe", "Æbler"], tiles.Select(t => t.QuerySelector(".name")!.TextContent));
        Assert.Equal("32,50 kr.", tiles[0].QuerySelector(".price")!.TextContent);
        Assert.Equal("24,95 kr. / kg", tiles[1].QuerySelector(".price")!.TextContent);
        Assert.Equal("Alle", cut.Find("[data-testid=all-tab]").TextContent);

        tiles[1].Click();
        Assert.Equal(apples, tapped);
        cut.Find($"[data-category='{drinks.Id}']").Click();
        Assert.Equal(drinks.Id, category);
    }

    [Fact]
    public void An_empty_grid_says_nothing_matches_in_Danish()
    {
        using var danish = Danish();
        var cut = _bunit.Render<ProductGrid>(p => p.Add(c => c.Categories, []).Add(c => c.Products, []).Add(c => c.Currency, "DKK"));

        Assert.Equal("Ingen varer passer.", cut.Find(".products .empty").TextContent);
    }

    // ---- PaymentDialog ----------------------------------------------------------------------------------

    [Fact]
    public async Task The_payment_dialog_shows_what_is_paid_and_what_remains_in_Danish()
    {
        using var danish = Danish();
        await using var till = await RealTill.StartAsync();
        var sale = await till.SaleAsync(3m, 49.5m);
        sale = await till.Backend.Call<SaleUseCases, SaleView>(s => s.AddPaymentAsync(sale.Id,
            new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card, 100m), CancellationToken.None));
        _bunit.Services.AddSingleton(till.Backend);
        _bunit.Services.AddSingleton(TimeProvider.System);

        var cut = _bunit.Render<PaymentDialog>(p => p
            .Add(c => c.Sale, sale)
            .Add(c => c.Currency, "DKK")
            .Add(c => c.Gated, (_, _, _) => Task.FromResult(true)));

        Assert.Equal("Mangler", cut.Find(".pay-due .box .label").TextContent);
        Assert.Equal("48,50 kr.", cut.Find("[data-testid=amount-due]").TextContent);
        Assert.Equal("I alt 148,50 kr.", cut.Find(".pay-due .box .note").TextContent);
        var paid = cut.Find("[data-testid=payments] li");
        Assert.Equal("Kort", paid.QuerySelector("span")!.TextContent);
        Assert.Equal("100,00 kr.", paid.QuerySelector(".amount")!.TextContent);
        // The register's payment devices, read through the app once the dialog opened.
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=device-setup]")), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Before_anything_is_paid_the_payment_dialog_says_to_pay()
    {
        using var danish = Danish();
        await using var till = await RealTill.StartAsync();
        var sale = await till.SaleAsync(1m, 32.5m);
        _bunit.Services.AddSingleton(till.Backend);
        _bunit.Services.AddSingleton(TimeProvider.System);

        var cut = _bunit.Render<PaymentDialog>(p => p
            .Add(c => c.Sale, sale)
            .Add(c => c.Currency, "DKK")
            .Add(c => c.Gated, (_, _, _) => Task.FromResult(true)));

        Assert.Equal("At betale", cut.Find(".pay-due .box .label").TextContent);
        Assert.Equal("32,50 kr.", cut.Find("[data-testid=amount-due]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=payments]"));
    }

    /// <summary>
    /// The payment dialog works on a sale on the server (it follows the sale's card payments there): a real node on a real
    /// SQLite file with the demo store, and the demo cashier signed in on its register as the till does it.
    /// </summary>
    private sealed class RealTill : IAsyncDisposable
    {
        private readonly TestDatabase _database;
        private readonly KasseHost _host;

        private RealTill(TestDatabase database, KasseHost host, Backend backend, EmployeeView cashier)
        {
            _database = database;
            _host = host;
            Backend = backend;
            Cashier = cashier;
        }

        public Backend Backend { get; }
        public EmployeeView Cashier { get; }

        public static async Task<RealTill> StartAsync()
        {
            var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            var host = await KasseHost.StartAsync(DatabaseProvider.Sqlite, database.ConnectionString,
                new Dictionary<string, string?> { [KasseWebApp.SeedDemoKey] = "true" });
            var nobodyYet = new ServerAuthenticationStateProvider();
            nobodyYet.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            var session = new UiSession(nobodyYet, TimeProvider.System);
            var backend = new Backend(host.Services.GetRequiredService<IServiceScopeFactory>(), session,
                host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Backend>>());
            var signedIn = await backend.Call<TillSignIn, SignedIn>(t =>
                t.SignInAsync(DemoSeeder.RegisterId, DemoSeeder.EmployeeId, DemoSeeder.EmployeePin, CancellationToken.None));
            session.ActAsCashier(signedIn.Employee, DemoSeeder.RegisterId, signedIn.Permissions);
            return new RealTill(database, host, backend, signedIn.Employee);
        }

        /// <summary>An open sale on the demo register with one line of <paramref name="quantity"/> at <paramref name="unitPrice"/>.</summary>
        public async Task<SaleView> SaleAsync(decimal quantity, decimal unitPrice)
        {
            var sale = await Backend.Call<SaleUseCases, SaleView>(s =>
                s.OpenAsync(new OpenSale(Guid.CreateVersion7(), DemoSeeder.RegisterId, Cashier.Id), CancellationToken.None));
            return await Backend.Call<SaleUseCases, SaleView>(s => s.AddLineAsync(sale.Id,
                new AddLine(Guid.CreateVersion7(), Description: "Kaffe", UnitPrice: unitPrice, VatPercent: 25m, Quantity: quantity), CancellationToken.None));
        }

        public async ValueTask DisposeAsync()
        {
            await _host.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /// <summary>The till's first language for the test's duration (the UI's language follows the current UI culture).</summary>
    private static CultureScope Danish() => new(UiLanguages.Danish.Culture);

    private sealed class CultureScope : IDisposable
    {
        private readonly (CultureInfo Culture, CultureInfo UiCulture) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        public CultureScope(CultureInfo culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
    }

    private static SaleLineView Line(string name, decimal quantity, decimal unitPrice) =>
        new(Guid.CreateVersion7(), 0, Guid.CreateVersion7(), "SKU-" + name, name, null, Unit.Piece, quantity, unitPrice, 25m, "S",
            quantity * unitPrice, null, 0m, quantity * unitPrice, null);

    private static SaleView SaleOf(params SaleLineView[] lines)
    {
        var total = lines.Sum(l => l.TotalAmount);
        return new SaleView(Guid.CreateVersion7(), SaleKind.Sale, SaleStatus.Open, Guid.CreateVersion7(), Guid.CreateVersion7(), null, "DKK",
            DateTimeOffset.UtcNow, null, null, null, lines, null, 0m, total, 0m, 0m, total, 0m, [], [], null, false, null, null, null, null, null, false);
    }

    private static PrinterView Printer(PrinterState state, int queued) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), "Bon", PrinterRole.Receipt, Guid.CreateVersion7(), null, PrinterConnection.Network,
            "127.0.0.1:9100", 42, state, null, null, queued);

    private static ProductView Product(string name, decimal price, Unit unit, Guid? categoryId) =>
        new(Guid.CreateVersion7(), "SKU-" + name, name, price, 25m, unit, categoryId, null, true, []);
}
