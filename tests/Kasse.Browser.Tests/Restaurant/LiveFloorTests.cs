using Kasse.Application.Demo;
using Kasse.Application.Sales;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>
/// The floor is live (issue 22): two waiters' tills side by side, and what one does on a table shows on the other's floor
/// within a second, without a reload or a poll. The till moves a sale to another table and hands it over. And a waiter on
/// a phone takes a table's order in two courses while the kitchen screen follows.
/// </summary>
public abstract class LiveFloorTests(BrowserServer server)
{
    private const string Rugbrod = Till.CheckoutTests.Rugbrod; // 28,95
    private const string Smorrebrod = "CAF-011"; // Smørrebrød med æg og rejer, no choices
    private const string Sandwich = "CAF-010"; // Sandwich med kylling og bacon: Tilpas (Uden løg, …)

    /// <summary>The floor was read every 3 seconds before it was pushed; a second shows it is pushed.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions WithinASecond = new() { Timeout = 1_000 };

    [Fact]
    public async Task A_table_opened_ordered_on_moved_and_handed_over_on_one_till_shows_on_the_other_waiters_floor_within_a_second()
    {
        var watching = new TillPage(await server.NewPageAsync(), (await server.NewRegisterAsync("Kasse tjener B")).Id);
        await watching.OpenAsync();
        await watching.SignInAsync();
        await watching.Page.GetByTestId("open-floor").ClickAsync();
        var watched6 = watching.Page.Locator("[data-testid=floor-table][data-table='6']");
        var watched5 = watching.Page.Locator("[data-testid=floor-table][data-table='5']");
        await Assertions.Expect(watched6).ToHaveAttributeAsync("data-state", "Free");
        await Assertions.Expect(watched5).ToHaveAttributeAsync("data-state", "Free");

        var register = await server.NewRegisterAsync("Kasse tjener A");
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync();
        await page.GetByTestId("open-floor").ClickAsync();
        await page.Locator("[data-testid=floor-table][data-table='6']").ClickAsync();
        await page.Locator("[data-testid=covers][data-covers='2']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sale-table")).ToHaveTextAsync("Bord 6 · 2 gæster");
        await Assertions.Expect(watched6).ToHaveAttributeAsync("data-state", "Seated", WithinASecond);

        await till.ScanAsync(Rugbrod, 1);
        await Assertions.Expect(watched6).ToHaveAttributeAsync("data-state", "Ordered", WithinASecond);
        await Assertions.Expect(watched6.GetByTestId("table-total")).ToHaveTextAsync("28,95 kr.", new() { Timeout = 1_000 });

        await page.GetByTestId("open-move-table").ClickAsync();
        var picker = page.GetByTestId("move-table-dialog");
        await Assertions.Expect(picker.Locator("[data-testid=move-to-table][data-table='6']")).ToBeDisabledAsync(); // where it is
        await Artifacts.ScreenshotAsync(page, $"floor-move-{server.Provider}");
        await picker.Locator("[data-testid=move-to-table][data-table='5']").ClickAsync();
        await Assertions.Expect(till.Message).ToContainTextAsync("Flyttet til bord 5.");
        await Assertions.Expect(page.GetByTestId("sale-table")).ToHaveTextAsync("Bord 5 · 2 gæster");
        await Assertions.Expect(watched5).ToHaveAttributeAsync("data-state", "Ordered", WithinASecond);
        await Assertions.Expect(watched6).ToHaveAttributeAsync("data-state", "Free", WithinASecond);

        await page.GetByTestId("open-hand-over").ClickAsync();
        await page.Locator($"[data-testid=hand-over-to][data-waiter='{BrowserServer.CashierName}']").ClickAsync();
        await Assertions.Expect(till.Message).ToContainTextAsync($"Overdraget til {BrowserServer.CashierName}.");
        await watched5.ClickAsync();
        await Assertions.Expect(watching.Page.GetByTestId("table-sale")).ToContainTextAsync(BrowserServer.CashierName);
        await Artifacts.ScreenshotAsync(watching.Page, $"floor-live-{server.Provider}");

