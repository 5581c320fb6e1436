using System.Net.Http.Json;
using System.Text.Json;
using Kasse.Application.Payments;
using Kasse.Application.Sales;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Infrastructure;
using static Kasse.Server.Tests.Payments.PaymentIntents;

namespace Kasse.Server.Tests.Payments;

/// <summary>MobilePay's ePayment flow through the MobilePay simulator, a separate process that plays the customer's app too.</summary>
public abstract class MobilePayTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<(Shop Shop, SimulatorProcess MobilePay)> ShopWithMobilePayAsync()
    {
        var mobilePay = await SimulatorProcess.StartAsync(SimulatorProcess.MobilePay);
        var shop = await _api.NewShopAsync();
        await _api.ConnectDevicesAsync(shop.Register.Id, terminal: null, mobilePay.Url);
        return (shop, mobilePay);
    }

    private static JsonElement Payment(JsonElement[] payments, string reference) =>
        Assert.Single(payments, p => p.GetProperty("reference").GetString() == reference);

    [Fact]
    public async Task A_payment_approved_in_the_app_is_captured_recorded_and_journaled_as_mobile_app_payment()
    {
        var (shop, mobilePay) = await ShopWithMobilePayAsync();
        await using var _ = mobilePay;
        var sale = await _api.SaleToPayAsync(shop, 64.50m);

        var waiting = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.MobilePay);
        var stillWaiting = await _api.DevicePaymentAsync(waiting.Id);
        await mobilePay.ControlAsync($"control/payments/{waiting.AttemptReference}/approve");
        var approved = await _api.WaitForStateAsync(waiting.Id, TerminalPaymentState.Approved);
        var completed = await _api.CompleteAsync(sale.Id);

        Assert.Equal(TerminalPaymentState.AwaitingCustomer, waiting.State);
        Assert.Equal(TerminalPaymentState.AwaitingCustomer, stillWaiting.State);
        Assert.Equal(64.50m, approved.ApprovedAmount);
        var recorded = Assert.Single(completed.Payments);
        Assert.Equal((PaymentMethod.MobilePay, 64.50m, "MobilePay"), (recorded.Method, recorded.Amount, recorded.CardScheme));
        Assert.Null(recorded.CardLastFour);
        var atMobilePay = Payment(await mobilePay.ListAsync(MobilePayments), waiting.AttemptReference);
        Assert.Equal(("AUTHORIZED", 6450L), (atMobilePay.GetProperty("state").GetString(), atMobilePay.GetProperty("captured").GetInt64()));
        Assert.Equal(atMobilePay.GetProperty("pspReference").GetString(), recorded.Reference);
        var journal = (await _api.Http.GetFromJsonAsync<List<JsonElement>>($"/api/v1/stores/{shop.Store.Id}/journal?take=1000", KasseClient.Json))!;
        var receipt = journal.Single(e => e.GetProperty("saleId").ValueKind == JsonValueKind.String
            && e.GetProperty("saleId").GetGuid() == sale.Id && e.GetProperty("payload").GetString()!.Contains("\"payments\"", StringComparison.Ordinal));
        Assert.Contains("\"paymentType\":\"12011\"", receipt.GetProperty("payload").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_who_rejects_in_the_app_declines_and_a_cancel_at_the_till_aborts()
    {
        var (shop, mobilePay) = await ShopWithMobilePayAsync();
        await using var _ = mobilePay;
        var sale = await _api.SaleToPayAsync(shop, 30.00m);

        var first = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.MobilePay);
        await mobilePay.ControlAsync($"control/payments/{first.AttemptReference}/reject");
        var rejected = await _api.WaitForStateAsync(first.Id, TerminalPaymentState.Declined);
        var second = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.MobilePay);
        var cancelled = await _api.CancelDevicePaymentAsync(second.Id);

        Assert.Contains("cancelled in MobilePay", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(TerminalPaymentState.Aborted, cancelled.State);
        Assert.Equal("TERMINATED", Payment(await mobilePay.ListAsync(MobilePayments), second.AttemptReference).GetProperty("state").GetString());
        Assert.Equal(30.00m, (await _api.GetSaleAsync(sale.Id)).AmountDue);
    }

    [Fact]
    public async Task A_lost_answer_to_create_is_recovered_by_reference_without_a_second_payment()
    {
        var (shop, mobilePay) = await ShopWithMobilePayAsync();
        await using var _ = mobilePay;
        var sale = await _api.SaleToPayAsync(shop, 112.00m);
        await mobilePay.ControlAsync("control/next", new { loseResponse = true });

        var waiting = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.MobilePay);
        var again = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.MobilePay, waiting.Id);
        await mobilePay.ControlAsync($"control/payments/{waiting.AttemptReference}/approve");
        var approved = await _api.WaitForStateAsync(waiting.Id, TerminalPaymentState.Approved);

        Assert.Equal(TerminalPaymentState.AwaitingCustomer, waiting.State);
        Assert.Equal(waiting.Id, again.Id);
        Assert.Single(await mobilePay.ListAsync(MobilePayments));
        Assert.Equal(112.00m, approved.ApprovedAmount);
        Assert.Single((await _api.GetSaleAsync(sale.Id)).Payments);
    }

    [Fact]
    public async Task A_tip_typed_at_the_till_is_requested_in_MobilePay_on_top_recorded_as_the_payments_tip_and_refunded_with_it()
    {
        var (shop, mobilePay) = await ShopWithMobilePayAsync();
        await using var _ = mobilePay;
        var sale = await _api.SaleToPayAsync(shop, 64.50m);
        var voided = await _api.SaleToPayAsync(shop, 40.00m);

        var waiting = await KasseClient.Read<TerminalPaymentView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/terminal-payments",
            new StartDevicePayment(Guid.CreateVersion7(), PaymentMethod.MobilePay, TipPercent: 10m)));
        await mobilePay.ControlAsync($"control/payments/{waiting.AttemptReference}/approve");
        var approved = await _api.WaitForStateAsync(waiting.Id, TerminalPaymentState.Approved);
        var completed = await _api.CompleteAsync(sale.Id);
        var asked = await _api.PostAsync($"/api/v1/sales/{voided.Id}/terminal-payments",
            new StartDevicePayment(Guid.CreateVersion7(), PaymentMethod.MobilePay, AskForTip: true));
        var tipped = await KasseClient.Read<TerminalPaymentView>(await _api.PostAsync($"/api/v1/sales/{voided.Id}/terminal-payments",
            new StartDevicePayment(Guid.CreateVersion7(), PaymentMethod.MobilePay, Tip: 5.00m)));
        await mobilePay.ControlAsync($"control/payments/{tipped.AttemptReference}/approve");
        await _api.WaitForStateAsync(tipped.Id, TerminalPaymentState.Approved);
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{voided.Id}/void", null));
        var x = await _api.XReportAsync(shop);

        Assert.Equal((6.45m, 64.50m, 6.45m), (waiting.RequestedTip, approved.ApprovedAmount!.Value, approved.ApprovedTip!.Value));
        var recorded = Assert.Single(completed.Payments);
        Assert.Equal((PaymentMethod.MobilePay, 64.50m, 6.45m, 64.50m), (recorded.Method, recorded.Amount, recorded.Tip, completed.TotalAmount));
        var atMobilePay = Payment(await mobilePay.ListAsync(MobilePayments), waiting.AttemptReference);
        Assert.Equal((7095L, 7095L), (atMobilePay.GetProperty("value").GetInt64(), atMobilePay.GetProperty("captured").GetInt64()));
        await KasseClient.Problem(asked, System.Net.HttpStatusCode.BadRequest, "tip.method");
        var refunded = Payment(await mobilePay.ListAsync(MobilePayments), tipped.AttemptReference);
        Assert.Equal((4500L, 4500L), (refunded.GetProperty("captured").GetInt64(), refunded.GetProperty("refunded").GetInt64()));
        Assert.Equal((1, 6.45m), (x.Tips.Count, x.Tips.Amount));
        Assert.Equal(70.95m, x.Payments.Single(p => p.Method == PaymentMethod.MobilePay).Amount);
    }

    [Fact]
    public async Task Voiding_a_sale_paid_by_MobilePay_refunds_the_captured_amount()
    {
        var (shop, mobilePay) = await ShopWithMobilePayAsync();
        await using var _ = mobilePay;
        var sale = await _api.SaleToPayAsync(shop, 42.00m);
        var waiting = await _api.PayByDeviceAsync(sale.Id, PaymentMethod.MobilePay);
        await mobilePay.ControlAsync($"control/payments/{waiting.AttemptReference}/approve");
        await _api.WaitForStateAsync(waiting.Id, TerminalPaymentState.Approved);

        var voided = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/void", null));
        var voidedAgain = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/void", null));

        Assert.Equal(SaleStatus.Voided, voided.Status);
        Assert.Equal(voided.Status, voidedAgain.Status);
        var atMobilePay = Payment(await mobilePay.ListAsync(MobilePayments), waiting.AttemptReference);
        Assert.Equal((4200L, 4200L), (atMobilePay.GetProperty("captured").GetInt64(), atMobilePay.GetProperty("refunded").GetInt64()));
        Assert.Equal(TerminalPaymentState.Reversed, (await _api.DevicePaymentAsync(waiting.Id)).State);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MobilePayOnSqlite(SqliteServer server) : MobilePayTests(server);

[Collection(PostgresCollection.Name)]
public sealed class MobilePayOnPostgres(PostgresServer server) : MobilePayTests(server);
