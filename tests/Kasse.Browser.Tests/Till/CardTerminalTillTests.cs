using System.Text.Json;
using Kasse.Application.Payments;
using Kasse.Application.Sales;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Browser.Tests.Till;

/// <summary>
/// The till paying by card through the register's card terminal: the terminal simulator from tools/ runs as its
/// own process on loopback, the till sends to it through Kasse, and the simulator's own record says what was charged.
/// </summary>
public abstract class CardTerminalTillTests(BrowserServer server)
{
    private const string PoiId = "SIM-0001";
    private const string Transactions = "control/transactions";

    private async Task<(TillPage Till, SimulatorProcess Terminal, Guid RegisterId)> TillWithTerminalAsync(string name)
    {
        var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        var (till, registerId) = await TillWithTerminalAtAsync(name, terminal.Url);
        return (till, terminal, registerId);
    }

    private async Task<(TillPage Till, Guid RegisterId)> TillWithTerminalAtAsync(string name, Uri terminalUrl)
    {
        var register = await server.NewRegisterAsync($"Kasse {server.Provider} {name}");
        await server.UseAsync<PaymentDevices, PaymentDevicesView>(d =>
            d.ChangeAsync(register.Id, new ChangePaymentDevices(terminalUrl, PoiId, TimeoutSeconds: 60), CancellationToken.None));
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        await till.ScanAsync(CheckoutTests.Rugbrod, 1);
        await till.PayAsync();
        await Assertions.Expect(till.Page.GetByTestId("device-setup")).ToContainTextAsync("Kort betales på kortterminalen");
        return (till, register.Id);
    }

