using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;
using Kasse.Tests;

namespace Kasse.Browser.Tests.Till;

/// <summary>The cashier's everyday work at the till, in a real browser against the real node on SQLite.</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class TillTests(SqliteBrowserServer server)
{
    private const string Rugbrod = CheckoutTests.Rugbrod;            // 28,95
    private const string Solsikke = "5708066750475";                  // Rugbrød, solsikke 750 g: 26,50

    private async Task<(TillPage Till, Guid RegisterId)> SignedInTillAsync(string registerName, int width = 1366, int height = 900,
        string cashier = TillPage.Mette, string pin = DemoSeeder.EmployeePin, bool drawerOpen = true)
    {
        var register = await server.NewRegisterAsync(registerName, drawerOpen);
        var page = await server.NewPageAsync(width, height);
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync(cashier, pin);
        return (till, register.Id);
    }

    private Task<IReadOnlyList<SaleView>> SalesOnAsync(Guid registerId, SaleStatus status) =>
        server.UseAsync<SalesService, IReadOnlyList<SaleView>>(async s =>
            (await s.ListAsync(DemoSeeder.StoreId, status, 500, default)).Where(x => x.RegisterId == registerId).ToList());

    [Fact]
    public async Task A_split_tender_takes_card_and_MobilePay_first_and_the_rest_in_cash()
    {
        var (till, registerId) = await SignedInTillAsync("Kasse delt betaling");
        var page = till.Page;
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Solsikke, 2);
        await Assertions.Expect(till.Total).ToHaveTextAsync("55,45 kr.");

        await till.PayAsync();
        await page.Locator("#pay-amount").FillAsync("20");
        await till.Tender("Card").ClickAsync();
        await Assertions.Expect(page.GetByTestId("amount-due")).ToHaveTextAsync("35,45 kr.");
        await page.Locator("#pay-amount").FillAsync("10,00");
        await till.Tender("MobilePay").ClickAsync();
        await Assertions.Expect(page.GetByTestId("amount-due")).ToHaveTextAsync("25,45 kr.");
        await Assertions.Expect(page.GetByTestId("cash-due")).ToHaveTextAsync("25,50 kr.");
        await Assertions.Expect(page.GetByTestId("payments").Locator("li")).ToHaveCountAsync(2);
        await till.Quick("Præcis").ClickAsync();

        await Assertions.Expect(page.GetByTestId("change-due")).ToHaveTextAsync("0,00 kr.");
        var receipt = page.GetByTestId("receipt-text");
        await Assertions.Expect(receipt).ToContainTextAsync("Betalingskort");
        await Assertions.Expect(receipt).ToContainTextAsync("MobilePay");
        await Assertions.Expect(receipt).ToContainTextAsync("Kontant");
        var sale = Assert.Single(await SalesOnAsync(registerId, SaleStatus.Completed));
        Assert.Equal([PaymentMethod.Card, PaymentMethod.MobilePay, PaymentMethod.Cash], sale.Payments.Select(p => p.Method));
        Assert.Equal([20.00m, 10.00m, 25.50m], sale.Payments.Select(p => p.Amount));
        Assert.Equal(0.05m, sale.CashRounding);
    }

    [Fact]
    public async Task A_previous_sale_is_found_by_its_receipt_number_and_refunded_to_its_card()
    {
        var (till, registerId) = await SignedInTillAsync("Kasse retur");
        var page = till.Page;
        var original = await server.UseAsync<SalesService, SaleView>(async s =>
        {
            var id = Guid.CreateVersion7();
            await s.OpenAsync(new OpenSale(id, registerId, DemoSeeder.EmployeeId), default);
            await s.AddLineAsync(id, new AddLine(Barcode: Rugbrod, Quantity: 2m), default);
            await s.AddLineAsync(id, new AddLine(Barcode: Solsikke), default);
            await s.AddPaymentAsync(id, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card), default);
            return await s.CompleteAsync(id, default);
        });

        await page.TillMoreAsync("open-returns");
        await page.Locator("#return-number").FillAsync(original.ReceiptNumber!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#return-number").PressAsync("Enter");
        var lines = page.GetByTestId("return-line");
        await Assertions.Expect(lines).ToHaveCountAsync(2);
        await lines.Nth(0).GetByTestId("pick-plus").ClickAsync();
        await Assertions.Expect(lines.Nth(0).GetByTestId("pick-qty")).ToHaveTextAsync("1");
        await page.Locator("#return-reason").FillAsync("Mugent");
        await page.GetByTestId("refund").ClickAsync();

        await Assertions.Expect(page.GetByTestId("refund")).ToContainTextAsync("Tilbagebetal Kort");
        await Assertions.Expect(page.GetByTestId("refund")).ToContainTextAsync("28,95 kr.");
        await Assertions.Expect(page.GetByTestId("receipt-text")).ToContainTextAsync("Rugbrød, groft 1 kg");
        var returned = Assert.Single(await SalesOnAsync(registerId, SaleStatus.Completed), s => s.Kind == SaleKind.Return);
        Assert.Equal(original.Id, returned.OriginalSaleId);
        Assert.Equal(-28.95m, returned.TotalAmount);
        Assert.Equal(PaymentMethod.Card, Assert.Single(returned.Payments).Method);
    }

    [Fact]
    public async Task Without_a_receipt_a_cashier_needs_a_supervisors_PIN_to_refund()
    {
        var (till, registerId) = await SignedInTillAsync("Kasse uden bon", cashier: BrowserServer.CashierName, pin: BrowserServer.CashierPin);
        var page = till.Page;
        await page.TillMoreAsync("open-returns");
        await page.GetByTestId("without-receipt").ClickAsync();
        await page.Locator("#return-search").FillAsync("solsikke");
        await page.Locator("#return-search").PressAsync("Enter");
        await page.GetByTestId("return-product").First.ClickAsync();
        await page.Locator("#noreceipt-reason").FillAsync("Gave, ingen bon");
        await page.GetByTestId("refund-without-receipt").ClickAsync();
        await Assertions.Expect(page.GetByTestId("return-error")).ToContainTextAsync("leders godkendelse");
        Assert.Empty(await SalesOnAsync(registerId, SaleStatus.Completed));

        await page.Locator("#approver").SelectOptionAsync(new SelectOptionValue { Label = BrowserServer.SupervisorName });
        await page.Locator("#approver-pin").FillAsync(BrowserServer.SupervisorPin);
        await page.GetByTestId("refund-without-receipt").ClickAsync();

        await Assertions.Expect(page.GetByTestId("receipt-dialog")).ToBeVisibleAsync();
        var returned = Assert.Single(await SalesOnAsync(registerId, SaleStatus.Completed));
        Assert.True(returned.ReturnedWithoutReceipt);
        Assert.Equal(server.SupervisorId, returned.ApprovedById);
        Assert.Equal(-26.50m, returned.TotalAmount);
    }

    [Fact]
    public async Task A_parked_sale_is_resumed_and_paid_by_another_cashier()
    {
        var (till, registerId) = await SignedInTillAsync("Kasse parkering");
        var page = till.Page;
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Solsikke, 2);
        await page.GetByTestId("park").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(0);

        await page.TillMoreAsync("switch-cashier");
        await till.SignInAsync(BrowserServer.CashierName, BrowserServer.CashierPin);
        await page.GetByTestId("open-parked").ClickAsync();
        var parked = page.GetByTestId("parked-sale").Filter(new() { HasText = "55,45" });
        await parked.GetByTestId("resume").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(2);
        await Assertions.Expect(till.Total).ToHaveTextAsync("55,45 kr.");
        await till.PayAsync();
        await till.Tender("Card").ClickAsync();

        await Assertions.Expect(page.GetByTestId("receipt-text")).ToContainTextAsync("Ekspedient: Mette Demo");
        var sale = Assert.Single(await SalesOnAsync(registerId, SaleStatus.Completed));
        Assert.Equal(55.45m, sale.TotalAmount);
        Assert.Empty(await SalesOnAsync(registerId, SaleStatus.Parked));
    }

    [Fact]
    public async Task A_fast_keyboard_burst_is_a_scan_anywhere_but_a_person_typing_digits_is_not()
    {
        var (till, _) = await SignedInTillAsync("Kasse scanner");
        var page = till.Page;

        // A person types the same digits at a person's pace: the till reads it as typing (and says so in the browser's
        // console, where a shop's IT can tell a scanner set up too slow from a broken one), and nothing is added.
        await page.Keyboard.TypeAsync(Rugbrod, new KeyboardTypeOptions { Delay = 160 });
        await page.Keyboard.PressAsync("Enter");
        await Eventually.HoldsAsync(till.ConsoleLog, log => log.Contains("typed, not scanned", StringComparison.Ordinal),
            "the till's verdict on typed digits in the browser's console", describe: log => log.Length == 0 ? "(nothing logged)" : log);
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(0);

        // The scanner's burst with no field focused adds the product.
        await till.ScanAsync(Rugbrod, 1);

        // The same burst while the cashier is typing in the search box: added too, and taken out of the box.
        await page.Locator("#till-search").FillAsync("æb");
        await page.Locator("#till-search").FocusAsync();
        await till.ScanAsync(Solsikke, 2);
        await Assertions.Expect(page.Locator("#till-search")).ToHaveValueAsync("æb");
        await Assertions.Expect(page.GetByTestId("products")).ToContainTextAsync("Æbler, Ingrid Marie");

        // A weighed item's label carries its weight; an unknown code says so and offers a look-up.
        await till.ScanAsync(CheckoutTests.Hamburgerryg412g, 3);
        await Assertions.Expect(till.CartLines.Nth(2)).ToContainTextAsync("0,412 kg");
        await till.SendScanAsync("5700000000004");
        await Assertions.Expect(till.Message).ToContainTextAsync("Ukendt kode 5700000000004");
        await page.GetByTestId("look-up").ClickAsync();
        await Assertions.Expect(page.Locator("#till-search")).ToBeFocusedAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task The_cart_survives_a_page_reload()
    {
        var (till, _) = await SignedInTillAsync("Kasse genindlæs");
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Solsikke, 2);

        await till.Page.ReloadAsync();
        await till.Page.Locator("[data-interactive=true]").First.WaitForAsync();

        await Assertions.Expect(till.CartLines).ToHaveCountAsync(2);
        await Assertions.Expect(till.Total).ToHaveTextAsync("55,45 kr.");
    }

    [Fact]
    public async Task The_whole_sale_can_be_made_with_the_keyboard()
    {
        var (till, registerId) = await SignedInTillAsync("Kasse tastatur");
        var page = till.Page;

        await page.Keyboard.PressAsync("F2");
        await Assertions.Expect(page.Locator("#till-search")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("rugbrød, groft", new KeyboardTypeOptions { Delay = 20 });
        await Assertions.Expect(page.GetByTestId("products").Locator(".product")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(1);
        await page.Locator("#till-search").BlurAsync();
        await page.Keyboard.PressAsync("+");
        await Assertions.Expect(till.Total).ToHaveTextAsync("57,90 kr.");
        await page.Keyboard.PressAsync("F4");
        await Assertions.Expect(page.Locator("#pay-amount")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("100");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("change-due")).ToHaveTextAsync("42,00 kr.");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("receipt-dialog")).ToHaveCountAsync(0);

        var sale = Assert.Single(await SalesOnAsync(registerId, SaleStatus.Completed));
        Assert.Equal(2m, Assert.Single(sale.Lines).Quantity);
    }

    [Fact]
    public async Task Line_and_sale_discounts_carry_their_reason_and_a_voided_sale_empties_the_cart()
    {
        var (till, registerId) = await SignedInTillAsync("Kasse rabat");
        var page = till.Page;
        await till.ScanAsync(Rugbrod, 1);
        await till.CartLines.First.GetByRole(AriaRole.Button, new() { Name = "Rabat" }).ClickAsync();
        await page.Locator("[data-kind=Amount]").ClickAsync();
        await page.Locator("#discount-value").FillAsync("3,95");
        await page.Locator("#discount-reason").FillAsync("Dagsgammelt");
        await page.GetByTestId("apply-discount").ClickAsync();
        await Assertions.Expect(till.Total).ToHaveTextAsync("25,00 kr.");
        await Assertions.Expect(till.CartLines.First).ToContainTextAsync("Dagsgammelt");

        await page.TillMoreAsync("sale-discount");
        await page.Locator("#discount-value").FillAsync("10");
        await page.Locator("#discount-reason").FillAsync("Personalerabat");
        await page.GetByTestId("apply-discount").ClickAsync();
        await Assertions.Expect(till.Total).ToHaveTextAsync("22,50 kr.");

        await page.TillMoreAsync("void");
        await page.GetByTestId("confirm-void").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(0);
        var voided = Assert.Single(await SalesOnAsync(registerId, SaleStatus.Voided));
        Assert.Equal("Personalerabat", voided.Discount?.Reason);
    }

    [Fact]
    public async Task The_till_menu_opens_the_drawer_drops_cash_prints_an_X_report_and_takes_a_blind_count()
    {
        var (till, _) = await SignedInTillAsync("Kasse menu", drawerOpen: false);
        var page = till.Page;
        await page.Keyboard.PressAsync("F9");
        await Assertions.Expect(page.GetByTestId("session-status")).ToContainTextAsync("Ingen kasseskuffe er åben");
        await page.Locator("#menu-float").FillAsync("500");
        await page.GetByTestId("open-session").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-status")).ToContainTextAsync("500,00 kr.");

        // Each action has its own fields: an amount typed for the pay-in is not the drop's.
        await page.Locator("#payin-amount").FillAsync("75");
        await page.Locator("#drop-amount").FillAsync("200");
        await page.Locator("#drop-reason").FillAsync("Til boksen");
        await page.GetByTestId("cash-drop").ClickAsync();
        await Assertions.Expect(page.GetByTestId("menu-note")).ToHaveTextAsync("Gemt.");
        await Assertions.Expect(page.Locator("#drop-amount")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#payin-amount")).ToHaveValueAsync("75");

        await page.GetByTestId("x-report").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-text")).ToContainTextAsync("X");

        await page.Locator("#count-amount").FillAsync("290");
        await page.GetByTestId("blind-count").ClickAsync();
        var result = page.GetByTestId("count-result");
        await Assertions.Expect(result).ToContainTextAsync("Forventet 300,00 kr.");
        await Assertions.Expect(result).ToContainTextAsync("−10,00");
    }
}
