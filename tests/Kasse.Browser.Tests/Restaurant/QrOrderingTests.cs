using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Kasse.Application.Demo;
using Kasse.Application.Restaurant;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>
/// QR ordering at the table (issue 23) on the demo café: the manager's printed sheet gives table 8's link; a guest's phone
/// (390 px) orders two items, one with a modifier and a note; the order waits for the waiter (the store's "staff confirms
/// guest orders"), who sees it on table 8 at the till and confirms it; the kitchen screen shows it. Table 8 is this test's:
/// the other tests of a server use tables 1–7 and 9–12 of the shared demo café.
/// </summary>
public abstract class QrOrderingTests(BrowserServer server)
{
    /// <summary>WCAG 2.0–2.2 A and AA, as the issue asks.</summary>
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private static async Task NoAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>Every control on the guest's page is at least 44 × 44 px to touch.</summary>
    private static async Task TouchTargetsAsync(IPage page)
    {
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('button, a, label.g-opt, textarea')]
                .filter(e => e.offsetParent !== null)
                .map(e => [e, e.getBoundingClientRect()])
                .filter(([e, r]) => r.width < 44 || r.height < 44)
                .map(([e, r]) => `${e.outerHTML.slice(0, 80)} (${Math.round(r.width)}×${Math.round(r.height)})`)
            """);
        Assert.True(small.Length == 0, "Smaller than 44 px: " + string.Join("; ", small));
    }

    [Fact]
    public async Task A_guest_at_table_8_orders_by_QR_on_a_phone_the_waiter_confirms_it_at_the_till_and_the_kitchen_shows_it()
    {
        await server.UseAsync<GuestOrdering, GuestOrderingSettingsView>(g =>
            g.SaveSettingsAsync(DemoSeeder.StoreId, new SaveGuestOrderingSettings(Closed: false, StaffConfirms: true), default));

        // The manager prints the tables' QR codes; table 8's card carries its code and its link.
        var manager = await server.NewBackOfficePageAsync();
        await manager.GotoAsync($"/backoffice/floor/qr-codes?store={DemoSeeder.StoreId}");
        var card = manager.Locator("figure.card[data-table='8']");
        await Assertions.Expect(card.Locator("svg")).ToHaveCountAsync(1);
        await Artifacts.ScreenshotAsync(manager, $"qr-sheet-{server.Provider}");
        var link = await card.Locator("a").GetAttributeAsync("href");
        Assert.Matches("/t/[A-Za-z0-9_-]{32}$", link);

        var phone = await server.NewPageAsync(390, 844);
        await phone.GotoAsync(link!);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Bord 8" })).ToBeVisibleAsync();
        var latte = phone.GetByRole(AriaRole.Button, new() { Name = "Vælg Caffè latte", Exact = true });
        await Assertions.Expect(latte).ToBeVisibleAsync();
        await NoAxeViolationsAsync(phone);
        await TouchTargetsAsync(phone);
        Assert.True((await phone.SidewaysOverflowAsync()).Overflow <= 0, (await phone.SidewaysOverflowAsync()).Widest);
        await Artifacts.ScreenshotAsync(phone, $"qr-menu-390-{server.Provider}");

        await latte.ClickAsync();
        var dialog = phone.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Caffè latte" })).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Størrelse (skal vælges)");
        await Assertions.Expect(dialog).ToContainTextAsync("mælk");
        await NoAxeViolationsAsync(phone);
        await TouchTargetsAsync(phone);
        await Artifacts.ScreenshotAsync(phone, $"qr-item-390-{server.Provider}");
        await dialog.GetByLabel("Stor (+8,00 kr.)").CheckAsync();
        await dialog.GetByLabel("Besked til køkkenet").FillAsync("Ekstra varm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Læg i kurven" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Vælg Croissant med ost og smør", Exact = true }).ClickAsync();
        await phone.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Læg i kurven" }).ClickAsync();
        var basket = phone.Locator("#basket-body li");
        await Assertions.Expect(basket).ToHaveCountAsync(2);
        await Assertions.Expect(basket.First).ToContainTextAsync("“Ekstra varm”");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send bestilling" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#message")).ToHaveTextAsync("Tak! Din bestilling venter på, at tjeneren bekræfter den.");
        var bill = phone.Locator("#bill-body li");
        await Assertions.Expect(bill).ToHaveCountAsync(2);
        await Assertions.Expect(bill.First).ToContainTextAsync("Venter på tjeneren");
        await NoAxeViolationsAsync(phone);
        await Artifacts.ScreenshotAsync(phone, $"qr-sent-390-{server.Provider}");

        // The waiter: table 8 is marked on the floor; its sale shows the guest's lines, and confirming sends them to the kitchen.
        var register = await server.NewRegisterAsync("Kasse QR");
        var page = await server.NewPageAsync();
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        await page.GetByTestId("open-floor").ClickAsync();
        var table8 = page.Locator("[data-testid=floor-table][data-table='8']");
        await Assertions.Expect(table8.GetByTestId("guest-order-marker")).ToHaveTextAsync("Gæstebestilling: bekræft");
        await Artifacts.ScreenshotAsync(page, $"qr-floor-marker-{server.Provider}");
        await table8.ClickAsync();
        await page.GetByTestId("resume-table-sale").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(2);
        var guestOrder = page.GetByTestId("guest-order");
        await Assertions.Expect(guestOrder).ToHaveAttributeAsync("data-status", "Pending");
        await Assertions.Expect(guestOrder.GetByTestId("guest-order-line").First).ToContainTextAsync("Caffè latte");
        await Assertions.Expect(guestOrder.GetByTestId("guest-order-line").First).ToContainTextAsync("Stor");
        await Assertions.Expect(guestOrder.GetByTestId("guest-order-line").First).ToContainTextAsync("“Ekstra varm”");
        await Artifacts.ScreenshotAsync(page, $"qr-till-guest-order-{server.Provider}");
        await guestOrder.GetByTestId("confirm-guest-order").ClickAsync();
        await Assertions.Expect(guestOrder).ToHaveAttributeAsync("data-status", "Sent");

        var kitchen = await server.NewBackOfficePageAsync();
        await kitchen.GotoInteractiveAsync($"/kitchen/{DemoSeeder.KitchenStationId}");
        var ticket = kitchen.Locator("[data-testid=kds-ticket][data-table='8']");
        await Assertions.Expect(ticket).ToContainTextAsync("Caffè latte");
        await Assertions.Expect(ticket).ToContainTextAsync("Ekstra varm");
        await Assertions.Expect(ticket).ToContainTextAsync("Croissant med ost og smør");
        await Artifacts.ScreenshotAsync(kitchen, $"qr-kitchen-{server.Provider}");

        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("#bill-body li").First).ToContainTextAsync("Sendt til køkkenet");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Kald på tjeneren / bed om regningen" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#bill-body")).ToContainTextAsync("Tjeneren kommer.");
        await page.GetByTestId("open-floor").ClickAsync();
        await Assertions.Expect(table8.GetByTestId("guest-call-marker")).ToBeVisibleAsync();
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteQrOrderingTests(SqliteBrowserServer server) : QrOrderingTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresQrOrderingTests(PostgresBrowserServer server) : QrOrderingTests(server);