        var saleId = Guid.Parse((await page.GetByTestId("till").GetAttributeAsync("data-sale"))!);
        var sale = await server.UseAsync<SalesService, SaleView>(s => s.GetAsync(saleId, default));
        Assert.Equal(server.CashierId, sale.CashierId);
        var table5 = (await server.UseAsync<Kasse.Application.Restaurant.FloorService, IReadOnlyList<Kasse.Application.Restaurant.AreaView>>(
            f => f.PlanAsync(DemoSeeder.StoreId, default))).SelectMany(a => a.Tables).Single(t => t.Name == "5");
        Assert.Equal((table5.Id, 2), (sale.TableId, sale.Covers));
    }

    [Fact]
    public async Task A_waiter_on_a_phone_takes_table_4s_order_in_two_courses_and_the_kitchen_screen_follows_the_send_bump_and_fire()
    {
        var kitchen = await server.NewBackOfficePageAsync();
        await kitchen.GotoInteractiveAsync($"/kitchen/{DemoSeeder.KitchenStationId}");
        await Assertions.Expect(kitchen.GetByTestId("kds-title")).ToHaveTextAsync("Køkken");

        var register = await server.NewRegisterAsync("Kasse telefon tjener");
        var till = new TillPage(await server.NewPageAsync(390, 844), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync();
        await page.GetByTestId("cart-bar").ClickAsync();
        await page.GetByTestId("open-floor").ClickAsync();
        // Another test of this server may have paid at table 4 lately: a new sale opens on it whatever its state.
        await Assertions.Expect(page.Locator("[data-testid=floor-table][data-table='4']")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, $"waiter-phone-floor-{server.Provider}");
        await page.Locator("[data-testid=floor-table][data-table='4']").ClickAsync();
        await page.Locator("[data-testid=covers][data-covers='3']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("till")).ToHaveAttributeAsync("data-scanner", "ready");

        await page.Locator("#till-search").FillAsync("smørrebrød");
        await page.Locator($".product[data-sku='{Smorrebrod}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cart-bar-total")).ToHaveTextAsync("59,00 kr.");
        await page.Locator("#till-search").FillAsync("sandwich");
        await page.Locator($".product[data-sku='{Sandwich}']").ClickAsync();
        var dialog = page.GetByTestId("modifier-dialog");
        await dialog.Locator("[data-testid=modifier-option][data-option='Uden løg']").ClickAsync();
        await dialog.GetByTestId("modifier-note").FillAsync("Godt stegt");
        await Artifacts.ScreenshotAsync(page, $"waiter-phone-modifiers-{server.Provider}");
        await dialog.GetByTestId("modifier-add").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("cart-bar-total")).ToHaveTextAsync("128,00 kr.");

        await page.GetByTestId("cart-bar").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("sale-table")).ToHaveTextAsync("Bord 4 · 3 gæster");
        await page.GetByTestId("open-kitchen").ClickAsync();
        var mains = page.Locator("[data-testid=kitchen-line][data-line='Sandwich med kylling og bacon']");
        await mains.Locator("[data-testid=line-course][data-course='2']").ClickAsync();
        await Assertions.Expect(mains).ToHaveAttributeAsync("data-course", "2");
        await page.GetByTestId("kitchen-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("kitchen-done")).ToHaveTextAsync("Sendt til køkkenet.");
        await Artifacts.ScreenshotAsync(page, $"waiter-phone-sent-{server.Provider}");

        var course1 = kitchen.Locator("[data-testid=kds-ticket][data-table='4'][data-course='1']");
        var course2 = kitchen.Locator("[data-testid=kds-ticket][data-table='4'][data-course='2']");
        await Assertions.Expect(course1).ToHaveAttributeAsync("data-status", "Open", WithinASecond);
        await Assertions.Expect(course1).ToContainTextAsync("Smørrebrød med æg og rejer");
        await Assertions.Expect(course2).ToHaveAttributeAsync("data-status", "Held");
        await course1.GetByTestId("kds-bump").ClickAsync();
        await Assertions.Expect(course1).ToHaveCountAsync(0);

        await page.GetByTestId("kitchen-fire").And(page.Locator("[data-course='2']")).ClickAsync();
        await Assertions.Expect(page.GetByTestId("kitchen-done")).ToHaveTextAsync("Ret 2 er sendt i gang.");
        await Assertions.Expect(course2).ToHaveAttributeAsync("data-status", "Open", WithinASecond);
        await Assertions.Expect(course2).ToContainTextAsync("Sandwich med kylling og bacon");
        await Assertions.Expect(course2).ToContainTextAsync("Uden løg");
        await Assertions.Expect(course2).ToContainTextAsync("Godt stegt");
        await Artifacts.ScreenshotAsync(kitchen, $"waiter-phone-kitchen-{server.Provider}");

        var expo = await server.NewBackOfficePageAsync();
        await expo.GotoInteractiveAsync($"/kitchen/expo/{DemoSeeder.StoreId}");
        await Assertions.Expect(expo.Locator("[data-testid=kds-ticket][data-table='4'][data-course='2']")).ToHaveAttributeAsync("data-status", "Open");
        await Artifacts.ScreenshotAsync(expo, $"waiter-expo-{server.Provider}");

        // The table goes back to free for the other tests of this server (a voided sale does not show as paid).
        var saleId = Guid.Parse((await page.GetByTestId("till").GetAttributeAsync("data-sale"))!);
        await server.UseAsync<SalesService, SaleView>(s => s.VoidAsync(saleId, default));
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteLiveFloorTests(SqliteBrowserServer server) : LiveFloorTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresLiveFloorTests(PostgresBrowserServer server) : LiveFloorTests(server);