    private async Task<SaleView> CompletedSaleAsync(Guid registerId, Guid storeId)
    {
        var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(storeId, SaleStatus.Completed, 500, default));
        return Assert.Single(sales, s => s.RegisterId == registerId);
    }

    private static int Charges(JsonElement[] transactions) => transactions.Count(t => t.GetProperty("Charged").GetBoolean());

    [Fact]
    public async Task Card_is_paid_on_the_terminal_and_the_sale_completes_with_the_cards_last_four()
    {
        var (till, terminal, registerId) = await TillWithTerminalAsync("kort");
        await using var _ = terminal;

        await till.Tender("Card").ClickAsync();

        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("Rugbrød, groft 1 kg");
        await Artifacts.ScreenshotAsync(till.Page, $"card-receipt-{server.Provider}");
        var charged = Assert.Single(await terminal.ListAsync(Transactions));
        Assert.True(charged.GetProperty("Charged").GetBoolean());
        var sale = await CompletedSaleAsync(registerId, Kasse.Application.Demo.DemoSeeder.StoreId);
        var card = Assert.Single(sale.Payments);
        Assert.Equal((PaymentMethod.Card, 28.95m), (card.Method, card.Amount));
        Assert.EndsWith(card.CardLastFour!, charged.GetProperty("MaskedPan").GetString(), StringComparison.Ordinal);
        Assert.Equal(charged.GetProperty("PoiTransactionId").GetString(), card.Reference);
    }

    [Fact]
    public async Task A_declined_card_says_so_leaves_the_sale_due_and_the_second_try_is_approved()
    {
        var (till, terminal, registerId) = await TillWithTerminalAsync("afvist");
        await using var _ = terminal;
        await terminal.ControlAsync("control/next", new { outcome = "Decline" });

        await till.Tender("Card").ClickAsync();

        await Assertions.Expect(till.Page.GetByTestId("device-message")).ToContainTextAsync("Afvist");
        await Assertions.Expect(till.Page.GetByTestId("device-message")).ToContainTextAsync("Intet blev trukket");
        await Assertions.Expect(till.Page.GetByTestId("amount-due")).ToHaveTextAsync("28,95 kr.");
        await Assertions.Expect(till.Page.GetByTestId("payments")).ToHaveCountAsync(0);
        await Artifacts.ScreenshotAsync(till.Page, $"card-declined-{server.Provider}");

        await till.Tender("Card").ClickAsync();

        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("28,95");
        var transactions = await terminal.ListAsync(Transactions);
        Assert.Equal(2, transactions.Length);
        Assert.Equal(1, Charges(transactions));
        var sale = await CompletedSaleAsync(registerId, Kasse.Application.Demo.DemoSeeder.StoreId);
        Assert.Equal(PaymentMethod.Card, Assert.Single(sale.Payments).Method);
    }

    [Fact]
    public async Task A_partial_approval_leaves_the_rest_due_for_another_tender()
    {
        var (till, terminal, registerId) = await TillWithTerminalAsync("delvis");
        await using var _ = terminal;
        await terminal.ControlAsync("control/next", new { outcome = "Partial", approvedAmount = 10.00m });

        await till.Tender("Card").ClickAsync();

        await Assertions.Expect(till.Page.GetByTestId("device-message")).ToContainTextAsync("Kun 10,00 kr. blev godkendt");
        await Assertions.Expect(till.Page.GetByTestId("amount-due")).ToHaveTextAsync("18,95 kr.");
        await till.Quick("Præcis").ClickAsync();

        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("28,95");
        var sale = await CompletedSaleAsync(registerId, Kasse.Application.Demo.DemoSeeder.StoreId);
        Assert.Equal([PaymentMethod.Card, PaymentMethod.Cash], sale.Payments.Select(p => p.Method).ToArray());
        Assert.Equal(10.00m, sale.Payments[0].Amount);
    }

    [Fact]
    public async Task A_terminal_that_is_not_reachable_is_named_and_nothing_is_charged()
    {
        var nobody = new Uri($"http://127.0.0.1:{SimulatorProcess.FreePort()}/");
        var (till, _) = await TillWithTerminalAtAsync("ingen terminal", nobody);

        await till.Tender("Card").ClickAsync();

        // In the till's Danish, and without the device's address (that is in the log, for whoever sets it up).
        await Assertions.Expect(till.Page.GetByTestId("device-message")).ToContainTextAsync("Kortterminalen svarer ikke");
        await Assertions.Expect(till.Page.GetByTestId("device-message")).ToContainTextAsync("Der blev ikke trukket noget");
        await Assertions.Expect(till.Page.GetByTestId("device-message")).Not.ToContainTextAsync(nobody.Authority);
        await Assertions.Expect(till.Page.GetByTestId("device-waiting")).ToHaveCountAsync(0);
        await Assertions.Expect(till.Page.GetByTestId("amount-due")).ToHaveTextAsync("28,95 kr.");
    }

    [Fact]
    public async Task A_double_tap_sends_one_request_a_reload_shows_it_still_waiting_and_cancel_charges_nothing()
    {
        var (till, terminal, registerId) = await TillWithTerminalAsync("venter");
        await using var _ = terminal;
        await terminal.ControlAsync("control/next", new { outcome = "WaitForCard", delayMs = 45_000 });

        await till.Tender("Card").DblClickAsync();

        var waiting = till.Page.GetByTestId("device-waiting");
        await Assertions.Expect(waiting).ToContainTextAsync("Venter på kortterminalen");
        await terminal.WaitForAsync(Transactions, list => list.Length >= 1, "the payment request");
        await Artifacts.ScreenshotAsync(till.Page, $"card-waiting-{server.Provider}");

        await till.Page.ReloadAsync();
        await till.Page.Locator("[data-interactive=true]").First.WaitForAsync();
        await Assertions.Expect(waiting).ToContainTextAsync("Venter på kortterminalen");
        await Assertions.Expect(till.Page.GetByTestId("close-pay")).ToBeDisabledAsync();

        await till.Page.GetByTestId("device-cancel").ClickAsync();

        await Assertions.Expect(till.Page.GetByTestId("device-message")).ToContainTextAsync("Annulleret");
        await Assertions.Expect(waiting).ToHaveCountAsync(0);
        await Assertions.Expect(till.Page.GetByTestId("amount-due")).ToHaveTextAsync("28,95 kr.");
        var transactions = await terminal.ListAsync(Transactions);
        Assert.Single(transactions);
        Assert.Equal(0, Charges(transactions));
        var payments = await server.UseAsync<TerminalPaymentService, IReadOnlyList<TerminalPaymentView>>(async p =>
        {
            var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s =>
                s.ListAsync(Kasse.Application.Demo.DemoSeeder.StoreId, SaleStatus.Open, 500, default));
            return await p.ListForSaleAsync(Assert.Single(sales, s => s.RegisterId == registerId).Id, default);
        });
        Assert.Equal(TerminalPaymentState.Aborted, Assert.Single(payments).State);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteCardTerminalTillTests(SqliteBrowserServer server) : CardTerminalTillTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresCardTerminalTillTests(PostgresBrowserServer server) : CardTerminalTillTests(server);
