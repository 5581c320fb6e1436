using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>
/// A table's order at the till (issue 22), on a wide till and on a waiter's phone: the order type set (and audited), part
/// of a line moved to another table, that table's order merged back, and once sent to the kitchen the floor shows the
/// table waiting for food. The tables are in Gården (9–12), which the other floor tests leave alone.
/// </summary>
public abstract class TableOrderTillTests(BrowserServer server)
{
    private const string Rugbrod = Till.CheckoutTests.Rugbrod; // 28,95
    private const string Solsikke = "5708066750475"; // 26,50

    [Theory]
    [InlineData(1280, 800, "9", "10")]
    [InlineData(390, 844, "11", "12")]
    public async Task A_waiter_sets_takeaway_moves_one_of_two_to_another_table_merges_it_back_and_the_floor_shows_the_table_waiting_for_food(
        int width, int height, string tableName, string otherTableName)
    {
        var register = await server.NewRegisterAsync($"Kasse borde {width}");
        var page = await server.NewPageAsync(width, height);
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        var phone = width < 600;
        async Task ShowCartAsync()
        {
            if (phone && await page.GetByTestId("cart-bar").GetAttributeAsync("aria-expanded") != "true")
                await page.GetByTestId("cart-bar").ClickAsync();
        }
        async Task NoSidewaysOverflowAsync(string what)
        {
            var (overflow, widest) = await page.SidewaysOverflowAsync();
            Assert.True(overflow <= 0, $"{what} is {overflow} px wider than the screen ({widest}).");
        }
        async Task OpenFloorInGardenAsync()
        {
            await ShowCartAsync();
            await page.GetByTestId("open-floor").ClickAsync();
            await page.GetByTestId("floor-area").GetByText("Gården").ClickAsync();
        }

        await OpenFloorInGardenAsync();
        await page.Locator($"[data-testid=floor-table][data-table='{tableName}']").ClickAsync();
        await page.Locator("[data-testid=covers][data-covers='2']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("till")).ToHaveAttributeAsync("data-scanner", "ready");
        await ShowCartAsync();
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Solsikke, 2);
        await till.ScanMergedAsync(Solsikke, 2, 2);
        await Assertions.Expect(till.Total).ToHaveTextAsync("81,95 kr.");
        var saleId = Guid.Parse((await page.GetByTestId("till").GetAttributeAsync("data-sale"))!);

        // The order type: takeaway.
        await page.GetByTestId("open-order-type").ClickAsync();
        var types = page.GetByTestId("order-type-dialog");
        await Assertions.Expect(types).ToContainTextAsync("Ordretype");
        await NoSidewaysOverflowAsync("The order type dialog");
        await types.Locator("[data-testid=order-type][data-type='Takeaway']").ClickAsync();
        await Assertions.Expect(till.Message).ToContainTextAsync("Ordretype: Ud af huset.");
        await ShowCartAsync();
        await Assertions.Expect(page.GetByTestId("open-order-type")).ToHaveAttributeAsync("data-order-type", "Takeaway");
        await Assertions.Expect(page.GetByTestId("open-order-type")).ToHaveTextAsync("Ud af huset");

        // One of the two sunflower breads to the other table, a new bill there.
        await page.GetByTestId("open-move-lines").ClickAsync();
        var move = page.GetByTestId("move-lines-dialog");
        var sunflower = move.GetByTestId("move-line").Nth(1);
        await sunflower.GetByTestId("move-line-pick").CheckAsync();
        await Assertions.Expect(sunflower.GetByTestId("move-line-quantity")).ToHaveTextAsync("2");
        await sunflower.GetByTestId("move-line-less").ClickAsync();
        await Assertions.Expect(sunflower.GetByTestId("move-line-quantity")).ToHaveTextAsync("1");
        var target = move.Locator($"[data-testid=move-lines-to-table][data-table='{otherTableName}']");
        await target.ScrollIntoViewIfNeededAsync();
        await NoSidewaysOverflowAsync("The move-lines dialog");
        await Artifacts.ScreenshotAsync(page, $"table-move-lines-{width}-{server.Provider}");
        await target.ClickAsync();
        await Assertions.Expect(till.Message).ToContainTextAsync($"Linjer flyttet til bord {otherTableName}.");
        await ShowCartAsync();
        await Assertions.Expect(till.Total).ToHaveTextAsync("55,45 kr.");

        // And back: the other table's order merged into this one.
        await page.GetByTestId("open-merge").ClickAsync();
        var merge = page.GetByTestId("merge-dialog");
        var other = merge.Locator($"[data-testid=merge-sale][data-place='Bord {otherTableName}']");
        await Assertions.Expect(other).ToContainTextAsync("26,50");
        await NoSidewaysOverflowAsync("The merge dialog");
        await Artifacts.ScreenshotAsync(page, $"table-merge-{width}-{server.Provider}");
        await other.GetByTestId("merge-from").ClickAsync();
        await Assertions.Expect(till.Message).ToContainTextAsync($"Bord {otherTableName} er slået sammen med denne bestilling.");
        await ShowCartAsync();
        await Assertions.Expect(till.Total).ToHaveTextAsync("81,95 kr.");

        // Sent to the kitchen, the table waits for food on the floor.
        await page.GetByTestId("open-kitchen").ClickAsync();
        await page.GetByTestId("kitchen-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("kitchen-done")).ToHaveTextAsync("Sendt til køkkenet.");
        await page.GetByTestId("kitchen-dialog").GetByRole(AriaRole.Button, new() { Name = "Luk" }).ClickAsync();
        await OpenFloorInGardenAsync();
        var table = page.Locator($"[data-testid=floor-table][data-table='{tableName}']");
        await Assertions.Expect(table).ToHaveAttributeAsync("data-state", "WaitingForFood");
        if (!phone)
            await Assertions.Expect(table).ToContainTextAsync("Venter på mad");
        await Assertions.Expect(page.Locator($"[data-testid=floor-table][data-table='{otherTableName}']")).ToHaveAttributeAsync("data-state", "Free");
        await Artifacts.ScreenshotAsync(page, $"table-waiting-for-food-{width}-{server.Provider}");

        var sale = await server.UseAsync<SalesService, SaleView>(s => s.GetAsync(saleId, default));
        Assert.Equal((OrderType.Takeaway, 81.95m, 3m), (sale.OrderType, sale.TotalAmount, sale.Lines.Sum(l => l.Quantity)));
        var audit = await server.UseAsync<AuditSearch, AuditPage>(a => a.FindAsync(new AuditFilter(Action: AuditAction.OrderTypeChanged,
            Subject: "sale:" + saleId), 0, 10, default));
        Assert.Contains("from none to takeaway", Assert.Single(audit.Entries).Detail, StringComparison.Ordinal);

        // The tables go back to free for the other tests of this server (a voided sale does not show as paid).
        await server.UseAsync<SalesService, SaleView>(s => s.VoidAsync(saleId, default));
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteTableOrderTillTests(SqliteBrowserServer server) : TableOrderTillTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresTableOrderTillTests(PostgresBrowserServer server) : TableOrderTillTests(server);
