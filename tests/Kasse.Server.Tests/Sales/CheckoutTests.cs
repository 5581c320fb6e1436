using System.Net;
using Kasse.Application.Sales;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Sales;

public abstract class CheckoutTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task A_scanned_sale_paid_in_cash_completes_with_change_and_danish_cash_rounding()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(28.95m, name: "Rugbrød, groft");
        var milk = await _api.NewProductAsync(14.95m, name: "Sødmælk 1 l");
        var sale = await _api.OpenSaleAsync(shop);

        await _api.ScanAsync(sale.Id, bread.Barcodes[0]);
        await _api.ScanAsync(sale.Id, milk.Barcodes[0], 2);
        sale = await _api.PayCashAsync(sale.Id, 100m);
        var completed = await _api.CompleteAsync(sale.Id);

        Assert.Equal(58.85m, completed.TotalAmount);
        // 58.85 is settled in cash as 59.00 (x.75–x.99 rounds up to the next krone).
        Assert.Equal(0.15m, completed.CashRounding);
        Assert.Equal(59.00m, completed.PaidAmount);
        Assert.Equal(41.00m, completed.ChangeGiven);
        Assert.Equal(SaleStatus.Completed, completed.Status);
        Assert.Equal(1, completed.ReceiptNumber);
        var vat = Assert.Single(completed.Vat);
        Assert.Equal(25m, vat.Percent);
        Assert.Equal(11.77m, vat.Vat); // 58.85 × 25/125 = 11.77
    }

    [Fact]
    public async Task Weighed_and_price_embedded_labels_price_the_line_from_the_code()
    {
        var shop = await _api.NewShopAsync();
        var hamCode = _api.NewItemCode("23");
        var trayCode = _api.NewItemCode("22");
        var ham = await _api.NewProductAsync(189.00m, unit: Unit.Kilogram, name: "Hamburgerryg fra disken", barcodes: hamCode);
        await _api.NewProductAsync(149.00m, name: "Smørrebrødsbakke", barcodes: trayCode);
        var apples = await _api.NewProductAsync(24.95m, unit: Unit.Kilogram, name: "Æbler, Ingrid Marie");
        var sale = await _api.OpenSaleAsync(shop);

        sale = await _api.ScanAsync(sale.Id, KasseClient.Label(hamCode, 412));          // 412 g
        sale = await _api.ScanAsync(sale.Id, KasseClient.Label(trayCode, 12950));       // 129,50 kr on the label
        sale = await _api.AddProductAsync(sale.Id, apples.Id, 1.234m);          // weighed at the till

        var ham412 = sale.Lines[0];
        Assert.Equal(0.412m, ham412.Quantity);
        Assert.Equal(Unit.Kilogram, ham412.Unit);
        Assert.Equal(77.87m, ham412.TotalAmount); // 0.412 × 189.00 = 77.868
        var tray = sale.Lines[1];
        Assert.Equal(129.50m, tray.UnitPrice);
        Assert.Equal(Unit.Piece, tray.Unit);
        Assert.Equal(30.79m, sale.Lines[2].TotalAmount); // 1.234 × 24.95 = 30.7883
        Assert.Equal(77.87m + 129.50m + 30.79m, sale.TotalAmount);
        Assert.Equal(ham.Id, ham412.ProductId);
    }

    [Fact]
    public async Task A_weighed_product_scanned_without_a_weight_asks_for_one()
    {
        var shop = await _api.NewShopAsync();
        var ean = _api.NewEan13();
        await _api.NewProductAsync(59.95m, unit: Unit.Kilogram, name: "Kaffebønner, løsvægt", barcodes: ean);
        var sale = await _api.OpenSaleAsync(shop);

        await KasseClient.Problem(await _api.TryScanAsync(sale.Id, ean), HttpStatusCode.BadRequest, "line.weight-required");
        var weighed = await _api.ScanAsync(sale.Id, ean, 0.250m);

        Assert.Equal(14.99m, weighed.TotalAmount); // 0.25 × 59.95 = 14.9875
    }

    [Fact]
    public async Task Unknown_barcode_and_wrong_check_digit_are_refused_clearly_and_change_nothing()
    {
        var shop = await _api.NewShopAsync();
        var sale = await _api.OpenSaleAsync(shop);
        var unknown = _api.NewEan13();
        var wrongDigit = unknown[..12] + ((unknown[12] - '0' + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var notFound = await KasseClient.Problem(await _api.TryScanAsync(sale.Id, unknown), HttpStatusCode.NotFound, "barcode.unknown");
        var badDigit = await KasseClient.Problem(await _api.TryScanAsync(sale.Id, wrongDigit), HttpStatusCode.BadRequest, "barcode.check-digit");
        await KasseClient.Problem(await _api.TryScanAsync(sale.Id, "57ABC"), HttpStatusCode.BadRequest, "barcode.not-digits");

        Assert.Contains(unknown, notFound.GetProperty("detail").GetString());
        Assert.Contains("check digit", badDigit.GetProperty("detail").GetString());
        Assert.Empty((await _api.GetSaleAsync(sale.Id)).Lines);
    }

    [Fact]
    public async Task UPC_A_and_EAN_8_codes_find_their_product()
    {
        var shop = await _api.NewShopAsync();
        var upc = KasseClient.WithCheckDigit("0" + (server.NextNumber() % 100_000_000_000L).ToString("D11", System.Globalization.CultureInfo.InvariantCulture))[1..];
        upc = KasseClient.WithCheckDigit(upc[..11]);
        var ean8 = KasseClient.WithCheckDigit("57" + (server.NextNumber() % 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
        var syrup = await _api.NewProductAsync(54.95m, name: "Ahornsirup", barcodes: [upc, ean8]);
        var sale = await _api.OpenSaleAsync(shop);

        sale = await _api.ScanAsync(sale.Id, upc);          // 12 digits, as a UPC scanner sends it
        sale = await _api.ScanAsync(sale.Id, "0" + upc);    // the same item read as EAN-13
        sale = await _api.ScanAsync(sale.Id, ean8);

        Assert.All(sale.Lines, line => Assert.Equal(syrup.Id, line.ProductId));
        Assert.Equal(3, sale.Lines.Count);
    }

    [Fact]
    public async Task Quantities_can_be_changed_and_lines_removed_but_not_to_nonsense()
    {
        var shop = await _api.NewShopAsync();
        var soda = await _api.NewProductAsync(12.00m);
        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.AddProductAsync(sale.Id, soda.Id);
        var line = sale.Lines[0].Id;

        var changed = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Patch, $"/api/v1/sales/{sale.Id}/lines/{line}", new { quantity = 6 }));
        Assert.Equal(72.00m, changed.TotalAmount);

        foreach (var bad in new[] { 0m, -1m, 2.5m, 1_000_000m })
            await KasseClient.Problem(await _api.SendAsync(HttpMethod.Patch, $"/api/v1/sales/{sale.Id}/lines/{line}", new { quantity = bad }),
                HttpStatusCode.BadRequest, "line.quantity");
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new { productId = soda.Id, quantity = -3 }),
            HttpStatusCode.BadRequest, "line.quantity");
        Assert.Equal(72.00m, (await _api.GetSaleAsync(sale.Id)).TotalAmount);

        var removed = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Delete, $"/api/v1/sales/{sale.Id}/lines/{line}", null));
        Assert.Empty(removed.Lines);
        Assert.Equal(0m, removed.TotalAmount);
    }

    [Fact]
    public async Task Free_text_lines_take_their_own_price_and_a_store_vat_rate()
    {
        var shop = await _api.NewShopAsync();
        var sale = await _api.OpenSaleAsync(shop);

        sale = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines",
            new { description = "Avis, udenlandsk", unitPrice = 45.00m, vatPercent = 0m }));
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new { description = "Diverse", unitPrice = 10m, vatPercent = 12.5m }),
            HttpStatusCode.BadRequest, "store.vat-rate-unknown");

        Assert.Equal(0m, sale.Lines[0].VatPercent);
        Assert.Equal(0m, Assert.Single(sale.Vat).Vat);
    }

    [Fact]
    public async Task Line_and_sale_discounts_need_a_reason_and_keep_the_vat_exact()
    {
        var shop = await _api.NewShopAsync();
        var cheese = await _api.NewProductAsync(59.95m);
        var paper = await _api.NewProductAsync(35.00m, vat: 0m);
        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.AddProductAsync(sale.Id, cheese.Id, 2);
        sale = await _api.AddProductAsync(sale.Id, paper.Id);
        var cheeseLine = sale.Lines[0].Id;

        await KasseClient.Problem(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{cheeseLine}/discount", new { kind = "Percent", value = 20 }),
            HttpStatusCode.BadRequest, "discount.reason");
        sale = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{cheeseLine}/discount",
            new { kind = "Percent", value = 20, reason = "Kort holdbarhed" }));
        sale = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/discount",
            new { kind = "Amount", value = 10.00m, reason = "Stamkunde" }));

        // 119.90 − 23.98 = 95.92; plus 35.00 = 130.92; minus 10.00 spread over both lines.
        Assert.Equal(120.92m, sale.TotalAmount);
        Assert.Equal(33.98m, sale.DiscountTotal);
        Assert.Equal(sale.TotalAmount, sale.Lines.Sum(l => l.TotalAmount));
        Assert.Equal(10.00m, sale.Lines.Sum(l => l.SaleDiscountAmount));
        var standard = sale.Vat.Single(v => v.Percent == 25m);
        Assert.Equal(Math.Round(standard.Gross * 25m / 125m, 2, MidpointRounding.AwayFromZero), standard.Vat);
        Assert.Equal(sale.TotalAmount, sale.Vat.Sum(v => v.Gross));
    }

    [Fact]
    public async Task A_parked_sale_is_resumed_on_another_register_and_sold_there()
    {
        var shop = await _api.NewShopAsync();
        var register2 = await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");
        var coffee = await _api.NewProductAsync(39.00m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, coffee.Id);

        var parked = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/park", null));
        var listed = await KasseClient.Read<List<SaleView>>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/sales?status=Parked"));
        await KasseClient.Problem(await _api.TryPayAsync(sale.Id, PaymentMethod.Card), HttpStatusCode.Conflict, "sale.not-open");
        var resumed = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/resume", new { registerId = register2.Id }));
        await _api.PayAsync(sale.Id, PaymentMethod.Card);
        var done = await _api.CompleteAsync(sale.Id);

        Assert.Equal(SaleStatus.Parked, parked.Status);
        Assert.Contains(listed, s => s.Id == sale.Id);
        Assert.Equal(register2.Id, resumed.RegisterId);
        Assert.Equal(register2.Id, done.RegisterId);
        Assert.Equal(1, done.ReceiptNumber);
    }

    [Fact]
    public async Task A_register_hands_its_open_sale_with_its_payments_to_any_till_and_the_store_keeps_its_till_settings()
    {
        var shop = await _api.NewShopAsync();
        var coffee = await _api.NewProductAsync(39.00m);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/open-sale")).StatusCode);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, coffee.Id);
        await _api.PayCashAsync(sale.Id, 10m);

        var open = await KasseClient.Read<SaleView>(await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/open-sale"));
        Assert.Equal((sale.Id, SaleStatus.Open, 10m, 29.00m), (open.Id, open.Status, open.PaidAmount, open.AmountDue));

        var settings = $"/api/v1/stores/{shop.Store.Id}/settings/till";
        Assert.True((await KasseClient.Read<Kasse.Application.Stores.TillSettingsView>(await _api.Http.GetAsync(settings))).MergeRepeatedScans);
        await KasseClient.Read<Kasse.Application.Stores.TillSettingsView>(await _api.SendAsync(HttpMethod.Put, settings, new { mergeRepeatedScans = false }));
        Assert.False((await KasseClient.Read<Kasse.Application.Stores.TillSettingsView>(await _api.Http.GetAsync(settings))).MergeRepeatedScans);
    }

    [Fact]
    public async Task A_voided_sale_cannot_be_paid_or_completed_and_a_completed_sale_never_changes()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(20.00m);
        var voided = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(voided.Id, item.Id);
        var v = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{voided.Id}/void", null));
        Assert.Equal(SaleStatus.Voided, v.Status);
        await KasseClient.Problem(await _api.TryPayAsync(voided.Id, PaymentMethod.Cash, tendered: 20m), HttpStatusCode.Conflict, "sale.not-open");
        await KasseClient.Problem(await _api.TryCompleteAsync(voided.Id), HttpStatusCode.Conflict, "sale.not-open");

        var sold = await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        await KasseClient.Problem(await _api.TryPayAsync(sold.Id, PaymentMethod.Cash, tendered: 20m), HttpStatusCode.Conflict, "sale.not-open");
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{sold.Id}/lines", new { productId = item.Id }), HttpStatusCode.Conflict, "sale.not-open");
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{sold.Id}/void", null), HttpStatusCode.Conflict, "sale.not-open");
        await KasseClient.Problem(await _api.SendAsync(HttpMethod.Delete, $"/api/v1/sales/{sold.Id}/lines/{sold.Lines[0].Id}", null), HttpStatusCode.Conflict, "sale.not-open");

        var after = await _api.GetSaleAsync(sold.Id);
        Assert.Equivalent(sold, after);
    }

    [Fact]
    public async Task Split_tender_card_then_cash_rounds_only_the_cash_part()
    {
        var shop = await _api.NewShopAsync();
        var wine = await _api.NewProductAsync(101.30m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, wine.Id);

        await KasseClient.Problem(await _api.TryPayAsync(sale.Id, PaymentMethod.Card, amount: 150m), HttpStatusCode.BadRequest, "payment.too-much");
        await _api.PayAsync(sale.Id, PaymentMethod.Card, 50.00m);
        await _api.PayAsync(sale.Id, PaymentMethod.MobilePay, 20.00m);
        var paid = await _api.PayCashAsync(sale.Id, 50m);
        var done = await _api.CompleteAsync(sale.Id);

        // 31.30 left in cash settles as 31.50.
        Assert.Equal(0.20m, done.CashRounding);
        Assert.Equal(18.50m, done.ChangeGiven);
        Assert.Equal(101.50m, done.PaidAmount);
        Assert.Equal(done.TotalAmount + done.CashRounding, done.Payments.Sum(p => p.Amount));
        Assert.Equal([PaymentMethod.Card, PaymentMethod.MobilePay, PaymentMethod.Cash], paid.Payments.Select(p => p.Method));
    }

    [Fact]
    public async Task A_sale_that_is_not_paid_in_full_cannot_complete()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(80.00m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, item.Id);
        // Less cash than is due is a part payment: it answers 200, and the answer says what is left.
        var part = await _api.PayCashAsync(sale.Id, 50m);

        var problem = await KasseClient.Problem(await _api.TryCompleteAsync(sale.Id), HttpStatusCode.Conflict, "sale.not-paid");

        Assert.Equal(30.00m, part.AmountDue);
        Assert.Equal(50.00m, Assert.Single(part.Payments).Amount);
        Assert.Equal("30.00 is still due: take another payment for it, then complete the sale.", problem.GetProperty("detail").GetString());
        Assert.Equal(SaleStatus.Open, (await _api.GetSaleAsync(sale.Id)).Status);
        await _api.PayAsync(sale.Id, PaymentMethod.Card);
        Assert.Equal(SaleStatus.Completed, (await _api.CompleteAsync(sale.Id)).Status);
    }

    [Fact]
    public async Task A_payment_can_be_removed_before_completion_and_the_basket_unlocks()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(80.00m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, item.Id);
        var paid = await _api.PayAsync(sale.Id, PaymentMethod.Card, 30m);
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new { productId = item.Id }), HttpStatusCode.Conflict, "sale.has-payments");

        var removed = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Delete, $"/api/v1/sales/{sale.Id}/payments/{paid.Payments[0].Id}",
            new { approval = new { employeeId = shop.SupervisorId, pin = Shop.SupervisorPin } }));
        var more = await _api.AddProductAsync(sale.Id, item.Id);

        Assert.Empty(removed.Payments);
        Assert.Equal(160.00m, more.TotalAmount);
    }

    [Fact]
    public async Task The_business_day_is_the_store_s_local_day()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(10.00m);
        SaleView late;
        // 23:30 UTC on 26 November is 00:30 on 27 November in Copenhagen.
        using (server.Clock.PinAt(new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero)))
            late = await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));

        Assert.Equal(new DateOnly(2026, 11, 27), late.BusinessDay);
        var receipt = await _api.Http.GetStringAsync($"/api/v1/sales/{late.Id}/receipt.txt");
        Assert.Contains("27-11-2026 00:30", receipt);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CheckoutOnSqlite(SqliteServer server) : CheckoutTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CheckoutOnPostgres(PostgresServer server) : CheckoutTests(server);
