using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>The till's floor view on the demo café's tables (issue 22): a table opened for its guests, ordered on, paid.</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class FloorTillTests(SqliteBrowserServer server)
{
    private const string Rugbrod = Till.CheckoutTests.Rugbrod; // 28,95
    private const string Solsikke = "5708066750475"; // 26,50

    [Fact]
    public async Task A_waiter_opens_table_4_for_3_guests_orders_and_the_floor_shows_it_ordered_with_its_total_then_paid()
    {
        var register = await server.NewRegisterAsync("Kasse café");
        var page = await server.NewPageAsync();
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync();

        await page.GetByTestId("open-floor").ClickAsync();
        var table4 = page.Locator("[data-testid=floor-table][data-table='4']");
        await Assertions.Expect(table4).ToHaveAttributeAsync("data-state", "Free");
        await table4.ClickAsync();
        await page.Locator("[data-testid=covers][data-covers='3']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("till")).ToHaveAttributeAsync("data-scanner", "ready");
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Solsikke, 2);
        await Assertions.Expect(till.Total).ToHaveTextAsync("55,45 kr.");

        await page.GetByTestId("open-floor").ClickAsync();
        await Assertions.Expect(table4).ToHaveAttributeAsync("data-state", "Ordered");
        await Assertions.Expect(table4.GetByTestId("table-total")).ToHaveTextAsync("55,45 kr.");
        await Assertions.Expect(table4).ToContainTextAsync("3 gæster");
        await Artifacts.ScreenshotAsync(page, "floor-ordered");

        await table4.ClickAsync();
        await page.GetByTestId("resume-table-sale").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(2);
        await till.PayAsync();
        await till.Quick("Præcis").ClickAsync();
        await Assertions.Expect(page.GetByTestId("change-due")).ToHaveTextAsync("0,00 kr.");
        await page.GetByTestId("new-sale").ClickAsync();
        await page.GetByTestId("open-floor").ClickAsync();
        await Assertions.Expect(table4).ToHaveAttributeAsync("data-state", "Paid");

        var sale = Assert.Single(await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(async s =>
            (await s.ListAsync(DemoSeeder.StoreId, SaleStatus.Completed, 500, default)).Where(x => x.RegisterId == register.Id).ToList()));
        Assert.Equal(55.45m, sale.TotalAmount);
    }
}
