using Kasse.Application.Customers;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;
using Kasse.Browser.Tests.Till;

namespace Kasse.Browser.Tests.Customers;

/// <summary>At the till: a new customer attached to the sale, a gift card sold on it, and its balance checked by scanning.</summary>
public abstract class CustomerTillTests(BrowserServer server)
{
    [Fact]
    public async Task A_cashier_creates_a_customer_sells_them_a_gift_card_and_checks_its_balance()
    {
        var register = await server.NewRegisterAsync($"Kasse {server.Provider} kunde");
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync();
        await till.ScanAsync(CheckoutTests.Rugbrod, 1);

        var name = $"Browser Kunde {Guid.NewGuid():N}"[..24];
        await page.GetByTestId("open-customer").ClickAsync();
        await page.GetByTestId("new-customer-name").FillAsync(name);
        await page.GetByTestId("new-customer-phone").FillAsync("+45 61 23 45 67");
        await page.GetByTestId("create-customer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("attached-customer")).ToContainTextAsync(name);
        await page.GetByTestId("gift-card-amount").FillAsync("250");
        await page.GetByTestId("sell-gift-card").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(2);
        await Assertions.Expect(till.Total).ToHaveTextAsync("278,95 kr.");

        await till.PayAsync();
        await till.Tender("Card").ClickAsync();
        await Assertions.Expect(page.GetByTestId("receipt-text")).ToContainTextAsync("Gavekort");

        var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(register.StoreId, SaleStatus.Completed, 500, default));
        var sale = Assert.Single(sales, s => s.RegisterId == register.Id);
        Assert.NotNull(sale.CustomerId);
        var history = await server.UseAsync<CustomerService, IReadOnlyList<CustomerSaleView>>(c => c.HistoryAsync(sale.CustomerId!.Value, 10, default));
        Assert.Equal(sale.Id, Assert.Single(history).SaleId);
        var code = sale.Lines.Single(l => l.IsVoucher).Barcode!;
        Assert.Equal(250.00m, (await GiftCardSetup.FindAsync(server, code)).Card.Balance);

        await page.GetByTestId("new-sale").ClickAsync();
        await page.GetByTestId("open-customer").ClickAsync();
        await page.GetByTestId("gift-card-check-code").FillAsync(code);
        await page.GetByTestId("check-gift-card").ClickAsync();
        await Assertions.Expect(page.GetByTestId("gift-card-balance")).ToContainTextAsync("250,00");
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteCustomerTillTests(SqliteBrowserServer server) : CustomerTillTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresCustomerTillTests(PostgresBrowserServer server) : CustomerTillTests(server);
