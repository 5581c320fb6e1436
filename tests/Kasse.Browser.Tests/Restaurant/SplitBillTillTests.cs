using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>
/// Splitting a table's bill at the till (issue 22), on a wide till and on a waiter's phone: the bill in two equal parts,
/// one part opened and paid, the other left open on the table.
/// </summary>
public abstract class SplitBillTillTests(BrowserServer server)
{
    private const string Rugbrod = Till.CheckoutTests.Rugbrod; // 28,95
    private const string Solsikke = "5708066750475"; // 26,50

    [Theory]
    [InlineData(1280, 800, "2")]
    [InlineData(390, 844, "3")]
    public async Task A_waiter_splits_a_tables_bill_in_two_pays_one_part_and_the_table_stays_open_with_the_other(int width, int height, string tableName)
    {
        var register = await server.NewRegisterAsync($"Kasse del {width}");
        var page = await server.NewPageAsync(width, height);
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        var phone = width < 600;
        // On a phone the cart (with its buttons) is folded into a bar above Pay; a tap slides it up.
        async Task ShowCartAsync()
        {
            if (phone && await page.GetByTestId("cart-bar").GetAttributeAsync("aria-expanded") != "true")
                await page.GetByTestId("cart-bar").ClickAsync();
        }

        await ShowCartAsync();
        await page.GetByTestId("open-floor").ClickAsync();
        var table = page.Locator($"[data-testid=floor-table][data-table='{tableName}']");
        await table.ClickAsync();
        await page.Locator("[data-testid=covers][data-covers='2']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("till")).ToHaveAttributeAsync("data-scanner", "ready");
        await ShowCartAsync();
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Solsikke, 2);
        await Assertions.Expect(till.Total).ToHaveTextAsync("55,45 kr.");

        await page.GetByTestId("open-split").ClickAsync();
        var dialog = page.GetByTestId("split-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Del regningen");
        await dialog.GetByTestId("split-in-parts").ClickAsync();
        await dialog.Locator("[data-testid=split-count][data-count='2']").ClickAsync();
        await dialog.GetByTestId("split-go").ClickAsync();
        var parts = dialog.GetByTestId("split-part");
        await Assertions.Expect(parts).ToHaveCountAsync(2);
        // 28,95 in two is 14,48 + 14,47 (the first part takes the odd øre); 26,50 is 13,25 each.
        await Assertions.Expect(parts.Nth(0).GetByTestId("split-part-total")).ToHaveTextAsync("27,73");
        await Assertions.Expect(parts.Nth(1).GetByTestId("split-part-total")).ToHaveTextAsync("27,72");
        await Assertions.Expect(dialog.GetByTestId("split-open-part").First).ToBeInViewportAsync();
        var (overflow, widest) = await page.SidewaysOverflowAsync();
        Assert.True(overflow <= 0, $"The split dialog is {overflow} px wider than the screen ({widest}).");
        await Artifacts.ScreenshotAsync(page, $"split-bill-{width}-{server.Provider}");
        await parts.Nth(1).GetByTestId("split-open-part").ClickAsync();

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await ShowCartAsync();
        await Assertions.Expect(till.Total).ToHaveTextAsync("27,72 kr.");
        await Assertions.Expect(page.GetByTestId("line-share").First).ToHaveTextAsync("Andel 2/2");
        await till.PayAsync();
        await till.Quick("Præcis").ClickAsync();
        await page.GetByTestId("new-sale").ClickAsync();
        await ShowCartAsync();
        await page.GetByTestId("open-floor").ClickAsync();
        await Assertions.Expect(table).ToHaveAttributeAsync("data-state", "Ordered");
        await Assertions.Expect(table.GetByTestId("table-total")).ToHaveTextAsync("27,73 kr.");

        var paid = Assert.Single(await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(async s =>
            (await s.ListAsync(DemoSeeder.StoreId, SaleStatus.Completed, 500, default)).Where(x => x.RegisterId == register.Id).ToList()));
        Assert.Equal((27.72m, 2), (paid.TotalAmount, paid.Lines.Count));
        Assert.NotNull(paid.Signature);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteSplitBillTillTests(SqliteBrowserServer server) : SplitBillTillTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresSplitBillTillTests(PostgresBrowserServer server) : SplitBillTillTests(server);
