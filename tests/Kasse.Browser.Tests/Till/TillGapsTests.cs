using Kasse.Application.CashControl;
using Kasse.Domain.CashControl;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Till;

/// <summary>Typing an exact quantity, paying by gift card, and the Z report asking before it closes the day.</summary>
public abstract class TillGapsTests(BrowserServer server)
{
    [Fact]
    public async Task A_typed_quantity_sets_the_line_a_gift_card_pays_and_the_Z_report_asks_first()
    {
        var register = await server.NewRegisterAsync($"Kasse {server.Provider} antal", drawerOpen: false); // the Z report wants no session open
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync();

        await till.ScanAsync(CheckoutTests.Rugbrod, 1);
        await page.GetByTestId("qty-input").FillAsync("12");
        await page.GetByTestId("qty-input").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("line-qty")).ToContainTextAsync("12 ×");
        await Assertions.Expect(till.Total).ToHaveTextAsync("347,40 kr.");

        var giftCard = await Customers.GiftCardSetup.IssueAsync(server, 400.00m);
        await till.PayAsync();
        await page.GetByTestId("gift-card-code").FillAsync(giftCard);
        await till.Tender("GiftCard").ClickAsync();
        await Assertions.Expect(page.GetByTestId("receipt-text")).ToContainTextAsync("Gavekort");
        var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(register.StoreId, SaleStatus.Completed, 500, default));
        var sale = Assert.Single(sales, s => s.RegisterId == register.Id);
        Assert.Equal(12m, Assert.Single(sale.Lines).Quantity);
        Assert.Equal((PaymentMethod.GiftCard, 347.40m, giftCard), (Assert.Single(sale.Payments).Method, sale.Payments[0].Amount, sale.Payments[0].Reference));
        Assert.Equal(52.60m, (await Customers.GiftCardSetup.FindAsync(server, giftCard)).Card.Balance);
        await page.GetByTestId("new-sale").ClickAsync();

        await page.TillMoreAsync("open-menu");
        await page.GetByTestId("z-report").ClickAsync();
        await Assertions.Expect(page.GetByTestId("z-confirmation")).ToContainTextAsync("Luk dagen med en Z-rapport?");
        await page.GetByTestId("z-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("z-confirmation")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("report-text")).ToHaveCountAsync(0);
        Assert.Empty(await ZReportsAsync(register.Id));

        await page.GetByTestId("z-report").ClickAsync();
        await page.GetByTestId("z-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-text")).ToContainTextAsync("Z-RAPPORT");
        Assert.Single(await ZReportsAsync(register.Id));
    }

    private Task<IReadOnlyList<RegisterReport>> ZReportsAsync(Guid registerId) =>
        server.UseAsync<RegisterReportService, IReadOnlyList<RegisterReport>>(r => r.ListZReportsAsync(registerId, 50, CancellationToken.None));
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteTillGapsTests(SqliteBrowserServer server) : TillGapsTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresTillGapsTests(PostgresBrowserServer server) : TillGapsTests(server);
