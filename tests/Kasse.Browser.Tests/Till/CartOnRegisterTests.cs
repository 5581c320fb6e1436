using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Till;

/// <summary>The cart as issue 21 asks for it: it belongs to the register, keeps the newest line in view, merges repeated scans, shows what is paid.</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class CartOnRegisterTests(SqliteBrowserServer server)
{
    private const string Rugbrod = CheckoutTests.Rugbrod;            // 28,95
    private const string Solsikke = "5708066750475";                  // 26,50

    private async Task<TillPage> SignedInTillAsync(Guid registerId, int width = 1366, int height = 900)
    {
        var page = await server.NewPageAsync(width, height);
        var till = new TillPage(page, registerId);
        await till.OpenAsync();
        await till.SignInAsync();
        return till;
    }

    private static async Task PayPartInCashAsync(TillPage till, string amount)
    {
        await till.PayAsync();
        await till.Page.Locator("#pay-amount").FillAsync(amount);
        await till.Tender("Cash").ClickAsync();
        await Assertions.Expect(till.Page.GetByTestId("payments").Locator("li")).ToHaveCountAsync(1);
        await till.Page.GetByTestId("close-pay").ClickAsync();
    }

    [Fact]
    public async Task An_open_sale_with_a_part_payment_comes_back_in_another_browser_on_the_same_register()
    {
        var register = await server.NewRegisterAsync("Kasse lukket browser");
        var first = await SignedInTillAsync(register.Id);
        await first.ScanAsync(Rugbrod, 1);
        await first.ScanAsync(Solsikke, 2);
        await PayPartInCashAsync(first, "10");
        await first.Page.Context.CloseAsync();

        var second = await SignedInTillAsync(register.Id);
        await Assertions.Expect(second.CartLines).ToHaveCountAsync(2);
        await Assertions.Expect(second.Total).ToHaveTextAsync("55,45 kr.");

        var open = Assert.Single(await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(async s =>
            (await s.ListAsync(DemoSeeder.StoreId, SaleStatus.Open, 500, default)).Where(x => x.RegisterId == register.Id).ToList()));
        Assert.Equal(10.00m, open.PaidAmount);
        Assert.Equal(open.Id.ToString(), await second.Page.GetByTestId("till").GetAttributeAsync("data-sale"));

        // The one that paid is finished in the second browser.
        await second.PayAsync();
        await second.Quick("Præcis").ClickAsync();
        await Assertions.Expect(second.Page.GetByTestId("change-due")).ToHaveTextAsync("0,00 kr.");
        var done = await server.UseAsync<SalesService, SaleView>(s => s.GetAsync(open.Id, default));
        Assert.Equal(SaleStatus.Completed, done.Status);
    }

    [Fact]
    public async Task An_open_sale_with_a_part_payment_left_behind_is_listed_with_the_parked_sales()
    {
        var register = await server.NewRegisterAsync("Kasse glemt betaling");
        // A sale with 10 kr paid, then a newer sale opened on the same register (as an older till did when it forgot the first).
        var forgotten = await server.UseAsync<SalesService, SaleView>(async s =>
        {
            var id = Guid.CreateVersion7();
            await s.OpenAsync(new OpenSale(id, register.Id, DemoSeeder.EmployeeId), default);
            await s.AddLineAsync(id, new AddLine(Barcode: Rugbrod), default);
            await s.AddLineAsync(id, new AddLine(Barcode: Solsikke), default);
            var paid = await s.AddPaymentAsync(id, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Cash, Tendered: 10m), default);
            await s.OpenAsync(new OpenSale(Guid.CreateVersion7(), register.Id, DemoSeeder.EmployeeId), default);
            return paid;
        });

        var till = await SignedInTillAsync(register.Id);
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(0);
        await till.Page.GetByTestId("open-parked").ClickAsync();
        var waiting = till.Page.GetByTestId("parked-sale").Filter(new() { HasText = "55,45" });
        await Assertions.Expect(waiting.GetByTestId("parked-paid")).ToContainTextAsync("10,00");
        await waiting.GetByTestId("resume").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(2);
        Assert.Equal(forgotten.Id.ToString(), await till.Page.GetByTestId("till").GetAttributeAsync("data-sale"));
    }
}
