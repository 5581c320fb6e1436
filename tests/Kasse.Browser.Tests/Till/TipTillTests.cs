using Kasse.Application.Payments;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Browser.Tests.Till;

/// <summary>
/// The till's tip entry (Danish first): a tip typed as a percentage and charged on the card terminal on top of the sale, and a
/// tip the customer picks on the terminal when the till asks it to. The terminal simulator runs as its own process.
/// </summary>
public abstract class TipTillTests(BrowserServer server)
{
    private async Task<(TillPage Till, SimulatorProcess Terminal, Guid RegisterId)> TillAtPaymentAsync(string name)
    {
        var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        var register = await server.NewRegisterAsync($"Kasse {server.Provider} {name}");
        await server.UseAsync<PaymentDevices, PaymentDevicesView>(d =>
            d.ChangeAsync(register.Id, new ChangePaymentDevices(terminal.Url, "SIM-0001", TimeoutSeconds: 60), CancellationToken.None));
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        await till.ScanAsync(CheckoutTests.Rugbrod, 1);
        await till.PayAsync();
        await Assertions.Expect(till.Page.GetByTestId("tip-entry")).ToContainTextAsync("Drikkepenge");
        return (till, terminal, register.Id);
    }

    private async Task<SaleView> CompletedSaleAsync(Guid registerId)
    {
        var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s =>
            s.ListAsync(Kasse.Application.Demo.DemoSeeder.StoreId, SaleStatus.Completed, 500, default));
        return Assert.Single(sales, s => s.RegisterId == registerId);
    }

    [Fact]
    public async Task A_tip_typed_as_ten_percent_is_charged_on_the_card_on_top_and_printed_apart()
    {
        var (till, terminal, registerId) = await TillAtPaymentAsync("drikkepenge");
        await using var _ = terminal;

        await till.Page.Locator("[data-tip-percent='10']").ClickAsync();
        await Assertions.Expect(till.Page.GetByTestId("tip-summary")).ToContainTextAsync("2,90");
        await till.Tender("Card").ClickAsync();

        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("Drikkepenge");
        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("2,90");
        await Artifacts.ScreenshotAsync(till.Page, $"tip-receipt-{server.Provider}");
        var card = Assert.Single((await CompletedSaleAsync(registerId)).Payments);
        Assert.Equal((28.95m, 2.90m), (card.Amount, card.Tip));
        var charged = Assert.Single(await terminal.ListAsync("control/transactions"));
        Assert.Equal(2.90m, charged.GetProperty("Tip").GetDecimal());
    }

    [Fact]
    public async Task The_till_asks_the_terminal_for_a_tip_and_records_what_the_customer_picked()
    {
        var (till, terminal, registerId) = await TillAtPaymentAsync("spørg om drikkepenge");
        await using var _ = terminal;
        await terminal.ControlAsync("control/next", new { outcome = "Approve", tipAmount = 5.00m });

        await till.Page.GetByTestId("ask-tip").ClickAsync();
        await Assertions.Expect(till.Page.GetByTestId("ask-tip")).ToHaveAttributeAsync("aria-pressed", "true");
        await till.Tender("Card").ClickAsync();

        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("Drikkepenge");
        var card = Assert.Single((await CompletedSaleAsync(registerId)).Payments);
        Assert.Equal((28.95m, 5.00m), (card.Amount, card.Tip));
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteTipTillTests(SqliteBrowserServer server) : TipTillTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresTipTillTests(PostgresBrowserServer server) : TipTillTests(server);
