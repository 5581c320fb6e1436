using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Payments;
using Kasse.Application.Reporting;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Domain.Accounting;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Payments;

namespace Kasse.Server.Tests.Restaurant;

/// <summary>
/// Tips typed at the till, cash tips (tendered over the due, or the change kept) and tips prompted on the card terminal (the
/// simulator, its own process): apart from the sale's total, in the X/Z reports, the Z voucher (TipsPayable), the SAF-T file, the
/// receipt and the tip-out report. And order types: on the receipt, with a configured VAT rule per type.
/// </summary>
public abstract class TipsTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<SaleView> PayAsync(Guid saleId, AddPayment payment) =>
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{saleId}/payments", payment));

    [Fact]
    public async Task Typed_and_cash_tips_are_apart_from_the_sale_and_in_the_reports_voucher_SAF_T_and_tip_out()
    {
        var shop = await _api.NewShopAsync();
        var typed = await _api.SaleToPayAsync(shop, 100.00m);
        var cash = await _api.SaleToPayAsync(shop, 100.00m);
        var change = await _api.SaleToPayAsync(shop, 92.30m);

        var byCard = await PayAsync(typed.Id, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card, TipPercent: 10m));
        var inCash = await PayAsync(cash.Id, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Cash, Tendered: 200m, Tip: 20m));
        var keptChange = await PayAsync(change.Id, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Cash, Tendered: 100m, KeepChangeAsTip: true));
        foreach (var sale in new[] { typed, cash, change })
            await _api.CompleteAsync(sale.Id);

        Assert.Equal((100.00m, 10.00m, 0m), (byCard.TotalAmount, byCard.TipAmount, byCard.AmountDue));
        Assert.Equal((100.00m, 20.00m, 80.00m), (inCash.Payments[0].Amount, inCash.Payments[0].Tip, inCash.Payments[0].Change));
        Assert.Equal((92.50m, 7.50m, 0m, 0.20m), (keptChange.Payments[0].Amount, keptChange.Payments[0].Tip, keptChange.Payments[0].Change, keptChange.CashRounding));
        Assert.Equal(92.30m, keptChange.TotalAmount);

        var receipt = await _api.Http.GetStringAsync($"/api/v1/sales/{cash.Id}/receipt.txt");
        Assert.Contains("Drikkepenge", receipt, StringComparison.Ordinal);
        Assert.Contains("I ALT DKK", receipt, StringComparison.Ordinal);
        Assert.Contains("BETALT I ALT", receipt, StringComparison.Ordinal);

        var x = await _api.XReportAsync(shop);
        Assert.Equal((3, 37.50m), (x.Tips.Count, x.Tips.Amount));
        Assert.Equal(x.Sales.Amount + x.CashRounding + x.Tips.Amount, x.Payments.Sum(p => p.Amount));
        Assert.Equal(100.00m + 20.00m + 92.50m + 7.50m, x.Payments.Single(p => p.Method == PaymentMethod.Cash).Amount);
        Assert.Equal(110.00m, x.Payments.Single(p => p.Method == PaymentMethod.Card).Amount);
        Assert.Equal(0m, x.Vat.Sum(v => v.Gross) - x.Sales.Amount);

        var z = await _api.ZReportAsync(shop);
        var postings = ZReportPostings.Of(z);
        Assert.Equal(0m, postings.Sum(p => p.Amount));
        Assert.Equal(-37.50m, postings.Single(p => p.Role == AccountRole.TipsPayable).Amount);

        var today = z.BusinessDay;
        var tipOut = await _api.Http.GetFromJsonAsync<TipOutReport>(
            $"/api/v1/stores/{shop.Store.Id}/tip-out?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", KasseClient.Json);
        var waiter = Assert.Single(tipOut!.Employees);
        Assert.Equal((shop.CashierId, 3, 37.50m, 27.50m, 10.00m), (waiter.EmployeeId, waiter.Count, waiter.Amount, waiter.Cash, waiter.Card));
        Assert.Equal(37.50m, tipOut.Amount);

        var saft = await _api.Http.GetStringAsync(
            $"/api/v1/stores/{shop.Store.Id}/exports/saf-t?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Contains("<basicType>10</basicType>", saft, StringComparison.Ordinal);
        Assert.Contains("<predefinedBasicID>10001</predefinedBasicID>", saft, StringComparison.Ordinal);
        Assert.Contains("<raiseType>10001</raiseType>", saft, StringComparison.Ordinal);
        Assert.Contains("<raiseAmnt>20.00</raiseAmnt>", saft, StringComparison.Ordinal);
        Assert.Contains("<tipNum>3</tipNum>", saft, StringComparison.Ordinal);
        Assert.Contains("<tipAmnt>37.50</tipAmnt>", saft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tip_the_customer_picks_on_the_card_terminal_is_charged_on_top_and_recorded_with_the_payment()
    {
        var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        await using var _ = terminal;
        var shop = await _api.NewShopAsync();
        await _api.ConnectDevicesAsync(shop.Register.Id, terminal.Url);
        var prompted = await _api.SaleToPayAsync(shop, 249.95m);
        var typed = await _api.SaleToPayAsync(shop, 249.95m);
        await terminal.ControlAsync("control/next", new { outcome = "Approve", tipAmount = 15.05m });

        var asked = await KasseClient.Read<TerminalPaymentView>(await _api.PostAsync($"/api/v1/sales/{prompted.Id}/terminal-payments",
            new StartDevicePayment(Guid.CreateVersion7(), PaymentMethod.Card, AskForTip: true)));
        var withTypedTip = await KasseClient.Read<TerminalPaymentView>(await _api.PostAsync($"/api/v1/sales/{typed.Id}/terminal-payments",
            new StartDevicePayment(Guid.CreateVersion7(), PaymentMethod.Card, TipPercent: 10m)));

        Assert.Equal((TerminalPaymentState.Approved, 249.95m, 15.05m), (asked.State, asked.ApprovedAmount!.Value, asked.ApprovedTip!.Value));
        Assert.Equal((TerminalPaymentState.Approved, 249.95m, 25.00m), (withTypedTip.State, withTypedTip.ApprovedAmount!.Value, withTypedTip.ApprovedTip!.Value));
        var paid = await _api.CompleteAsync(prompted.Id);
        Assert.Equal((249.95m, 15.05m, 249.95m), (paid.Payments[0].Amount, paid.Payments[0].Tip, paid.TotalAmount));
        await _api.CompleteAsync(typed.Id);
        var charged = await terminal.ListAsync(PaymentIntents.Transactions);
        Assert.Equal([15.05m, 25.00m], charged.Select(t => t.GetProperty("Tip").GetDecimal()));
        Assert.True(charged[0].GetProperty("AskedForTip").GetBoolean());
        var x = await _api.XReportAsync(shop);
        Assert.Equal((2, 40.05m), (x.Tips.Count, x.Tips.Amount));
        Assert.Equal(2 * 249.95m + 40.05m, x.Payments.Single(p => p.Method == PaymentMethod.Card).Amount);
    }

    [Fact]
    public async Task A_tip_that_is_not_money_or_given_twice_is_refused_clearly()
    {
        var shop = await _api.NewShopAsync();
        var sale = await _api.SaleToPayAsync(shop, 50.00m);

        var both = await _api.PostAsync($"/api/v1/sales/{sale.Id}/payments", new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card, Tip: 5m, TipPercent: 10m));
        var negative = await _api.PostAsync($"/api/v1/sales/{sale.Id}/payments", new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card, Tip: -1m));
        var keepOnCard = await _api.PostAsync($"/api/v1/sales/{sale.Id}/payments", new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card, KeepChangeAsTip: true));

        await KasseClient.Problem(both, HttpStatusCode.BadRequest, TipErrors.Both);
        await KasseClient.Problem(negative, HttpStatusCode.BadRequest, TipErrors.Amount);
        await KasseClient.Problem(keepOnCard, HttpStatusCode.BadRequest, TipErrors.KeepChange);
        Assert.Empty((await _api.GetSaleAsync(sale.Id)).Payments);
    }

    [Fact]
    public async Task An_order_type_is_on_the_sale_and_receipt_and_takes_the_stores_VAT_rule_for_its_type()
    {
        var shop = await _api.NewShopAsync();
        // Denmark taxes every type at 25 %; a store in a country that doesn't is configured like this (here: takeaway at 0 %).
        var rules = await KasseClient.Read<OrderTypeVatRules>(await _api.SendAsync(HttpMethod.Put,
            $"/api/v1/stores/{shop.Store.Id}/settings/order-type-vat", new OrderTypeVatRules([new OrderTypeVatRule(OrderType.Takeaway, 25m, 0m)])));
        var product = await _api.NewProductAsync(40.00m, name: "Sandwich");
        var opened = await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales",
            new PlaceSale(Guid.CreateVersion7(), shop.Register.Id, OrderType: OrderType.Takeaway)));
        var takeaway = await _api.AddProductAsync(opened.Id, product.Id);

        var eatIn = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{opened.Id}/order-type", new SetOrderType(OrderType.EatIn)));
        var backToTakeaway = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{opened.Id}/order-type", new SetOrderType(OrderType.Takeaway)));
        await _api.PayAsync(opened.Id, PaymentMethod.Card);
        await _api.CompleteAsync(opened.Id);
        var receipt = await _api.Http.GetStringAsync($"/api/v1/sales/{opened.Id}/receipt.txt");

        Assert.Single(rules.Rules);
        Assert.Equal((OrderType.Takeaway, 0m, 40.00m), (takeaway.OrderType, takeaway.Lines[0].VatPercent, takeaway.TotalAmount));
        Assert.Equal((OrderType.EatIn, 25m, 8.00m), (eatIn.OrderType, eatIn.Lines[0].VatPercent, eatIn.Vat.Single().Vat));
        Assert.Equal(0m, backToTakeaway.Vat.Sum(v => v.Vat));
        Assert.Contains("Ud af huset", receipt, StringComparison.Ordinal);
        var badRule = await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{shop.Store.Id}/settings/order-type-vat",
            new OrderTypeVatRules([new OrderTypeVatRule(OrderType.Delivery, 25m, 7m)]));
        await KasseClient.Problem(badRule, HttpStatusCode.BadRequest, OrderTypeErrors.Rule);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TipsOnSqlite(SqliteServer server) : TipsTests(server);

[Collection(PostgresCollection.Name)]
public sealed class TipsOnPostgres(PostgresServer server) : TipsTests(server);
