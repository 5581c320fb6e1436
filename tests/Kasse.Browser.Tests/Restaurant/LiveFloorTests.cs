using Kasse.Application.Demo;
using Kasse.Application.Sales;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>
/// The floor is live (issue 22): two waiters' tills side by side, and what one does on a table shows on the other's floor
/// within a second, without a reload or a poll. The till moves a sale to another table and hands it over. (A waiter on a
/// phone taking table 4's order in two courses while the kitchen screen follows is the start of <see cref="DinnerProofTests"/>.)
/// </summary>
public abstract class LiveFloorTests(BrowserServer server)
{
    private const string Rugbrod = Till.CheckoutTests.Rugbrod; // 28,95

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
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteLiveFloorTests(SqliteBrowserServer server) : LiveFloorTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresLiveFloorTests(PostgresBrowserServer server) : LiveFloorTests(server);
