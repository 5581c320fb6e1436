using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Kasse.Application.Demo;
using Kasse.Application.Payments;
using Kasse.Application.Sales;
using Kasse.Application.SelfService;
using Kasse.Application.Stores;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Browser.Tests.SelfService;

/// <summary>
/// The self-service kiosk of issue 23 in a real browser, on a 1080×1920 portrait screen: a guest switches to English, orders two
/// items with modifiers, pays on the terminal simulator (declined once, then approved) and gets order number N; the kitchen
/// screen shows N, the cook bumps it and the pickup board shows N as ready; axe-core finds no WCAG 2.2 AA violation on the way;
/// a guest who walks away is asked whether they are still there, and the kiosk empties the basket and starts over.
/// </summary>
public abstract class KioskBrowserTests(BrowserServer server)
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static async Task NoAxeViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        Assert.True(result.Violations.Length == 0, $"axe-core on {where}: " + string.Join("; ", result.Violations.Select(v =>
            $"{v.Id} ({v.Help}): {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }

    private static ILocator Phase(IPage page) => page.GetByTestId("kiosk");

    [Fact]
    public async Task A_guest_orders_in_English_pays_by_card_after_a_decline_and_sees_the_number_ready_on_the_board_and_the_kiosk_starts_over()
    {
        await using var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        var register = await server.NewRegisterAsync($"Kiosk {server.Provider} {Guid.NewGuid().ToString("N")[..5]}", drawerOpen: false);
        await server.UseAsync<PaymentDevices, PaymentDevicesView>(d =>
            d.ChangeAsync(register.Id, new ChangePaymentDevices(terminal.Url, "SIM-0001", TimeoutSeconds: 60), CancellationToken.None));
        await server.UseAsync<KioskService, RegisterView>(k => k.SetKindAsync(register.Id, new SetRegisterKind(RegisterKind.Kiosk), CancellationToken.None));
        var code = await server.UseAsync<KioskService, KioskPairingCode>(k => k.CreatePairingCodeAsync(register.Id, CancellationToken.None));

        // The kiosk's browser opens the pairing link a manager made, and from then on is the kiosk.
        var kiosk = await server.NewPageAsync(1080, 1920);
        await kiosk.GotoInteractiveAsync($"/kiosk?pair={code.Code}");
        await Assertions.Expect(Phase(kiosk)).ToHaveAttributeAsync("data-phase", "Attract");
        await kiosk.WaitForURLAsync("**/kiosk");
        await kiosk.Locator("[data-testid=kiosk-language][data-lang=en]").ClickAsync();
        await Assertions.Expect(kiosk.GetByTestId("kiosk-start")).ToHaveTextAsync("Touch to order");
        await NoAxeViolationsAsync(kiosk, "the attract screen");
        await Artifacts.ScreenshotAsync(kiosk, $"kiosk-attract-{server.Provider}");

        await kiosk.GetByTestId("kiosk-start").ClickAsync();
        await kiosk.Locator("[data-testid=kiosk-category][data-category='Café']").ClickAsync();
        await kiosk.Locator("[data-testid=kiosk-product][data-name='Caffè latte']").ClickAsync();
        await Assertions.Expect(kiosk.GetByTestId("kiosk-missing")).ToHaveTextAsync("Choose Størrelse.");
        await kiosk.Locator("[data-testid=kiosk-option][data-option='Stor']").ClickAsync();
        await kiosk.Locator("[data-testid=kiosk-option][data-option='Havremælk']").ClickAsync();
        await Assertions.Expect(kiosk.GetByTestId("kiosk-add")).ToContainTextAsync("DKK 55.00");
        await Assertions.Expect(kiosk.GetByTestId("kiosk-allergens")).ToContainTextAsync("Contains");
        await NoAxeViolationsAsync(kiosk, "the item with its modifiers");
        await Artifacts.ScreenshotAsync(kiosk, $"kiosk-item-{server.Provider}");
        await kiosk.GetByTestId("kiosk-add").ClickAsync();
        await Assertions.Expect(kiosk.GetByTestId("kiosk-upsell")).ToContainTextAsync("Something to go with it?");
        await kiosk.GetByTestId("kiosk-upsell-skip").ClickAsync();
        await kiosk.Locator("[data-testid=kiosk-product][data-name='Sandwich med kylling og bacon']").ClickAsync();
        await kiosk.Locator("[data-testid=kiosk-option][data-option='Uden løg']").ClickAsync();
        await kiosk.GetByTestId("kiosk-add").ClickAsync();
        await kiosk.GetByTestId("kiosk-view-basket").ClickAsync();

        await Assertions.Expect(kiosk.GetByTestId("kiosk-line")).ToHaveCountAsync(2);
        await Assertions.Expect(kiosk.GetByTestId("kiosk-total")).ToHaveTextAsync("DKK 124.00");
        await NoAxeViolationsAsync(kiosk, "the basket");
        await kiosk.GetByTestId("kiosk-checkout").ClickAsync();
        await kiosk.GetByTestId("kiosk-takeaway").ClickAsync();
        await Assertions.Expect(kiosk.GetByTestId("kiosk-due")).ToHaveTextAsync("DKK 124.00");
        await NoAxeViolationsAsync(kiosk, "the payment screen");
        await terminal.ControlAsync("control/next", new { outcome = "Decline" });
        await kiosk.GetByTestId("kiosk-pay-card").ClickAsync();
        await Assertions.Expect(kiosk.GetByTestId("kiosk-pay-message")).ToHaveTextAsync("The payment was declined. Nothing was charged. Try again.");
        await kiosk.GetByTestId("kiosk-pay-card").ClickAsync();

        await Assertions.Expect(Phase(kiosk)).ToHaveAttributeAsync("data-phase", "Done");
        var number = int.Parse(await kiosk.GetByTestId("kiosk-order-number").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await NoAxeViolationsAsync(kiosk, "the order number");
        await Artifacts.ScreenshotAsync(kiosk, $"kiosk-done-{server.Provider}");
        var sale = Assert.Single(await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s =>
            s.ListAsync(DemoSeeder.StoreId, SaleStatus.Completed, 500, CancellationToken.None)), s => s.RegisterId == register.Id);
        Assert.Equal((number, OrderType.Takeaway, 124m), (sale.OrderNumber!.Value, sale.OrderType!.Value, sale.TotalAmount));
        Assert.NotNull(sale.Signature);
        Assert.Equal(PaymentMethod.Card, Assert.Single(sale.Payments).Method);
        Assert.Equal(2, (await terminal.ListAsync("control/transactions")).Length);

        // The pickup counter's board and the kitchen's screen, live.
        var board = await server.NewBackOfficePageAsync(1080, 1920);
        await board.GotoInteractiveAsync($"/kitchen/board/{DemoSeeder.StoreId}");
        await Assertions.Expect(board.Locator($"[data-testid=pickup-preparing] [data-number='{number}']")).ToBeVisibleAsync();
        var kitchen = await server.NewBackOfficePageAsync();
        await kitchen.GotoInteractiveAsync($"/kitchen/{DemoSeeder.KitchenStationId}");
        var ticket = kitchen.Locator($"[data-testid=kds-ticket][data-order='{number}']");
        await Assertions.Expect(ticket).ToContainTextAsync("Caffè latte");
        await Assertions.Expect(ticket).ToContainTextAsync("Sandwich med kylling og bacon");
        await Assertions.Expect(ticket).ToContainTextAsync($"Ordre {number}");
        await ticket.GetByTestId("kds-bump").ClickAsync();
        await Assertions.Expect(board.Locator($"[data-testid=pickup-ready] [data-number='{number}']")).ToBeVisibleAsync();
        await Assertions.Expect(board.Locator($"[data-testid=pickup-preparing] [data-number='{number}']")).ToHaveCountAsync(0);
        await NoAxeViolationsAsync(board, "the pickup board");
        await Artifacts.ScreenshotAsync(board, $"kiosk-board-{server.Provider}");

        // The order-number screen goes back to the attract screen by itself, in the store's language.
        await Assertions.Expect(Phase(kiosk)).ToHaveAttributeAsync("data-phase", "Attract", new() { Timeout = 60_000 });
        await Assertions.Expect(Phase(kiosk)).ToHaveAttributeAsync("data-lang", "da");

        // A guest who walks away from a basket is asked, then the kiosk empties it and starts over.
        await kiosk.GetByTestId("kiosk-start").ClickAsync();
        await kiosk.Locator("[data-testid=kiosk-category][data-category='Café']").ClickAsync();
        await kiosk.Locator("[data-testid=kiosk-product][data-name='Espresso']").ClickAsync();
        await kiosk.GetByTestId("kiosk-add").ClickAsync();
        await Assertions.Expect(kiosk.GetByTestId("kiosk-count")).ToHaveTextAsync("1 vare");
        await Assertions.Expect(kiosk.GetByTestId("kiosk-idle-warning")).ToContainTextAsync("Er du der stadig?", new() { Timeout = 60_000 });
        await NoAxeViolationsAsync(kiosk, "the are-you-still-there question");
        await Assertions.Expect(Phase(kiosk)).ToHaveAttributeAsync("data-phase", "Attract", new() { Timeout = 60_000 });
        Assert.Null(await server.UseAsync<SaleUseCases, SaleView?>(s => s.OpenSaleOfRegisterAsync(register.Id, CancellationToken.None)));

        // The same screen at a phone's width: nothing wider than the window.
        await kiosk.SetViewportSizeAsync(390, 844);
        await kiosk.GetByTestId("kiosk-start").ClickAsync();
        await Assertions.Expect(kiosk.Locator("[data-testid=kiosk-category][data-category='Café']")).ToBeVisibleAsync();
        var (overflow, widest) = await kiosk.SidewaysOverflowAsync();
        Assert.True(overflow <= 0, $"The kiosk's menu is {overflow} px wider than a 390 px phone; widest: {widest}");
        await NoAxeViolationsAsync(kiosk, "the menu at 390 px");
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteKioskBrowserTests(SqliteBrowserServer server) : KioskBrowserTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresKioskBrowserTests(PostgresBrowserServer server) : KioskBrowserTests(server);
