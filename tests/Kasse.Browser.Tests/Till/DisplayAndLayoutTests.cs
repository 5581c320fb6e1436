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
            "() => Math.min(...[...document.querySelectorAll('.product, .tabs .btn, .cart-actions .btn')].map(e => e.getBoundingClientRect().height))");
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
