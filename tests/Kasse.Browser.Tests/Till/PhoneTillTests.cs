using Kasse.Application.Demo;
using Kasse.Browser.Tests.BackOffice;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Till;

/// <summary>
/// The till on a phone (390×844): the cart folds to a bar with the count and total and slides up on a tap; the category
/// strip scrolls with a fade at its edge; nothing is wider than the screen. And the till's small things: the language
/// picked before signing in stays, every register can be chosen, "Look it up" keeps the code, a manager sees the
/// part-paid sales left open on other registers.
/// </summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class PhoneTillTests(SqliteBrowserServer server)
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task On_a_phone_the_cart_is_a_bar_that_slides_up_and_nothing_is_wider_than_the_screen()
    {
        var register = await server.NewRegisterAsync("Telefonkasse " + Guid.NewGuid().ToString("N")[..5]);
        var till = new TillPage(await server.NewPageAsync(PhoneWidth, 844), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync();

        var bar = page.GetByTestId("cart-bar");
        await Assertions.Expect(bar).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("pay")).ToBeVisibleAsync();
        await till.SendScanAsync(CheckoutTests.Rugbrod);
        await Assertions.Expect(page.GetByTestId("cart-bar-total")).ToHaveTextAsync("28,95 kr.");
        await Assertions.Expect(page.GetByTestId("cart-lines")).ToBeHiddenAsync();
        var tabs = await page.GetByTestId("category-tabs").EvaluateAsync<string[]>(
            "el => [String(el.scrollWidth - el.clientWidth), getComputedStyle(el).getPropertyValue('--fade-end'), getComputedStyle(el).maskImage]");
        var folded = await page.SidewaysOverflowAsync();
        await Artifacts.ScreenshotAsync(page, "till-phone-folded");

        await bar.ClickAsync();
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(1);
        await Assertions.Expect(till.CartLines.First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("pay")).ToBeInViewportAsync();
        var open = await page.SidewaysOverflowAsync();
        await Artifacts.ScreenshotAsync(page, "till-phone-cart-open");
        await bar.ClickAsync();
        await Assertions.Expect(page.GetByTestId("cart-lines")).ToBeHiddenAsync();

        Assert.True(int.Parse(tabs[0], System.Globalization.CultureInfo.InvariantCulture) > 0, "the demo's categories are wider than a phone, so the strip scrolls");
        Assert.Equal("40px", tabs[1].Trim());
        Assert.NotEqual("none", tabs[2]);
        Assert.True(folded.Overflow <= 0, $"the phone till scrolls sideways by {folded.Overflow} px: {folded.Widest}");
        Assert.True(open.Overflow <= 0, $"the open cart scrolls sideways by {open.Overflow} px: {open.Widest}");
    }

    [Fact]
    public async Task English_picked_before_signing_in_stays_after_signing_in()
    {
        var register = await server.NewRegisterAsync("Sprogkasse " + Guid.NewGuid().ToString("N")[..5]);
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await page.Locator("[data-lang=en]").ClickAsync();
        await page.Locator("[data-lang=en].on").WaitForAsync();
        await page.Locator("[data-employee]").First.WaitForAsync();
        await till.SignInAsync(); // Mette's own language is Danish

        await Assertions.Expect(page.GetByTestId("pay")).ToContainTextAsync("Pay");
        await Assertions.Expect(page.Locator("[data-lang=en]")).ToHaveClassAsync("on");
    }

    [Fact]
    public async Task The_register_chooser_lists_every_register_of_the_store_from_the_till()
    {
        var first = await server.NewRegisterAsync("Kasse valg A " + Guid.NewGuid().ToString("N")[..5]);
        var second = await server.NewRegisterAsync("Kasse valg B " + Guid.NewGuid().ToString("N")[..5]);
        var till = new TillPage(await server.NewPageAsync(), first.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync(); // the PC now remembers this register, and "/" would open it straight away
        await page.TillMoreAsync("switch-cashier");

        // Other tests add registers to the same store meanwhile: every register there before the chooser opened must be in it.
        var registers = await server.UseAsync<Kasse.Application.Stores.StoreService, IReadOnlyList<Kasse.Application.Stores.RegisterView>>(
            s => s.ListRegistersAsync(DemoSeeder.StoreId, CancellationToken.None));
        await page.GetByTestId("other-register").ClickAsync();
        await page.WaitForURLAsync("**/?choose=1");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = second.Name, Exact = true })).ToBeVisibleAsync();
        var shown = await page.GetByTestId("register-card").AllInnerTextsAsync();
        Assert.All(registers, r => Assert.Contains(shown, card => card.Contains(r.Name, StringComparison.Ordinal)));
        await page.GetByRole(AriaRole.Link, new() { Name = second.Name, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/till/{second.Id}");
    }

    [Fact]
    public async Task Look_it_up_keeps_the_unknown_code_in_the_search_field()
    {
        var register = await server.NewRegisterAsync("Opslagskasse " + Guid.NewGuid().ToString("N")[..5]);
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync();
        var unknown = Ean.Fresh();

        await till.SendScanAsync(unknown);
        await page.GetByTestId("look-up").ClickAsync();

        await Assertions.Expect(page.Locator("#till-search")).ToHaveValueAsync(unknown);
    }

    [Fact]
    public async Task A_manager_sees_a_part_paid_sale_left_open_on_another_register_marked_with_that_register()
    {
        var here = await server.NewRegisterAsync("Kasse her " + Guid.NewGuid().ToString("N")[..5]);
        var there = await server.NewRegisterAsync("Kasse der " + Guid.NewGuid().ToString("N")[..5]);
        using var api = new SalesApi(server.BaseAddress, server.OwnerApiKey);
        var sale = await api.OpenAsync(there.Id, server.CashierId);
        await api.ScanAsync(sale.Id, CheckoutTests.Rugbrod);
        await api.PayAsync(sale.Id, PaymentMethod.Cash, 10m);

        var manager = new TillPage(await server.NewPageAsync(), here.Id);
        await manager.OpenAsync();
        await manager.SignInAsync(); // Mette is a manager
        await manager.Page.GetByTestId("open-parked").ClickAsync();
        var listed = manager.Page.Locator($"[data-testid=parked-sale][data-register='{there.Id}']");
        await Assertions.Expect(listed.GetByTestId("parked-register")).ToContainTextAsync(there.Name);
        await Assertions.Expect(listed.GetByTestId("parked-paid")).ToContainTextAsync("10,00");
        await Artifacts.ScreenshotAsync(manager.Page, "till-parked-other-register");

        var cashier = new TillPage(await server.NewPageAsync(), here.Id);
        await cashier.OpenAsync();
        await cashier.SignInAsync(BrowserServer.CashierName, BrowserServer.CashierPin);
        await cashier.Page.GetByTestId("open-parked").ClickAsync();
        await Assertions.Expect(cashier.Page.GetByTestId("parked-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(cashier.Page.Locator($"[data-testid=parked-sale][data-register='{there.Id}']")).ToHaveCountAsync(0);
    }
}
