using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using System.Text.Json;
using Kasse.Application.GiftCards;
using Kasse.Application.Sales;
using Kasse.Domain.GiftCards;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Customers;

public abstract class GiftCardTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task A_gift_card_is_sold_as_a_line_without_vat_and_gets_its_balance_when_the_sale_completes()
    {
        var shop = await _api.NewShopAsync();
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, (await _api.NewProductAsync(100.00m)).Id);
        sale = await KasseClient.Read<SaleView>(await _api.TrySellGiftCardAsync(sale.Id, 500.00m));

        var line = sale.Lines.Single(l => l.IsVoucher);
        Assert.Equal((0m, "Z", 500.00m), (line.VatPercent, line.VatCode, line.TotalAmount));
        Assert.Equal(600.00m, sale.TotalAmount);
        Assert.Equal(20.00m, sale.Vat.Sum(v => v.Vat)); // only the goods carry VAT
        var code = line.Barcode!;
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/gift-cards/{code}"), HttpStatusCode.NotFound, "gift-card.not-found");

        await _api.PayAsync(sale.Id, PaymentMethod.Card);
        var sold = await _api.CompleteAsync(sale.Id);

        var card = await _api.GiftCardAsync(shop, code);
        Assert.Equal((GiftCardKind.GiftCard, 500.00m, sold.Id), (card.Card.Kind, card.Card.Balance, card.Card.IssuedOnSaleId));
        Assert.Equal(GiftCardMovementKind.Issued, Assert.Single(card.Movements).Kind);
        var receipt = await _api.Http.GetStringAsync($"/api/v1/sales/{sale.Id}/receipt.txt");
        Assert.Contains("Gavekort", receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_pays_part_of_a_sale_and_refuses_more_than_its_balance_and_a_top_up_adds_to_it()
    {
        var shop = await _api.NewShopAsync();
        var code = await _api.NewGiftCardAsync(shop, 100.00m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, (await _api.NewProductAsync(150.00m)).Id);

        var refused = await KasseClient.Problem(await _api.TryPayWithGiftCardAsync(sale.Id, code, 120.00m), HttpStatusCode.Conflict, "gift-card.insufficient");
        Assert.Contains("100.00", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await KasseClient.Read<SaleView>(await _api.TryPayWithGiftCardAsync(sale.Id, code, 60.00m));
        Assert.Equal(40.00m, (await _api.GiftCardAsync(shop, code)).Card.Balance);
        await _api.PayAsync(sale.Id, PaymentMethod.Card);
        var sold = await _api.CompleteAsync(sale.Id);
        Assert.Contains(sold.Payments, p => p.Method == PaymentMethod.GiftCard && p.Amount == 60.00m && p.Reference == code);

        var topUp = await _api.OpenSaleAsync(shop);
        topUp = await KasseClient.Read<SaleView>(await _api.TrySellGiftCardAsync(topUp.Id, 210.00m, code));
        Assert.Equal(code, Assert.Single(topUp.Lines).Barcode);
        await _api.PayAsync(topUp.Id, PaymentMethod.Card);
        await _api.CompleteAsync(topUp.Id);
        var card = await _api.GiftCardAsync(shop, code);
        Assert.Equal(250.00m, card.Card.Balance);
        Assert.Equal([GiftCardMovementKind.Issued, GiftCardMovementKind.Redeemed, GiftCardMovementKind.ToppedUp], card.Movements.Select(m => m.Kind));
    }

    [Fact]
    public async Task Two_tills_redeeming_the_same_card_at_once_never_overdraw_it()
    {
        var shop = await _api.NewShopAsync();
        var code = await _api.NewGiftCardAsync(shop, 100.00m);
        var item = await _api.NewProductAsync(80.00m);
        var registers = new[] { shop.Register, await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2"), await _api.NewRegisterAsync(shop.Store.Id, "Kasse 3") };
        var sales = new List<SaleView>();
        foreach (var register in registers)
        {
            var sale = await _api.OpenSaleAsync(shop with { Register = register });
            await _api.AddProductAsync(sale.Id, item.Id);
            sales.Add(sale);
        }

        var answers = await Task.WhenAll(sales.Select(s => server.Client().TryPayWithGiftCardAsync(s.Id, code, 80.00m)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            await KasseClient.Problem(refused, HttpStatusCode.Conflict, "gift-card.insufficient");
        var card = await _api.GiftCardAsync(shop, code);
        Assert.Equal(20.00m, card.Card.Balance);
        Assert.Equal(-80.00m, card.Movements.Where(m => m.Kind == GiftCardMovementKind.Redeemed).Sum(m => m.Amount));
    }

    [Fact]
    public async Task A_retried_gift_card_payment_debits_the_card_once_and_a_removed_one_gives_the_money_back()
    {
        var shop = await _api.NewShopAsync();
        var code = await _api.NewGiftCardAsync(shop, 100.00m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, (await _api.NewProductAsync(90.00m)).Id);
        var paymentId = Guid.CreateVersion7();
        await KasseClient.Read<SaleView>(await _api.TryPayWithGiftCardAsync(sale.Id, code, 30.00m, paymentId));
        await KasseClient.Read<SaleView>(await _api.TryPayWithGiftCardAsync(sale.Id, code, 30.00m, paymentId));
        Assert.Equal(70.00m, (await _api.GiftCardAsync(shop, code)).Card.Balance);

        await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Delete, $"/api/v1/sales/{sale.Id}/payments/{paymentId}", new VoidPayment(new Kasse.Application.Staff.Approval(shop.SupervisorId, Shop.SupervisorPin))));
        Assert.Equal(100.00m, (await _api.GiftCardAsync(shop, code)).Card.Balance);
    }

    [Fact]
    public async Task A_wrong_code_an_unknown_card_and_an_expired_card_are_refused_at_the_till()
    {
        var shop = await _api.NewShopAsync();
        var code = await _api.NewGiftCardAsync(shop, 50.00m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, (await _api.NewProductAsync(20.00m)).Id);

        var mistyped = code[..^1] + (char)('0' + (code[^1] - '0' + 1) % 10);
        await KasseClient.Problem(await _api.TryPayWithGiftCardAsync(sale.Id, mistyped), HttpStatusCode.BadRequest, "gift-card.code");
        await KasseClient.Problem(await _api.TryPayAsync(sale.Id, PaymentMethod.GiftCard, 10m), HttpStatusCode.BadRequest, "gift-card.code");
        await KasseClient.Problem(await _api.TryPayWithGiftCardAsync(sale.Id, GiftCardCode.New()), HttpStatusCode.NotFound, "gift-card.not-found");
        using (server.Clock.PinAt(DateTimeOffset.UtcNow.AddYears(4)))
            await KasseClient.Problem(await _api.TryPayWithGiftCardAsync(sale.Id, code), HttpStatusCode.Conflict, "gift-card.expired");
        Assert.Equal(50.00m, (await _api.GiftCardAsync(shop, code)).Card.Balance);
    }

    [Fact]
    public async Task A_return_can_be_refunded_as_a_credit_note_that_pays_later_like_a_gift_card()
    {
        var shop = await _api.NewShopAsync();
        var lamp = await _api.NewProductAsync(249.00m);
        var sold = await _api.SellAsync(shop, PaymentMethod.Cash, (lamp, 1m));

        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
            [new ReturnLineRequest(sold.Lines[0].Id, 1m)], RefundMethod: PaymentMethod.GiftCard));

        var refund = Assert.Single(ret.Payments);
        Assert.Equal((PaymentMethod.GiftCard, -249.00m), (refund.Method, refund.Amount));
        var note = await _api.GiftCardAsync(shop, refund.Reference!);
        Assert.Equal((GiftCardKind.CreditNote, 249.00m), (note.Card.Kind, note.Card.Balance));
        var receipt = await _api.Http.GetStringAsync($"/api/v1/sales/{ret.Id}/receipt.txt");
        Assert.Contains(refund.Reference!, receipt, StringComparison.Ordinal);

        var next = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(next.Id, (await _api.NewProductAsync(99.00m)).Id);
        await KasseClient.Read<SaleView>(await _api.TryPayWithGiftCardAsync(next.Id, refund.Reference!));
        await _api.CompleteAsync(next.Id);
        Assert.Equal(150.00m, (await _api.GiftCardAsync(shop, refund.Reference!)).Card.Balance);
    }

    [Fact]
    public async Task Returning_goods_paid_with_a_gift_card_puts_the_money_back_on_that_card()
    {
        var shop = await _api.NewShopAsync();
        var code = await _api.NewGiftCardAsync(shop, 100.00m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, (await _api.NewProductAsync(40.00m)).Id, 2m);
        await _api.TryPayWithGiftCardAsync(sale.Id, code);
        var sold = await _api.CompleteAsync(sale.Id);
        Assert.Equal(20.00m, (await _api.GiftCardAsync(shop, code)).Card.Balance);

        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id, [new ReturnLineRequest(sold.Lines[0].Id, 1m)]));

        Assert.Equal((PaymentMethod.GiftCard, code), (Assert.Single(ret.Payments).Method, ret.Payments[0].Reference));
        Assert.Equal(60.00m, (await _api.GiftCardAsync(shop, code)).Card.Balance);
    }

    [Fact]
    public async Task The_liability_report_sums_outstanding_balances_at_a_moment_and_sets_expired_cards_apart()
    {
        var shop = await _api.NewShopAsync();
        var first = await _api.NewGiftCardAsync(shop, 300.00m);
        var second = await _api.NewGiftCardAsync(shop, 200.00m);
        var between = DateTimeOffset.UtcNow;
        // The redemption a minute later on the server's clock: clearly after "between", however fast the machine.
        using (server.Clock.PinAt(between.AddMinutes(1)))
        {
            var sale = await _api.OpenSaleAsync(shop);
            await _api.AddProductAsync(sale.Id, (await _api.NewProductAsync(120.00m)).Id);
            await _api.TryPayWithGiftCardAsync(sale.Id, first);
            await _api.CompleteAsync(sale.Id);
        }

        var now = await Liability(between.AddMinutes(2));
        Assert.Equal((380.00m, 2, 0m), (now.Outstanding, now.OutstandingCards, now.Expired));
        Assert.Equal(500.00m, (await Liability(between)).Outstanding);
        var later = await Liability(DateTimeOffset.UtcNow.AddYears(4));
        Assert.Equal((0m, 380.00m, 2), (later.Outstanding, later.Expired, later.ExpiredCards));
        Assert.Contains(later.Cards, c => c.Code == second && c.Balance == 200.00m && c.Expired);

        async Task<GiftCardLiabilityView> Liability(DateTimeOffset at) =>
            await KasseClient.Read<GiftCardLiabilityView>(await _api.Http.GetAsync(
                $"/api/v1/stores/{shop.Store.Id}/gift-cards/liability?at={Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}"));
    }

    [Fact]
    public async Task The_journal_and_saft_show_the_voucher_line_without_vat_and_the_redemption_as_a_gift_card_tender()
    {
        var shop = await _api.NewShopAsync();
        var code = await _api.NewGiftCardAsync(shop, 100.00m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, (await _api.NewProductAsync(80.00m)).Id);
        await _api.TryPayWithGiftCardAsync(sale.Id, code);
        await _api.CompleteAsync(sale.Id);

        var journal = (await _api.Http.GetFromJsonAsync<List<JsonElement>>($"/api/v1/stores/{shop.Store.Id}/journal?take=1000", KasseClient.Json))!;
        var payloads = journal.Where(e => e.GetProperty("kind").GetString() == "SaleCompleted").Select(e => JsonDocument.Parse(e.GetProperty("payload").GetString()!).RootElement).ToList();
        var voucherSale = payloads[0];
        var voucherLine = Assert.Single(voucherSale.GetProperty("lines").EnumerateArray());
        Assert.True(voucherLine.GetProperty("voucher").GetBoolean());
        Assert.Equal(0m, voucherLine.GetProperty("vatPercent").GetDecimal());
        Assert.All(voucherSale.GetProperty("vat").EnumerateArray(), v => Assert.Equal(0m, v.GetProperty("vat").GetDecimal()));
        var redemption = payloads[1];
        Assert.False(Assert.Single(redemption.GetProperty("lines").EnumerateArray()).TryGetProperty("voucher", out _));
        Assert.Equal(16.00m, redemption.GetProperty("vat").EnumerateArray().Sum(v => v.GetProperty("vat").GetDecimal())); // VAT due on the goods
        var tender = Assert.Single(redemption.GetProperty("payments").EnumerateArray());
        Assert.Equal(("GiftCard", "12005", code), (tender.GetProperty("method").GetString(), tender.GetProperty("paymentType").GetString(), tender.GetProperty("reference").GetString()));
        var verification = await KasseClient.Read<Kasse.Domain.Fiscal.JournalVerification>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/journal/verification"));
        Assert.True(verification.IsIntact, verification.FirstBreak?.Problem);

        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        var export = await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/exports/saf-t?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        var body = await export.Content.ReadAsByteArrayAsync();
        Assert.True(export.IsSuccessStatusCode, Encoding.UTF8.GetString(body));
        Kasse.Server.Tests.Fiscal.SaftSchema.AssertValid(body, "SAF-T.xsd");
        var lines = XDocument.Load(new MemoryStream(body)).Descendants().Where(e => e.Name.LocalName == "ctLine").ToList();
        var sold = Assert.Single(lines, l => l.Elements().First(e => e.Name.LocalName == "lineType").Value == "VOUCHER");
        Assert.Equal("0.00", sold.Descendants().First(e => e.Name.LocalName == "vatAmnt").Value);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GiftCardsOnSqlite(SqliteServer server) : GiftCardTests(server);

[Collection(PostgresCollection.Name)]
public sealed class GiftCardsOnPostgres(PostgresServer server) : GiftCardTests(server);
