using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Inventory;
using Kasse.Application.Promotions;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Promotions;
using Kasse.Domain.Sales;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Ui.Display;
using Microsoft.Extensions.DependencyInjection;
using static Kasse.Server.Api.FiscalEndpoints;
using static Kasse.Server.Api.PromotionsEndpoints;

namespace Kasse.Server.Tests.Sales;

/// <summary>
/// POST /api/v1/sales with lines, payments and complete: true is a whole sale in one durable transaction, through the same
/// commands as the till's: the same result, all or nothing, and a retry never completes or charges twice.
/// </summary>
public abstract class OneRequestSaleTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private static PlaceSale Whole(Shop shop, IReadOnlyList<PlacedLine> lines, IReadOnlyList<AddPayment> payments, Guid? id = null,
        SetDiscount? discount = null, bool complete = true) =>
        new(id ?? Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, lines, discount, Payments: payments, Complete: complete);

    private static AddPayment Cash(decimal tendered) => new(Guid.CreateVersion7(), PaymentMethod.Cash, Tendered: tendered);

    private Task<HttpResponseMessage> PlaceAsync(PlaceSale sale, KasseClient? client = null, string? idempotencyKey = null) =>
        (client ?? _api).PostAsync("/api/v1/sales", sale, idempotencyKey);

    private async Task<List<JournalEntryView>> JournalAsync(Guid storeId) =>
        (await _api.Http.GetFromJsonAsync<List<JournalEntryView>>($"/api/v1/stores/{storeId}/journal?take=1000", KasseClient.Json))!;

    private async Task<JournalVerification> VerifyAsync(Guid storeId) =>
        (await _api.Http.GetFromJsonAsync<JournalVerification>($"/api/v1/stores/{storeId}/journal/verification", KasseClient.Json))!;

    private async Task AssertNothingSavedAsync(Shop shop, Guid saleId)
    {
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/sales/{saleId}"), HttpStatusCode.NotFound, "sale.not-found");
        Assert.DoesNotContain(await JournalAsync(shop.Store.Id), e => e.SaleId == saleId);
    }

    [Fact]
    public async Task A_whole_cash_sale_in_one_request_completes_with_change_and_danish_cash_rounding()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(28.95m, name: "Rugbrød, groft");
        var milk = await _api.NewProductAsync(14.95m, name: "Sødmælk 1 l");

        var response = await PlaceAsync(Whole(shop, [new(Barcode: bread.Barcodes[0]), new(Barcode: milk.Barcodes[0], Quantity: 2)], [Cash(100m)]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sale = await KasseClient.Read<SaleView>(response);
        Assert.Equal(SaleStatus.Completed, sale.Status);
        Assert.Equal(1, sale.ReceiptNumber);
        Assert.Equal(58.85m, sale.TotalAmount);
        Assert.Equal(0.15m, sale.CashRounding); // 58.85 settles in cash as 59.00
        Assert.Equal(59.00m, sale.PaidAmount);
        Assert.Equal(41.00m, sale.ChangeGiven);
        Assert.Equal(11.77m, Assert.Single(sale.Vat).Vat);
        Assert.Equal($"/api/v1/sales/{sale.Id}", response.Headers.Location?.OriginalString);
        Assert.True((await VerifyAsync(shop.Store.Id)).IsIntact);
    }

    [Fact]
    public async Task The_same_sale_in_one_request_and_interactively_gives_the_same_receipt_journal_and_stock()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(28.95m, name: "Rugbrød, groft");
        var cola = await _api.NewProductAsync(20.00m, name: "Cola 1,5 l");
        var wine = await _api.NewProductAsync(89.95m, name: "Rødvin");
        await KasseClient.Read<PromotionView>(await _api.PostAsync("/api/v1/promotions", new PromotionRequest("3 for 2", PromotionKind.BuyXGetY,
            new ItemSelector([cola.Id], []), BuyQuantity: 2, GetQuantity: 1, StoreId: shop.Store.Id, Id: Guid.CreateVersion7())));
        var lineDiscount = new SetDiscount(DiscountKind.Percent, 10m, "Kort dato");
        var saleDiscount = new SetDiscount(DiscountKind.Amount, 5m, "Stamkunde");

        // At the till: one command per scan, discount, payment (a card taken elsewhere, the rest in cash) and the completion.
        var till = await _api.OpenSaleAsync(shop);
        await _api.ScanAsync(till.Id, bread.Barcodes[0]);
        for (var i = 0; i < 3; i++)
            await _api.ScanAsync(till.Id, cola.Barcodes[0]);
        till = await _api.AddProductAsync(till.Id, wine.Id);
        await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{till.Id}/lines/{till.Lines[^1].Id}/discount", lineDiscount));
        await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{till.Id}/discount", saleDiscount));
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{till.Id}/payments",
            new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card, 100m, Reference: "AUTH 123456")));
        await _api.PayCashAsync(till.Id, 100m);
        till = await _api.CompleteAsync(till.Id);

        // The same sale in one request.
        var placed = await KasseClient.Read<SaleView>(await PlaceAsync(Whole(shop,
            [
                new(Barcode: bread.Barcodes[0]), new(Barcode: cola.Barcodes[0]), new(Barcode: cola.Barcodes[0]), new(Barcode: cola.Barcodes[0]),
                new(ProductId: wine.Id, Discount: lineDiscount),
            ],
            [new(Guid.CreateVersion7(), PaymentMethod.Card, 100m, Reference: "AUTH 123456"), Cash(100m)], discount: saleDiscount)));

        Assert.Equal(SaleStatus.Completed, placed.Status);
        Assert.Equal(till.ReceiptNumber + 1, placed.ReceiptNumber); // one sequence per register, no gap
        Assert.Equal(till.TransactionNumber + 1, placed.TransactionNumber);
        Assert.NotNull(placed.Signature);
        Assert.Equal(till.TotalAmount, placed.TotalAmount);
        Assert.Equal(till.DiscountTotal, placed.DiscountTotal);
        Assert.Equal(till.CashRounding, placed.CashRounding);
        Assert.Equal(till.PaidAmount, placed.PaidAmount);
        Assert.Equal(till.ChangeGiven, placed.ChangeGiven);
        Assert.Equal(till.Vat, placed.Vat);
        Assert.Equal(20.00m, Assert.Single(placed.Promotions!).Amount);
        Assert.Equal(till.Promotions!.Select(p => (p.Name, p.Amount)), placed.Promotions!.Select(p => (p.Name, p.Amount)));
        Assert.Equal([PaymentMethod.Card, PaymentMethod.Cash], placed.Payments.Select(p => p.Method));
        Assert.Equal("AUTH 123456", placed.Payments[0].Reference);

        var tillReceipt = await KasseClient.Read<ReceiptView>(await _api.Http.GetAsync($"/api/v1/sales/{till.Id}/receipt"));
        var placedReceipt = await KasseClient.Read<ReceiptView>(await _api.Http.GetAsync($"/api/v1/sales/{placed.Id}/receipt"));
        Assert.Equal(Printed(tillReceipt.Lines), Printed(placedReceipt.Lines));
        Assert.Equal(tillReceipt.Vat, placedReceipt.Vat);
        Assert.Equal(tillReceipt.TotalAmount, placedReceipt.TotalAmount);

        var journal = await JournalAsync(shop.Store.Id);
        Assert.Equal(journal.Where(e => e.SaleId == till.Id).Select(e => e.EventCode), journal.Where(e => e.SaleId == placed.Id).Select(e => e.EventCode));
        Assert.Contains(journal, e => e.SaleId == placed.Id && e.EventCode == "13012");
        var verification = await VerifyAsync(shop.Store.Id);
        Assert.True(verification.IsIntact, verification.FirstBreak?.Problem);
        Assert.Equal(2, verification.SalesChecked);

        var moves = (await _api.Http.GetFromJsonAsync<List<MovementView>>($"/api/v1/products/{cola.Id}/stock-movements?storeId={shop.Store.Id}", KasseClient.Json))!;
        Assert.Equal(-3m, moves.Where(m => m.ReferenceId == till.Id).Sum(m => m.Quantity));
        Assert.Equal(-3m, moves.Where(m => m.ReferenceId == placed.Id).Sum(m => m.Quantity));
    }

    private static List<(string Name, decimal Quantity, decimal UnitPrice, decimal? Discount, decimal Promotion, decimal Total)> Printed(IEnumerable<SaleLineView> lines) =>
        lines.Select(l => (l.Name, l.Quantity, l.UnitPrice, l.Discount?.Amount, l.PromotionDiscountAmount, l.TotalAmount)).ToList();

    [Fact]
    public async Task A_refused_line_saves_nothing_names_the_line_and_uses_no_receipt_number()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(28.95m);
        var unknown = _api.NewEan13();
        var refusedId = Guid.CreateVersion7();

        var refused = await KasseClient.Problem(await PlaceAsync(Whole(shop, [new(Barcode: bread.Barcodes[0]), new(Barcode: unknown)], [Cash(50m)], refusedId)),
            HttpStatusCode.BadRequest, "barcode.unknown");

        Assert.StartsWith($"lines[1]: No product has barcode {unknown}", refused.GetProperty("detail").GetString());
        await AssertNothingSavedAsync(shop, refusedId);
        // The body fixed, the same id is placed, and takes the register's first receipt number.
        var placed = await KasseClient.Read<SaleView>(await PlaceAsync(Whole(shop, [new(Barcode: bread.Barcodes[0])], [Cash(50m)], refusedId)));
        Assert.Equal(1, placed.ReceiptNumber);
    }

    [Fact]
    public async Task A_sale_not_fully_paid_is_not_completed_and_nothing_is_saved()
    {
        var shop = await _api.NewShopAsync();
        var wine = await _api.NewProductAsync(89.95m);
        var id = Guid.CreateVersion7();

        var refused = await KasseClient.Problem(await PlaceAsync(Whole(shop, [new(ProductId: wine.Id)], [Cash(50m)], id)),
            HttpStatusCode.Conflict, "sale.not-paid");

        Assert.StartsWith("complete: ", refused.GetProperty("detail").GetString());
        await AssertNothingSavedAsync(shop, id);
        var tooMuch = await KasseClient.Problem(await PlaceAsync(Whole(shop, [new(ProductId: wine.Id)],
            [new(Guid.CreateVersion7(), PaymentMethod.Card, 50m), new(Guid.CreateVersion7(), PaymentMethod.Card, 50m)], id)), HttpStatusCode.BadRequest, "payment.too-much");
        Assert.StartsWith("payments[1]: ", tooMuch.GetProperty("detail").GetString());
        await AssertNothingSavedAsync(shop, id);
    }

    [Fact]
    public async Task A_retried_sale_answers_the_same_completed_sale_and_never_charges_twice()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(28.95m);
        var sale = Whole(shop, [new(Barcode: bread.Barcodes[0], Quantity: 2)], [new(Guid.CreateVersion7(), PaymentMethod.Card, Reference: "AUTH 1")]);

        var first = await PlaceAsync(sale);
        var again = await PlaceAsync(sale);
        var other = await PlaceAsync(sale with { Lines = [new(Barcode: bread.Barcodes[0], Quantity: 3)] });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var made = await KasseClient.Read<SaleView>(first);
        var answered = await KasseClient.Read<SaleView>(again);
        Assert.Equal(made.ReceiptNumber, answered.ReceiptNumber);
        Assert.Equal(made.Payments, answered.Payments);
        await KasseClient.Problem(other, HttpStatusCode.Conflict, "sale.id-used");
        Assert.Single(await JournalAsync(shop.Store.Id), e => e.SaleId == sale.Id && e.EventCode == "13012");

        // With an Idempotency-Key too: the first answer again, marked as replayed; the next sale takes the next number.
        var keyed = sale with { Id = Guid.CreateVersion7(), Payments = [Cash(100m)] };
        var key = Guid.CreateVersion7().ToString();
        var keyedFirst = await KasseClient.Read<SaleView>(await PlaceAsync(keyed, idempotencyKey: key));
        var keyedAgain = await PlaceAsync(keyed, idempotencyKey: key);
        Assert.Equal("true", keyedAgain.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Single());
        Assert.Equal(keyedFirst.ReceiptNumber, (await KasseClient.Read<SaleView>(keyedAgain)).ReceiptNumber);
        Assert.Equal(made.ReceiptNumber + 1, keyedFirst.ReceiptNumber);
        Assert.Equal(made.ReceiptNumber + 1, (await KasseClient.Read<SaleView>(await PlaceAsync(keyed))).ReceiptNumber);
    }

    [Fact]
    public async Task The_same_sale_sent_several_times_at_once_completes_once()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(28.95m);
        var sale = Whole(shop, [new(Barcode: bread.Barcodes[0])], [new(Guid.CreateVersion7(), PaymentMethod.Card, Reference: "AUTH 2")]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => await KasseClient.Read<SaleView>(await PlaceAsync(sale))));

        Assert.All(answers, a => Assert.Equal((SaleStatus.Completed, 1L), (a.Status, a.ReceiptNumber!.Value)));
        Assert.Single(await JournalAsync(shop.Store.Id), e => e.SaleId == sale.Id && e.EventCode == "13012");
    }

    [Fact]
    public async Task A_discount_above_the_limit_or_a_price_override_needs_the_caller_s_permission_or_an_approval_in_the_line()
    {
        var shop = await _api.NewShopAsync();
        var flowers = await _api.NewProductAsync(100.00m, name: "Buket");
        var cashier = await server.SignedInAtAsync(shop.Register.Id, shop.CashierId, Shop.CashierPin);
        var tooMuch = new SetDiscount(DiscountKind.Percent, 30m, "Buket");
        var refusedId = Guid.CreateVersion7();

        var discountRefused = await KasseClient.Problem(await PlaceAsync(Whole(shop, [new(ProductId: flowers.Id, Discount: tooMuch)], [Cash(100m)], refusedId), cashier),
            HttpStatusCode.Forbidden, "permission.approval-required");
        var overrideRefused = await KasseClient.Problem(await PlaceAsync(Whole(shop, [new(ProductId: flowers.Id, UnitPrice: 50m)], [Cash(100m)], refusedId), cashier),
            HttpStatusCode.Forbidden, "permission.approval-required");

        Assert.StartsWith("lines[0].discount: ", discountRefused.GetProperty("detail").GetString());
        Assert.StartsWith("lines[0]: ", overrideRefused.GetProperty("detail").GetString());
        await AssertNothingSavedAsync(shop, refusedId);
        var approval = new Approval(shop.SupervisorId, Shop.SupervisorPin);
        var approved = await KasseClient.Read<SaleView>(await PlaceAsync(Whole(shop,
            [new(ProductId: flowers.Id, Discount: tooMuch with { Approval = approval }), new(ProductId: flowers.Id, UnitPrice: 50m, Approval: approval)],
            [Cash(120m)], refusedId), cashier));
        Assert.Equal(70.00m + 50.00m, approved.TotalAmount);
        Assert.Equal(shop.CashierId, approved.CashierId);
        var audit = (await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?subject={approved.Id}", KasseClient.Json))!;
        Assert.Contains(audit, a => a.Action == Kasse.Domain.Staff.AuditAction.DiscountGiven && a.ApprovedById == shop.SupervisorId && a.ActorEmployeeId == shop.CashierId);
        Assert.Contains(audit, a => a.Action == Kasse.Domain.Staff.AuditAction.PriceOverridden && a.ApprovedById == shop.SupervisorId);
    }

    [Fact]
    public async Task Listeners_hear_of_a_placed_sale_once_after_its_commit_and_never_of_a_refused_one()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(28.95m, name: "Rugbrød");
        var hub = server.Services.GetRequiredService<CustomerDisplayHub>();
        var shown = new ConcurrentQueue<DisplayState>();
        using var screen = hub.Subscribe(shop.Register.Id, shown.Enqueue);
        var before = shown.Count; // a new subscriber may first be shown where the register stands

        await KasseClient.Problem(await PlaceAsync(Whole(shop, [new(Barcode: bread.Barcodes[0]), new(Barcode: _api.NewEan13())], [Cash(50m)])),
            HttpStatusCode.BadRequest, "barcode.unknown");
        Assert.Equal(before, shown.Count);
        var placed = await KasseClient.Read<SaleView>(await PlaceAsync(Whole(shop, [new(Barcode: bread.Barcodes[0], Quantity: 2)], [Cash(100m)])));

        var state = Assert.Single(shown.Skip(before));
        Assert.Equal((DisplayPhase.Done, placed.Id, 57.90m), (state.Phase, state.SaleId, state.Total));
    }

    [Fact]
    public async Task A_body_with_only_an_id_and_a_register_opens_a_sale_as_before()
    {
        var shop = await _api.NewShopAsync();
        var id = Guid.CreateVersion7();

        var opened = await _api.PostAsync("/api/v1/sales", new { id, registerId = shop.Register.Id });
        var again = await _api.PostAsync("/api/v1/sales", new { id, registerId = shop.Register.Id });

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var sale = await KasseClient.Read<SaleView>(again);
        Assert.Equal(SaleStatus.Open, sale.Status);
        Assert.Empty(sale.Lines);
        await KasseClient.Problem(await PlaceAsync(Whole(shop, [new(Description: "Pose", UnitPrice: 2m)], [Cash(2m)], id)), HttpStatusCode.Conflict, "sale.id-used");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OneRequestSaleOnSqlite(SqliteServer server) : OneRequestSaleTests(server);

[Collection(PostgresCollection.Name)]
public sealed class OneRequestSaleOnPostgres(PostgresServer server) : OneRequestSaleTests(server);
