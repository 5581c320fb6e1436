using Kasse.Application.CashControl;
using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Till;

/// <summary>The cart as issue 21 asks for it: it belongs to the register, keeps the newest line in view, merges repeated scans, shows what is paid.</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class CartOnRegisterTests(SqliteBrowserServer server)
{
    private const string Rugbrod = CheckoutTests.Rugbrod;            // 28,95
    private const string Solsikke = "5708066750475";                  // 26,50

    private async Task<TillPage> SignedInTillAsync(Guid registerId, int width = 1366, int height = 900)
    {
        var page = await server.NewPageAsync(width, height);
        var till = new TillPage(page, registerId);
        await till.OpenAsync();
        await till.SignInAsync();
        return till;
    }

    private static async Task PayPartInCashAsync(TillPage till, string amount)
    {
        await till.PayAsync();
        await till.Page.Locator("#pay-amount").FillAsync(amount);
        await till.Tender("Cash").ClickAsync();
        await Assertions.Expect(till.Page.GetByTestId("payments").Locator("li")).ToHaveCountAsync(1);
        await till.Page.GetByTestId("close-pay").ClickAsync();
    }

    [Fact]
    public async Task An_open_sale_with_a_part_payment_comes_back_in_another_browser_on_the_same_register()
    {
        var register = await server.NewRegisterAsync("Kasse lukket browser");
        var first = await SignedInTillAsync(register.Id);
        await first.ScanAsync(Rugbrod, 1);
        await first.ScanAsync(Solsikke, 2);
        await PayPartInCashAsync(first, "10");
        await first.Page.Context.CloseAsync();

        var second = await SignedInTillAsync(register.Id);
        await Assertions.Expect(second.CartLines).ToHaveCountAsync(2);
        await Assertions.Expect(second.Total).ToHaveTextAsync("55,45 kr.");

        var open = Assert.Single(await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(async s =>
            (await s.ListAsync(DemoSeeder.StoreId, SaleStatus.Open, 500, default)).Where(x => x.RegisterId == register.Id).ToList()));
        Assert.Equal(10.00m, open.PaidAmount);
        Assert.Equal(open.Id.ToString(), await second.Page.GetByTestId("till").GetAttributeAsync("data-sale"));

        // The one that paid is finished in the second browser.
        await second.PayAsync();
        await second.Quick("Præcis").ClickAsync();
        await Assertions.Expect(second.Page.GetByTestId("change-due")).ToHaveTextAsync("0,00 kr.");
        var done = await server.UseAsync<SalesService, SaleView>(s => s.GetAsync(open.Id, default));
        Assert.Equal(SaleStatus.Completed, done.Status);
    }

    [Fact]
    public async Task An_open_sale_with_a_part_payment_left_behind_is_listed_with_the_parked_sales()
    {
        var register = await server.NewRegisterAsync("Kasse glemt betaling");
        // A sale with 10 kr paid, then a newer sale opened on the same register (as an older till did when it forgot the first).
        var forgotten = await server.UseAsync<SalesService, SaleView>(async s =>
        {
            var id = Guid.CreateVersion7();
            await s.OpenAsync(new OpenSale(id, register.Id, DemoSeeder.EmployeeId), default);
            await s.AddLineAsync(id, new AddLine(Barcode: Rugbrod), default);
            await s.AddLineAsync(id, new AddLine(Barcode: Solsikke), default);
            var paid = await s.AddPaymentAsync(id, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Cash, Tendered: 10m), default);
            await s.OpenAsync(new OpenSale(Guid.CreateVersion7(), register.Id, DemoSeeder.EmployeeId), default);
            return paid;
        });

        var till = await SignedInTillAsync(register.Id);
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(0);
        await till.Page.GetByTestId("open-parked").ClickAsync();
        // A manager also sees other registers' part-paid sales (marked with their register): this register's own is the one.
        var waiting = till.Page.GetByTestId("parked-sale").Filter(new() { HasText = "55,45" })
            .Filter(new() { HasNot = till.Page.GetByTestId("parked-register") });
        await Assertions.Expect(waiting.GetByTestId("parked-paid")).ToContainTextAsync("10,00");
        await waiting.GetByTestId("resume").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(2);
        Assert.Equal(forgotten.Id.ToString(), await till.Page.GetByTestId("till").GetAttributeAsync("data-sale"));

        // The empty sale the till had in hand did not stay open behind the resumed one: it ended as an empty sale ends, voided.
        var onRegister = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(async s =>
            (await s.ListAsync(DemoSeeder.StoreId, null, 500, default)).Where(x => x.RegisterId == register.Id).ToList());
        Assert.Equal([forgotten.Id], onRegister.Where(x => x.Status == SaleStatus.Open).Select(x => x.Id));
        var ended = Assert.Single(onRegister, x => x.Id != forgotten.Id);
        Assert.Equal(SaleStatus.Voided, ended.Status);
        Assert.Empty(ended.Lines);
    }

    /// <summary>Piece goods of the demo catalogue, one barcode each, none the same.</summary>
    private Task<IReadOnlyList<string>> DistinctPieceBarcodesAsync(int count) =>
        server.UseAsync<CatalogService, IReadOnlyList<string>>(async c =>
            (await c.SearchAsync("", null, 0, 200, default)).Items
                .Where(p => p.Unit == Kasse.Domain.Catalog.Unit.Piece && p.IsActive && p.Barcodes.Any(b => b.Length == 13 && b.StartsWith("57", StringComparison.Ordinal)))
                .OrderBy(p => p.Sku, StringComparer.Ordinal)
                .Select(p => p.Barcodes.First(b => b.Length == 13 && b.StartsWith("57", StringComparison.Ordinal)))
                .Take(count)
                .ToList());

    [Fact]
    public async Task After_fifteen_scans_at_1024x768_the_newest_line_is_in_view_and_highlighted()
    {
        var register = await server.NewRegisterAsync("Kasse femten linjer");
        var till = await SignedInTillAsync(register.Id, 1024, 768);
        var codes = await DistinctPieceBarcodesAsync(15);
        Assert.Equal(15, codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            await till.ScanAsync(codes[i], i + 1);
            var newest = till.CartLines.Nth(i);
            await Assertions.Expect(newest).ToBeInViewportAsync();
            await Assertions.Expect(newest).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bselected\b"));
        }
        await Artifacts.ScreenshotAsync(till.Page, "till-fifteen-lines-1024x768");
        // The lines get most of the cart's height.
        var cart = (await till.Page.Locator("section.cart").BoundingBoxAsync())!;
        var lines = (await till.Page.GetByTestId("cart-lines").BoundingBoxAsync())!;
        Assert.True(lines.Height > cart.Height / 2, $"The cart's lines get {lines.Height} of its {cart.Height} px.");
    }

    [Theory]
    [InlineData(1024, 768)]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task A_message_never_covers_the_Pay_button(int width, int height)
    {
        var register = await server.NewRegisterAsync($"Kasse besked {width}");
        var till = await SignedInTillAsync(register.Id, width, height);
        await till.ScanAsync(Rugbrod, 1);
        await till.SendScanAsync("5700000000004");
        await Assertions.Expect(till.Message).ToContainTextAsync("Ukendt kode 5700000000004");
        var message = (await till.Message.BoundingBoxAsync())!;
        var pay = (await till.Page.GetByTestId("pay").BoundingBoxAsync())!;
        var overlaps = message.X < pay.X + pay.Width && pay.X < message.X + message.Width
            && message.Y < pay.Y + pay.Height && pay.Y < message.Y + message.Height;
        Assert.False(overlaps, $"The message ({message.X},{message.Y} {message.Width}×{message.Height}) covers the Pay button ({pay.X},{pay.Y} {pay.Width}×{pay.Height}).");
        await Assertions.Expect(till.Page.GetByTestId("pay")).ToBeInViewportAsync();
        await Artifacts.ScreenshotAsync(till.Page, $"till-message-{width}x{height}");
    }

    [Fact]
    public async Task Rare_actions_wait_behind_More_and_the_coupon_field_comes_on_demand()
    {
        var register = await server.NewRegisterAsync("Kasse mere");
        var till = await SignedInTillAsync(register.Id);
        await till.ScanAsync(Rugbrod, 1);
        await Assertions.Expect(till.Page.GetByTestId("coupon-input")).ToHaveCountAsync(0);
        await Assertions.Expect(till.Page.GetByTestId("void")).ToHaveCountAsync(0);
        await till.Page.TillMoreAsync("open-coupon");
        await Assertions.Expect(till.Page.GetByTestId("coupon-input")).ToBeFocusedAsync();
        await Assertions.Expect(till.Page.GetByTestId("more-sheet")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_second_scan_of_the_same_product_raises_its_quantity_and_weighed_goods_never_merge()
    {
        var register = await server.NewRegisterAsync("Kasse samme vare");
        var till = await SignedInTillAsync(register.Id);
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanMergedAsync(Rugbrod, 1, 2);
        await Assertions.Expect(till.Total).ToHaveTextAsync("57,90 kr.");
        await Assertions.Expect(till.CartLines.Nth(0)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bselected\b"));

        // Another product in between: the next scan of the first still raises its line.
        await till.ScanAsync(Solsikke, 2);
        await till.ScanMergedAsync(Rugbrod, 2, 3);
        await Assertions.Expect(till.Total).ToHaveTextAsync("113,35 kr.");

        // Weighed goods (a scale label each) are never merged.
        await till.ScanAsync(CheckoutTests.Hamburgerryg412g, 3);
        await till.ScanAsync(CheckoutTests.Hamburgerryg412g, 4);

        var sale = Assert.Single(await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(async s =>
            (await s.ListAsync(DemoSeeder.StoreId, SaleStatus.Open, 500, default)).Where(x => x.RegisterId == register.Id).ToList()));
        Assert.Equal([3m, 1m, 0.412m, 0.412m], sale.Lines.Select(l => l.Quantity));
    }

    [Fact]
    public async Task After_a_part_payment_the_cart_shows_paid_and_the_Pay_button_the_rest()
    {
        var register = await server.NewRegisterAsync("Kasse delbetaling");
        var till = await SignedInTillAsync(register.Id);
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Solsikke, 2);
        await Assertions.Expect(till.Page.GetByTestId("paid")).ToHaveCountAsync(0);
        await PayPartInCashAsync(till, "10");

        await Assertions.Expect(till.Page.GetByTestId("paid")).ToHaveTextAsync("10,00");
        await Assertions.Expect(till.Page.GetByTestId("remaining")).ToHaveTextAsync("45,45 kr.");
        await Assertions.Expect(till.Page.GetByTestId("pay")).ToContainTextAsync("Betal rest");
        await Assertions.Expect(till.Page.GetByTestId("pay-sum")).ToHaveTextAsync("45,45 kr.");
        await Assertions.Expect(till.Total).ToHaveTextAsync("55,45 kr.");
        await Artifacts.ScreenshotAsync(till.Page, "till-paid-remaining");
    }

    [Fact]
    public async Task Park_and_resume_say_so_and_the_till_beeps_on_scans_and_errors_until_switched_off()
    {
        var register = await server.NewRegisterAsync("Kasse bip");
        var till = await SignedInTillAsync(register.Id);
        var page = till.Page;
        await till.ScanAsync(Rugbrod, 1);
        await page.WaitForFunctionAsync("() => (window.kasseBeeps ?? []).includes('ok')");
        await till.SendScanAsync("5700000000004");
        await Assertions.Expect(till.Message).ToContainTextAsync("Ukendt kode");
        await page.WaitForFunctionAsync("() => (window.kasseBeeps ?? []).includes('error')");

        await page.GetByTestId("park").ClickAsync();
        await Assertions.Expect(till.Message).ToContainTextAsync("Salget er parkeret");
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(0);
        await page.GetByTestId("open-parked").ClickAsync();
        await page.GetByTestId("parked-sale").Filter(new() { HasText = "28,95" }).GetByTestId("resume").ClickAsync();
        await Assertions.Expect(till.Message).ToContainTextAsync("Salget er genoptaget: 1 vare, 28,95 kr.");
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(1);

        // Sound off in the till menu: no beep on the next scan, and the browser remembers it.
        await page.TillMoreAsync("open-menu");
        await page.GetByTestId("sound").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sound")).ToHaveTextAsync("Lyd: fra");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("till-menu")).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => { window.kasseBeeps = []; }");
        await till.ScanAsync(Solsikke, 2);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.kasseBeeps.length"));

        await page.ReloadAsync();
        await page.Locator("[data-testid=till][data-scanner=ready]").WaitForAsync();
        await page.TillMoreAsync("open-menu");
        await Assertions.Expect(page.GetByTestId("sound")).ToHaveTextAsync("Lyd: fra");
    }

    [Fact]
    public async Task The_first_cash_sale_with_no_drawer_session_asks_for_the_opening_float_first()
    {
        var register = await server.NewRegisterAsync("Kasse byttepenge", drawerOpen: false);
        var till = await SignedInTillAsync(register.Id);
        var page = till.Page;
        await till.ScanAsync(Rugbrod, 1);
        await till.PayAsync();
        await till.Quick("Præcis").ClickAsync();

        var prompt = page.GetByTestId("float-prompt");
        await Assertions.Expect(prompt).ToContainTextAsync("Der er ingen åben kasseskuffe");
        await Assertions.Expect(page.Locator("#opening-float")).ToBeFocusedAsync();
        await Artifacts.ScreenshotAsync(page, "till-opening-float");
        await page.Locator("#opening-float").FillAsync("500");
        await prompt.GetByTestId("float-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("change-due")).ToHaveTextAsync("0,00 kr.");
        var session = await server.UseAsync<CashControlService, SessionView>(c => c.CurrentSessionAsync(register.Id, default));
        Assert.Equal(500m, session.OpeningFloat);

        // The next cash sale goes straight through.
        await page.GetByTestId("new-sale").ClickAsync();
        await till.ScanAsync(Solsikke, 1);
        await till.PayAsync();
        await till.Quick("Præcis").ClickAsync();
        await Assertions.Expect(page.GetByTestId("change-due")).ToHaveTextAsync("0,00 kr.");
        await Assertions.Expect(page.GetByTestId("float-prompt")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_Z_report_is_apart_from_the_X_report_and_asks_first()
    {
        var register = await server.NewRegisterAsync("Kasse Z", drawerOpen: false);
        var till = await SignedInTillAsync(register.Id);
        var page = till.Page;
        await page.TillMoreAsync("open-menu");
        var closeDay = page.GetByTestId("menu-close-day");
        await Assertions.Expect(closeDay.GetByTestId("z-report")).ToBeVisibleAsync();
        await Assertions.Expect(closeDay.GetByTestId("x-report")).ToHaveCountAsync(0);
        var x = (await page.GetByTestId("x-report").BoundingBoxAsync())!;
        var z = (await closeDay.GetByTestId("z-report").BoundingBoxAsync())!;
        Assert.True(z.Y > x.Y + x.Height + 16, $"Z ({z.Y}) sits right under X ({x.Y}+{x.Height}).");
        await closeDay.GetByTestId("z-report").ClickAsync();
        await Assertions.Expect(page.GetByTestId("z-confirmation")).ToContainTextAsync("Luk dagen med en Z-rapport?");
        await Assertions.Expect(page.GetByTestId("report-text")).ToHaveCountAsync(0);
        await Artifacts.ScreenshotAsync(page, "till-menu-close-day");
    }
}
