using System.Net;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using static Kasse.Server.Tests.Payments.PaymentIntents;

namespace Kasse.Server.Tests.Payments;

/// <summary>Paying by card through the terminal simulator, a separate process, for every outcome a terminal has.</summary>
public abstract class CardTerminalTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<(Shop Shop, SimulatorProcess Terminal)> ShopWithTerminalAsync(int timeoutSeconds = 10)
    {
        var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        var shop = await _api.NewShopAsync();
        await _api.ConnectDevicesAsync(shop.Register.Id, terminal.Url, timeoutSeconds: timeoutSeconds);
        return (shop, terminal);
    }

    [Fact]
    public async Task An_approved_card_payment_becomes_the_sales_card_payment_with_scheme_last_four_and_authorisation()
    {
        var (shop, terminal) = await ShopWithTerminalAsync();
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 249.95m);

        var payment = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);

        Assert.Equal(TerminalPaymentState.Approved, payment.State);
        Assert.Equal(249.95m, payment.ApprovedAmount);
        Assert.Matches("^[0-9]{4}$", payment.CardLastFour!);
        Assert.False(string.IsNullOrEmpty(payment.CardScheme));
        Assert.Matches("^[0-9]{6}$", payment.AuthorisationCode!);
        var paid = await _api.GetSaleAsync(sale.Id);
        var card = Assert.Single(paid.Payments);
        Assert.Equal((PaymentMethod.Card, 249.95m, payment.Id), (card.Method, card.Amount, card.Id));
        Assert.Equal((payment.CardScheme, payment.CardLastFour, payment.AuthorisationCode), (card.CardScheme, card.CardLastFour, card.AuthorisationCode));
        Assert.Equal(payment.DeviceReference, card.Reference);
        Assert.Equal(SaleStatus.Completed, (await _api.CompleteAsync(sale.Id)).Status);

        var charged = Assert.Single(await terminal.ListAsync(Transactions));
        Assert.True(charged.GetProperty("Charged").GetBoolean());
        Assert.Equal(payment.ServiceId, charged.GetProperty("ServiceId").GetString());
        Assert.Equal(payment.SaleReference, charged.GetProperty("SaleTransactionId").GetString());
        Assert.Equal(payment.DeviceReference, charged.GetProperty("PoiTransactionId").GetString());
        Assert.EndsWith(payment.CardLastFour!, charged.GetProperty("MaskedPan").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_card_leaves_the_sale_due_and_the_till_can_try_again()
    {
        var (shop, terminal) = await ShopWithTerminalAsync();
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 80.00m);
        await terminal.ControlAsync("control/next", new { outcome = "Decline" });

        var declined = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);
        var afterDecline = await _api.GetSaleAsync(sale.Id);
        var second = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);

        Assert.Equal(TerminalPaymentState.Declined, declined.State);
        Assert.Contains("Refusal", declined.Reason, StringComparison.Ordinal);
        Assert.Empty(afterDecline.Payments);
        Assert.Equal(80.00m, afterDecline.AmountDue);
        Assert.Equal(TerminalPaymentState.Approved, second.State);
        Assert.Equal(declined.SaleReference, second.SaleReference);
        Assert.Equal(1, Charges(await terminal.ListAsync(Transactions)));
    }

    [Fact]
    public async Task A_partial_approval_pays_part_and_the_rest_is_due_by_another_tender()
    {
        var (shop, terminal) = await ShopWithTerminalAsync();
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 249.95m);
        await terminal.ControlAsync("control/next", new { outcome = "Partial", approvedAmount = 100.00m });

        var partial = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);
        var due = await _api.GetSaleAsync(sale.Id);
        await _api.PayCashAsync(sale.Id, 150m);
        var completed = await _api.CompleteAsync(sale.Id);

        Assert.Equal(TerminalPaymentState.Approved, partial.State);
        Assert.Equal((249.95m, 100.00m), (partial.RequestedAmount, partial.ApprovedAmount!.Value));
        Assert.Equal(149.95m, due.AmountDue);
        Assert.Equal([PaymentMethod.Card, PaymentMethod.Cash], completed.Payments.Select(p => p.Method));
        Assert.Equal(100.00m, completed.Payments[0].Amount);
    }

    [Fact]
    public async Task When_the_terminal_answers_too_late_Kasse_asks_for_the_status_and_records_the_approval_once()
    {
        var (shop, terminal) = await ShopWithTerminalAsync(timeoutSeconds: 2);
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 59.00m);
        await terminal.ControlAsync("control/next", new { outcome = "SlowApprove", delayMs = 5000 });

        var payment = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);

        Assert.Equal(TerminalPaymentState.Approved, payment.State);
        Assert.Single((await _api.GetSaleAsync(sale.Id)).Payments);
        Assert.Equal(1, Charges(await terminal.ListAsync(Transactions)));
    }

    [Fact]
    public async Task A_response_lost_after_charging_is_recovered_by_status_without_a_second_charge()
    {
        var (shop, terminal) = await ShopWithTerminalAsync();
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 312.50m);
        await terminal.ControlAsync("control/next", new { outcome = "LoseResponse" });

        var payment = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);
        var again = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card, payment.Id);

        Assert.Equal(TerminalPaymentState.Approved, payment.State);
        Assert.Equal(payment, again);
        var transactions = await terminal.ListAsync(Transactions);
        Assert.Single(transactions);
        Assert.Equal(1, Charges(transactions));
        Assert.Equal(312.50m, Assert.Single((await _api.GetSaleAsync(sale.Id)).Payments).Amount);
    }

    [Fact]
    public async Task A_request_the_terminal_never_received_is_not_charged_and_a_new_attempt_keeps_the_sale_reference()
    {
        var (shop, terminal) = await ShopWithTerminalAsync();
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 45.00m);
        await terminal.ControlAsync("control/next", new { outcome = "LoseRequest" });

        var lost = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);
        var retry = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);

        Assert.Equal(TerminalPaymentState.NotCharged, lost.State);
        Assert.Equal(TerminalPaymentState.Approved, retry.State);
        Assert.NotEqual(lost.ServiceId, retry.ServiceId);
        Assert.Equal(lost.SaleReference, retry.SaleReference);
        var only = Assert.Single(await terminal.ListAsync(Transactions));
        Assert.Equal(retry.ServiceId, only.GetProperty("ServiceId").GetString());
        Assert.Equal(sale.Id.ToString("N"), only.GetProperty("SaleTransactionId").GetString());
    }

    [Fact]
    public async Task A_terminal_restarted_after_charging_answers_from_its_journal_and_the_payment_is_recorded_once()
    {
        var (shop, terminal) = await ShopWithTerminalAsync();
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 129.00m);
        await terminal.ControlAsync("control/next", new { outcome = "SlowApprove", delayMs = 60_000 });

        var paying = _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);
        await terminal.WaitForAsync(Transactions, list => Charges(list) == 1, "the charge");
        await terminal.KillAsync();
        var unknown = await paying;
        Assert.Equal(TerminalPaymentState.Unknown, unknown.State);
        await terminal.RestartAsync();
        var recovered = await _api.WaitForStateAsync(unknown.Id, TerminalPaymentState.Approved);

        Assert.Equal(129.00m, recovered.ApprovedAmount);
        Assert.Single((await _api.GetSaleAsync(sale.Id)).Payments);
        Assert.Equal(1, Charges(await terminal.ListAsync(Transactions)));
    }

    [Fact]
    public async Task A_terminal_restarted_while_waiting_for_the_card_charged_nothing_and_the_sale_can_be_paid_again()
    {
        var (shop, terminal) = await ShopWithTerminalAsync();
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 75.00m);
        await terminal.ControlAsync("control/next", new { outcome = "WaitForCard", delayMs = 60_000 });

        var paying = _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);
        await terminal.WaitForAsync(Transactions, list => list.Length == 1, "the payment waiting for a card");
        await terminal.KillAsync();
        var unknown = await paying;
        await terminal.RestartAsync();
        var aborted = await _api.WaitForStateAsync(unknown.Id, TerminalPaymentState.Aborted);
        var retry = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);

        Assert.Equal(TerminalPaymentState.Unknown, unknown.State);
        Assert.Null(aborted.ApprovedAmount);
        Assert.Equal(TerminalPaymentState.Approved, retry.State);
        Assert.Equal(75.00m, Assert.Single((await _api.GetSaleAsync(sale.Id)).Payments).Amount);
        Assert.Equal(1, Charges(await terminal.ListAsync(Transactions)));
    }

    [Fact]
    public async Task A_double_tap_on_pay_sends_one_request_and_a_second_payment_waits_for_the_first()
    {
        var (shop, terminal) = await ShopWithTerminalAsync();
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 99.00m);
        await terminal.ControlAsync("control/next", new { outcome = "WaitForCard", delayMs = 2_000 });
        var id = Guid.CreateVersion7();

        var taps = new[] { _api.TryPayByDeviceAsync(sale.Id, PaymentMethod.Card, id), _api.TryPayByDeviceAsync(sale.Id, PaymentMethod.Card, id) };
        await terminal.WaitForAsync(Transactions, list => list.Length == 1, "the payment request");
        var other = await _api.TryPayByDeviceAsync(sale.Id, PaymentMethod.Card);
        var cash = await _api.TryPayAsync(sale.Id, PaymentMethod.Cash, tendered: 100m);
        var answers = await Task.WhenAll(taps);
        var approved = await _api.WaitForStateAsync(id, TerminalPaymentState.Approved);

        await KasseClient.Problem(other, HttpStatusCode.Conflict, "payment.in-progress");
        await KasseClient.Problem(cash, HttpStatusCode.Conflict, "payment.in-progress");
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"A tap got {(int)a.StatusCode}"));
        Assert.Equal(99.00m, approved.ApprovedAmount);
        Assert.Single(await terminal.ListAsync(Transactions));
        Assert.Single((await _api.GetSaleAsync(sale.Id)).Payments);
    }

    [Fact]
    public async Task Cancelling_at_the_till_aborts_the_payment_on_the_terminal_and_charges_nothing()
    {
        var (shop, terminal) = await ShopWithTerminalAsync();
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 35.00m);
        await terminal.ControlAsync("control/next", new { outcome = "WaitForCard", delayMs = 60_000 });
        var id = Guid.CreateVersion7();

        var paying = _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card, id);
        await terminal.WaitForAsync(Transactions, list => list.Length == 1, "the payment waiting for a card");
        await _api.CancelDevicePaymentAsync(id);
        var answer = await paying;

        Assert.Equal(TerminalPaymentState.Aborted, answer.State);
        Assert.True((await _api.DevicePaymentAsync(id)).CancelRequested);
        Assert.Empty((await _api.GetSaleAsync(sale.Id)).Payments);
        var transaction = Assert.Single(await terminal.ListAsync(Transactions));
        Assert.Equal("Aborted", State(transaction));
        Assert.Equal(0, Charges([transaction]));
    }

    [Fact]
    public async Task Voiding_a_sale_paid_by_card_reverses_the_payment_on_the_terminal()
    {
        var (shop, terminal) = await ShopWithTerminalAsync();
        await using var _ = terminal;
        var sale = await _api.SaleToPayAsync(shop, 499.00m);
        var payment = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);

        // Even with a supervisor's approval to take a payment back, a card payment goes back on the terminal, not by deleting it.
        var removed = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/sales/{sale.Id}/payments/{payment.Id}",
            new Application.Sales.VoidPayment(new Application.Staff.Approval(shop.SupervisorId, Shop.SupervisorPin)));
        var voided = await KasseClient.Read<Application.Sales.SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/void", null));

        await KasseClient.Problem(removed, HttpStatusCode.Conflict, "payment.reverse-on-device");
        Assert.Equal(SaleStatus.Voided, voided.Status);
        Assert.Empty(voided.Payments);
        Assert.Equal(TerminalPaymentState.Reversed, (await _api.DevicePaymentAsync(payment.Id)).State);
        Assert.Equal("Reversed", State(Assert.Single(await terminal.ListAsync(Transactions))));
    }

    [Fact]
    public async Task A_terminal_that_is_not_reachable_is_a_clear_problem_and_nothing_is_charged()
    {
        var shop = await _api.NewShopAsync();
        var sale = await _api.SaleToPayAsync(shop, 20.00m);
        var notConfigured = await _api.TryPayByDeviceAsync(sale.Id, PaymentMethod.Card);
        await _api.ConnectDevicesAsync(shop.Register.Id, new Uri($"http://127.0.0.1:{SimulatorProcess.FreePort()}/"));
        var id = Guid.CreateVersion7();

        var unreachable = await _api.TryPayByDeviceAsync(sale.Id, PaymentMethod.Card, id);

        await KasseClient.Problem(notConfigured, HttpStatusCode.Conflict, "payments.not-configured");
        var problem = await KasseClient.Problem(unreachable, HttpStatusCode.ServiceUnavailable, "terminal.unreachable");
        Assert.Contains("Nothing was charged", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(TerminalPaymentState.NotCharged, (await _api.DevicePaymentAsync(id)).State);
        Assert.Equal(20.00m, (await _api.GetSaleAsync(sale.Id)).AmountDue);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CardTerminalOnSqlite(SqliteServer server) : CardTerminalTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CardTerminalOnPostgres(PostgresServer server) : CardTerminalTests(server);
