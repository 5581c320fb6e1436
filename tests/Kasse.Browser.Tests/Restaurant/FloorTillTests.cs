using Kasse.Application.Demo;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>The till's floor view on the demo café's tables (issue 22): a table opened for its guests, ordered on, paid; and the floor editor.</summary>
public abstract class FloorTillTests(BrowserServer server)
{
    private const string Rugbrod = Till.CheckoutTests.Rugbrod; // 28,95
    private const string Solsikke = "5708066750475"; // 26,50

    [Fact]
    public async Task A_waiter_opens_table_1_for_3_guests_orders_and_the_floor_shows_it_ordered_with_its_total_then_paid()
    {
        var register = await server.NewRegisterAsync("Kasse café");
        var page = await server.NewPageAsync();
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync();

        await page.GetByTestId("open-floor").ClickAsync();
        // Table 1 is this test's alone: the tests of one server share the demo café, and a table paid lately shows Paid.
        var table1 = page.Locator("[data-testid=floor-table][data-table='1']");
        await Assertions.Expect(table1).ToHaveAttributeAsync("data-state", "Free");
        await table1.ClickAsync();
        await page.Locator("[data-testid=covers][data-covers='3']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("till")).ToHaveAttributeAsync("data-scanner", "ready");
        await Assertions.Expect(page.GetByTestId("sale-table")).ToHaveTextAsync("Bord 1 · 3 gæster");
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Solsikke, 2);
        await Assertions.Expect(till.Total).ToHaveTextAsync("55,45 kr.");

        await page.GetByTestId("open-floor").ClickAsync();
        await Assertions.Expect(table1).ToHaveAttributeAsync("data-state", "Ordered");
        await Assertions.Expect(table1.GetByTestId("table-total")).ToHaveTextAsync("55,45 kr.");
        await Assertions.Expect(table1).ToContainTextAsync("3 gæster");
        await Artifacts.ScreenshotAsync(page, $"floor-ordered-{server.Provider}");

        await table1.ClickAsync();
        await page.GetByTestId("resume-table-sale").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(2);
        await till.PayAsync();
        await till.Quick("Præcis").ClickAsync();
        await Assertions.Expect(page.GetByTestId("change-due")).ToHaveTextAsync("0,00 kr.");
        await page.GetByTestId("new-sale").ClickAsync();
        await page.GetByTestId("open-floor").ClickAsync();
        await Assertions.Expect(table1).ToHaveAttributeAsync("data-state", "Paid");

        var sale = Assert.Single(await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(async s =>
            (await s.ListAsync(DemoSeeder.StoreId, SaleStatus.Completed, 500, default)).Where(x => x.RegisterId == register.Id).ToList()));
        Assert.Equal(55.45m, sale.TotalAmount);
    }

    [Fact]
    public async Task The_floor_editor_adds_an_area_and_a_table_and_saves_its_seats_typed_in_a_number_field()
    {
        var page = await server.NewBackOfficePageAsync();
        await page.GotoInteractiveAsync("/backoffice/floor");
        await page.GetByTestId("new-area").FillAsync("Terrassen");
        await page.GetByTestId("add-area").ClickAsync();
        var area = page.Locator("[data-testid=floor-editor-area][data-area='Terrassen']");
        await area.GetByTestId("add-table").ClickAsync();
        var row = area.GetByTestId("table-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByLabel("Pladser").FillAsync("6");
        await row.GetByTestId("save-table").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Gemt.");
        await Artifacts.ScreenshotAsync(page, $"floor-editor-{server.Provider}");

        var plan = await server.UseAsync<FloorService, IReadOnlyList<AreaView>>(f => f.PlanAsync(DemoSeeder.StoreId, default));
        var table = Assert.Single(Assert.Single(plan, a => a.Name == "Terrassen").Tables);
        Assert.Equal(("13", 6), (table.Name, table.Seats));
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteFloorTillTests(SqliteBrowserServer server) : FloorTillTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresFloorTillTests(PostgresBrowserServer server) : FloorTillTests(server);
