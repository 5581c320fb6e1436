using System.Net;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Sales;

public abstract class ReturnTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task A_return_with_the_receipt_refunds_to_the_card_it_was_paid_with()
    {
        var shop = await _api.NewShopAsync();
        var jam = await _api.NewProductAsync(32.95m, name: "Rødgrød");
        var sold = await _api.SellAsync(shop, PaymentMethod.Card, (jam, 3m));

        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
            [new ReturnLineRequest(sold.Lines[0].Id, 2m)], Reason: "Forkert vare"));

        Assert.Equal(SaleKind.Return, ret.Kind);
        Assert.Equal(SaleStatus.Completed, ret.Status);
        Assert.Equal(sold.Id, ret.OriginalSaleId);
        Assert.Equal(-65.90m, ret.TotalAmount);
        var refund = Assert.Single(ret.Payments);
        Assert.Equal(PaymentMethod.Card, refund.Method);
        Assert.Equal(-65.90m, refund.Amount);
        Assert.Equal(-2m, ret.Lines[0].Quantity);
        Assert.Equal(sold.ReceiptNumber + 1, ret.ReceiptNumber);
    }

    [Fact]
    public async Task Returning_more_than_was_bought_is_refused_even_across_several_returns()
    {
        var shop = await _api.NewShopAsync();
        var beer = await _api.NewProductAsync(9.95m);
        var sold = await _api.SellAsync(shop, PaymentMethod.Card, (beer, 4m));
        var line = sold.Lines[0].Id;

        await Assert_refused(HttpStatusCode.Conflict, "return.too-much", new ReturnLineRequest(line, 5m));
        await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id, [new ReturnLineRequest(line, 3m)]));
        await Assert_refused(HttpStatusCode.Conflict, "return.too-much", new ReturnLineRequest(line, 2m));
        var last = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id, [new ReturnLineRequest(line, 1m)]));
        await Assert_refused(HttpStatusCode.Conflict, "return.too-much", new ReturnLineRequest(line, 1m));

        Assert.Equal(-9.95m, last.TotalAmount);

        async Task Assert_refused(HttpStatusCode status, string code, ReturnLineRequest request) =>
            await KasseClient.Problem(await _api.TryReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id, [request])), status, code);
    }

    [Fact]
    public async Task Partial_returns_of_a_discounted_line_never_refund_more_than_it_cost()
    {
        var shop = await _api.NewShopAsync();
        var candles = await _api.NewProductAsync(10.00m);
        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.AddProductAsync(sale.Id, candles.Id, 3m);
        await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{sale.Lines[0].Id}/discount", new { kind = "Amount", value = 1.00m, reason = "Ridset" });
        await _api.PayAsync(sale.Id, PaymentMethod.Card);
        var sold = await _api.CompleteAsync(sale.Id);
        Assert.Equal(29.00m, sold.TotalAmount);

        var refunds = new List<decimal>();
        for (var i = 0; i < 3; i++)
            refunds.Add((await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
                [new ReturnLineRequest(sold.Lines[0].Id, 1m)]))).TotalAmount);

        Assert.Equal(-29.00m, refunds.Sum());
        Assert.All(refunds, r => Assert.InRange(r, -9.67m, -9.66m));
    }

    [Fact]
    public async Task A_split_tender_sale_is_refunded_to_the_card_first_and_the_rest_in_rounded_cash()
    {
        var shop = await _api.NewShopAsync();
        var lamp = await _api.NewProductAsync(101.30m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, lamp.Id);
        await _api.PayAsync(sale.Id, PaymentMethod.Card, 40.00m);
        await _api.PayCashAsync(sale.Id, 100m);
        var sold = await _api.CompleteAsync(sale.Id);

        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
            [new ReturnLineRequest(sold.Lines[0].Id, 1m)]));

        Assert.Equal(-40.00m, ret.Payments.Single(p => p.Method == PaymentMethod.Card).Amount);
        var cash = ret.Payments.Single(p => p.Method == PaymentMethod.Cash);
        Assert.Equal(-61.50m, cash.Amount);   // 61.30 paid out as 61.50
        Assert.Equal(-0.20m, ret.CashRounding);
        Assert.Equal(ret.TotalAmount + ret.CashRounding, ret.Payments.Sum(p => p.Amount));
    }

    [Fact]
    public async Task Ten_items_at_a_quarter_returned_one_by_one_pay_back_the_cash_taken_and_no_more()
    {
        var shop = await _api.NewShopAsync();
        var sweet = await _api.NewProductAsync(0.25m, name: "Vingummi");
        var sold = await _api.SellAsync(shop, PaymentMethod.Cash, (sweet, 10m));
        Assert.Equal(2.50m, sold.Payments.Single().Amount);   // 100.00 tendered, 97.50 change

        var returns = new List<SaleView>();
        for (var i = 0; i < 10; i++)
            returns.Add(await ReturnCashAsync(shop, sold, 1m));

        Assert.Equal(-2.50m, returns.SelectMany(r => r.Payments).Sum(p => p.Amount));
        Assert.Equal([-0.50m, 0m, -0.50m, 0m, -0.50m, 0m, -0.50m, 0m, -0.50m, 0m], returns.Select(r => r.Payments.Single(p => p.Method == PaymentMethod.Cash).Amount));
        // Each return records the øreafrunding it settled, and its receipt shows it: 0.25 refunded as 0.00.
        Assert.All(returns, r => Assert.Equal(r.TotalAmount + r.CashRounding, r.Payments.Sum(p => p.Amount)));
        Assert.Equal(0.25m, returns[1].CashRounding);
        var receipt = await _api.Http.GetStringAsync($"/api/v1/sales/{returns[1].Id}/receipt.txt");
        Assert.Matches(@"Øreafrunding\s+0,25", receipt);
    }

    [Fact]
    public async Task Two_items_at_12_25_returned_one_at_a_time_refund_the_24_50_paid()
    {
        var shop = await _api.NewShopAsync();
        var mugs = await _api.NewProductAsync(12.25m, name: "Krus");
        var sold = await _api.SellAsync(shop, PaymentMethod.Cash, (mugs, 2m));
        Assert.Equal(24.50m, sold.Payments.Single().Amount);

        var first = await ReturnCashAsync(shop, sold, 1m);
        var second = await ReturnCashAsync(shop, sold, 1m);

        Assert.Equal(-12.50m, first.Payments.Single().Amount);
        Assert.Equal(-12.00m, second.Payments.Single().Amount);
        Assert.Equal(0.25m, second.CashRounding);   // 12.25 refunded as 12.00: the return kept 0.25 of rounding
    }

    private Task<SaleView> ReturnCashAsync(Shop shop, SaleView sold, decimal quantity) =>
        _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
            [new ReturnLineRequest(sold.Lines[0].Id, quantity)], Reason: "Fortrudt"));

    [Fact]
    public async Task A_return_without_a_receipt_needs_a_supervisor_and_is_recorded_as_such()
    {
        var shop = await _api.NewShopAsync();
        var mug = await _api.NewProductAsync(49.95m);
        var cashier = await server.SignedInAtAsync(shop.Register.Id, shop.CashierId, Shop.CashierPin);
        CreateReturn Request(Approval? approval) => new(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, null, null,
            [new UnreceiptedReturnLine(Barcode: mug.Barcodes[0], Quantity: 1m)], PaymentMethod.Cash, "Gave uden bon", approval);

        await KasseClient.Problem(await cashier.TryReturnAsync(Request(null)), HttpStatusCode.Forbidden, "permission.approval-required");
        await KasseClient.Problem(await cashier.TryReturnAsync(Request(new Approval(shop.SupervisorId, "0000"))), HttpStatusCode.Forbidden, "permission.approval-invalid");
        await KasseClient.Problem(await cashier.TryReturnAsync(Request(new Approval(shop.CashierId, Shop.CashierPin))), HttpStatusCode.Forbidden, "permission.approver-not-allowed");
        var ret = await cashier.ReturnAsync(Request(new Approval(shop.SupervisorId, Shop.SupervisorPin)));

        Assert.True(ret.ReturnedWithoutReceipt);
        Assert.Equal(shop.SupervisorId, ret.ApprovedById);
        Assert.Null(ret.OriginalSaleId);
        Assert.Equal(-49.95m, ret.TotalAmount);
        Assert.Equal(-50.00m, Assert.Single(ret.Payments).Amount); // cash paid out, rounded
        var receipt = await _api.Http.GetStringAsync($"/api/v1/sales/{ret.Id}/receipt.txt");
        Assert.Contains("Retur uden kvittering", receipt);
    }

    [Fact]
    public async Task A_supervisor_may_return_without_a_receipt_on_their_own()
    {
        var shop = await _api.NewShopAsync();
        var mug = await _api.NewProductAsync(49.95m);

        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.SupervisorId, null, null,
            [new UnreceiptedReturnLine(ProductId: mug.Id, Quantity: 2m)], PaymentMethod.Card, "Defekt"));

        Assert.Null(ret.ApprovedById);
        Assert.Equal(-99.90m, Assert.Single(ret.Payments).Amount);
    }

    [Fact]
    public async Task The_same_return_sent_twice_refunds_once()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(20.00m);
        var sold = await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        var request = new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id, [new ReturnLineRequest(sold.Lines[0].Id, 1m)]);

        var first = await _api.ReturnAsync(request);
        var second = await _api.ReturnAsync(request);

        Assert.Equivalent(first, second);
        var sales = await KasseClient.Read<List<SaleView>>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/sales"));
        Assert.Single(sales, s => s.Kind == SaleKind.Return);
    }

    [Fact]
    public async Task Two_tills_returning_the_same_last_item_at_once_refund_it_once()
    {
        var shop = await _api.NewShopAsync();
        var register2 = await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");
        var item = await _api.NewProductAsync(250.00m);
        var sold = await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => server.Client().TryReturnAsync(new CreateReturn(Guid.CreateVersion7(),
            i % 2 == 0 ? shop.Register.Id : register2.Id, shop.CashierId, sold.Id, [new ReturnLineRequest(sold.Lines[0].Id, 1m)]))));

        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in attempts.Where(r => r.StatusCode != HttpStatusCode.Created))
            await KasseClient.Problem(refused, HttpStatusCode.Conflict, "return.too-much");
    }

    [Fact]
    public async Task A_receipt_is_found_by_register_and_number_for_a_return()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(15.00m);
        var sold = await _api.SellAsync(shop, PaymentMethod.Cash, (item, 2m));

        var found = await KasseClient.Read<SaleView>(await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/receipts/{sold.ReceiptNumber}"));
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/receipts/999"), HttpStatusCode.NotFound, "sale.receipt-not-found");

        Assert.Equal(sold.Id, found.Id);
    }

    [Fact]
    public async Task A_weighed_line_can_be_returned_in_part()
    {
        var shop = await _api.NewShopAsync();
        var cheese = await _api.NewProductAsync(159.00m, unit: Unit.Kilogram);
        var sold = await _api.SellAsync(shop, PaymentMethod.Card, (cheese, 0.800m));

        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
            [new ReturnLineRequest(sold.Lines[0].Id, 0.300m)]));

        Assert.Equal(-47.70m, ret.TotalAmount); // 127.20 × 0.3/0.8
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReturnsOnSqlite(SqliteServer server) : ReturnTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ReturnsOnPostgres(PostgresServer server) : ReturnTests(server);
