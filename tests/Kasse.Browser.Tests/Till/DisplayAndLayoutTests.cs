using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Till;

/// <summary>The screen facing the customer, and the till on a phone and a tablet.</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class DisplayAndLayoutTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task The_customer_display_in_a_second_page_follows_the_till_live()
    {
        var register = await server.NewRegisterAsync("Kasse kundeskærm");
        var tillPage = await server.NewPageAsync();
        var displayPage = await server.NewPageAsync(1024, 600);
        var till = new TillPage(tillPage, register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        await displayPage.GotoInteractiveAsync($"/display/{register.Id}");
        var display = displayPage.GetByTestId("customer-display");
        await Assertions.Expect(display).ToHaveAttributeAsync("data-phase", "Idle");
        await Assertions.Expect(display).ToContainTextAsync("Velkommen til Købmand Hansen");

        await till.ScanAsync(CheckoutTests.Rugbrod, 1);
        await till.ScanAsync(CheckoutTests.Hamburgerryg412g, 2);

        await Assertions.Expect(display).ToHaveAttributeAsync("data-phase", "Selling");
        var lines = displayPage.GetByTestId("display-lines").Locator("li");
        await Assertions.Expect(lines).ToHaveCountAsync(2);
        await Assertions.Expect(lines.Nth(0)).ToContainTextAsync("Rugbrød, groft 1 kg");
        await Assertions.Expect(lines.Nth(1)).ToContainTextAsync("Hamburgerryg fra disken");
        await Assertions.Expect(displayPage.GetByTestId("display-total")).ToHaveTextAsync(await till.Total.InnerTextAsync());
        await Assertions.Expect(displayPage.GetByTestId("display-total")).ToHaveTextAsync("110,94 kr.");

        // A change at the till (quantity +1) reaches the display without a reload.
        await till.CartLines.Nth(0).ClickAsync();
        await till.CartLines.Nth(0).GetByTestId("qty-plus").ClickAsync();
        await Assertions.Expect(displayPage.GetByTestId("display-total")).ToHaveTextAsync("139,89 kr.");
        await Artifacts.ScreenshotAsync(displayPage, "customer-display-selling");

        await till.PayAsync();
        await till.Quick("200,00").ClickAsync();
        await Assertions.Expect(display).ToHaveAttributeAsync("data-phase", "Done");
        await Assertions.Expect(displayPage.GetByTestId("display-change")).ToHaveTextAsync("60,00 kr.");
        await Assertions.Expect(display).ToContainTextAsync("Tak for handlen hos Købmand Hansen");
        await Artifacts.ScreenshotAsync(displayPage, "customer-display-thank-you");

        await tillPage.GetByTestId("new-sale").ClickAsync();
        await Assertions.Expect(display).ToHaveAttributeAsync("data-phase", "Idle");
    }

    [Fact]
    public async Task The_customer_display_follows_a_sale_changed_through_the_api_without_a_till_open()
    {
        var register = await server.NewRegisterAsync("Kasse kundeskærm API");
        var displayPage = await server.NewPageAsync(1024, 600);
        await displayPage.GotoInteractiveAsync($"/display/{register.Id}");
        var display = displayPage.GetByTestId("customer-display");
        await Assertions.Expect(display).ToHaveAttributeAsync("data-phase", "Idle");

        // An integration (or a second till) rings up the sale on this register through the HTTP API.
        using var api = new BackOffice.SalesApi(server.BaseAddress, server.OwnerApiKey);
        var sale = await api.OpenAsync(register.Id, server.CashierId);
        await api.ScanAsync(sale.Id, CheckoutTests.Rugbrod);
        var lines = displayPage.GetByTestId("display-lines").Locator("li");
        await Assertions.Expect(display).ToHaveAttributeAsync("data-phase", "Selling");
        await Assertions.Expect(lines).ToHaveCountAsync(1);
        await Assertions.Expect(lines.Nth(0)).ToContainTextAsync("Rugbrød, groft 1 kg");
        await Assertions.Expect(displayPage.GetByTestId("display-total")).ToHaveTextAsync("28,95 kr.");

        // A part payment by card: what is paid, what is left exactly, and what is left in cash (rounded by the sale).
        await api.PayAsync(sale.Id, PaymentMethod.Card, 20.00m);
        await Assertions.Expect(displayPage.GetByTestId("display-paid")).ToHaveTextAsync("20,00 kr.");
        await Assertions.Expect(displayPage.GetByTestId("display-due")).ToHaveTextAsync("8,95 kr.");
        await Assertions.Expect(displayPage.GetByTestId("display-cash-due")).ToHaveTextAsync("9,00 kr.");
        await Artifacts.ScreenshotAsync(displayPage, "customer-display-part-paid");

        await api.PayAsync(sale.Id, PaymentMethod.Cash, 10.00m);
        await api.CompleteAsync(sale.Id);
        await Assertions.Expect(display).ToHaveAttributeAsync("data-phase", "Done");
        await Assertions.Expect(displayPage.GetByTestId("display-change")).ToHaveTextAsync("1,00 kr.");
        await Assertions.Expect(displayPage.GetByTestId("display-paid")).ToHaveTextAsync("30,00 kr.");
    }

    [Fact]
    public async Task The_payment_screen_asks_for_the_cash_the_sale_settles_by_its_own_rounding_after_the_store_changes_it()
    {
        var original = await server.UseAsync<StoreService, StoreView>(s => s.GetAsync(Kasse.Application.Demo.DemoSeeder.StoreId, CancellationToken.None));
        var register = await server.NewRegisterAsync("Kasse afrunding");
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync();
        await till.ScanAsync(CheckoutTests.Rugbrod, 1);
        try
        {
            // The shop stops rounding cash while this sale is open (it opened under 0,50 rounding), and the till reloads.
            await server.UseAsync<StoreSettingsService, StoreView>(s => s.SaveAsync(original.Id, SettingsOf(original) with { CashRoundingIncrement = 0m },
                CancellationToken.None));
            await till.OpenAsync();
            await Assertions.Expect(till.CartLines).ToHaveCountAsync(1);

            await till.PayAsync();
            await Assertions.Expect(page.GetByTestId("amount-due")).ToHaveTextAsync("28,95 kr.");
            await Assertions.Expect(page.GetByTestId("cash-due")).ToHaveTextAsync("29,00 kr.");
            await Assertions.Expect(page.GetByTestId("cash-rounding")).ToContainTextAsync("+0,05");
            await till.Quick("Præcis").ClickAsync();
            await Assertions.Expect(page.GetByTestId("receipt-rounding")).ToContainTextAsync("+0,05");
        }
        finally
        {
            await server.UseAsync<StoreSettingsService, StoreView>(s => s.SaveAsync(original.Id, SettingsOf(original), CancellationToken.None));
        }
        var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(register.StoreId, SaleStatus.Completed, 500, default));
        var sale = Assert.Single(sales, s => s.RegisterId == register.Id);
        Assert.Equal((28.95m, 0.05m, 29.00m), (sale.TotalAmount, sale.CashRounding, sale.PaidAmount));
    }

    private static SaveStoreSettings SettingsOf(StoreView s) =>
        new(s.Name, s.Address, s.CompanyId, s.ReceiptHeader, s.ReceiptFooter, s.VatRates, s.Currency, s.CashRoundingIncrement, s.TimeZone, s.Language);

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("tablet", 820, 1180)]
    public async Task The_till_fits_a_phone_and_a_tablet_without_sideways_scrolling_with_the_pay_button_under_the_thumb(string name, int width, int height)
    {
        var register = await server.NewRegisterAsync($"Kasse {name}");
        var page = await server.NewPageAsync(width, height);
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        await AssertNoHorizontalOverflowAsync(page, "sign-in");

        await page.Locator(".product").First.ClickAsync();
        await till.ScanAsync(CheckoutTests.Rugbrod, 2);
        await till.ScanAsync(CheckoutTests.Hamburgerryg412g, 3);
        await AssertNoHorizontalOverflowAsync(page, "till");
        await Artifacts.ScreenshotAsync(page, $"{name}-till");

        var pay = await page.GetByTestId("pay").BoundingBoxAsync();
        Assert.NotNull(pay);
        Assert.True(pay.Y + pay.Height <= height && pay.Y >= height * 0.75,
            $"The pay button should sit in the bottom quarter of the {width}×{height} screen, without scrolling; it is at y={pay.Y}–{pay.Y + pay.Height}.");
        Assert.True(pay.Height >= 44 && pay.Width >= Math.Min(width * 0.6, 280), $"The pay button should be big enough to hit with a thumb; it is {pay.Width}×{pay.Height}.");
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('.product, .tabs .btn, .cart-actions .btn, .cart-bar')].filter(e => e.getClientRects().length > 0).map(e => e.getBoundingClientRect().height))");
        // On a phone the cart's buttons are folded away with the cart (its bar is the target then); the ones shown count.
        Assert.True(smallest >= 44, $"Touch targets should be at least 44 px high; the smallest is {smallest}.");

        await page.GetByTestId("pay").ClickAsync();
        await AssertNoHorizontalOverflowAsync(page, "payment");
        await Artifacts.ScreenshotAsync(page, $"{name}-payment");
        await till.Tender("Card").ClickAsync();
        await Assertions.Expect(page.GetByTestId("receipt-dialog")).ToBeVisibleAsync();
        await AssertNoHorizontalOverflowAsync(page, "receipt");
    }

    private static async Task AssertNoHorizontalOverflowAsync(IPage page, string where)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (sizes[0], sizes[1]);
        Assert.True(scroll <= client, $"The {where} screen scrolls sideways: scrollWidth {scroll} > clientWidth {client}.");
    }
}
