using Kasse.Application.Accounting;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Domain.Accounting;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Customers;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Inventory;

namespace Kasse.Server.Tests.Accounting;

/// <summary>
/// The sources beyond the Z report, as a bookkeeper sees them in the day's voucher: a gift card sold is a debt and
/// not 0 % revenue, a card redeemed and a credit note issued move that debt, and goods sold cost what the stock
/// ledger says they cost — to the øre, and the day still balances.
/// </summary>
public abstract class SourcesTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private static readonly DateOnly Day = new(2026, 3, 17);

    private static decimal On(DayView day, AccountRole role) =>
        day.Voucher.Lines.Where(l => l.Role == role).Sum(l => l.Debit - l.Credit);

    private async Task<ProductView> StockedProductAsync(Shop shop, string name, decimal price, decimal? cost)
    {
        var product = await _api.PostAsync<ProductView>("/api/v1/products", new
        {
            id = Guid.CreateVersion7(), sku = $"A-{server.NextNumber()}", name, price, vatPercent = 25m, costPrice = cost, barcodes = new[] { _api.NewEan13() },
        });
        await _api.AdjustAsync((await _api.FloorAsync(shop)).Id, product.Id, 20m);
        return product;
    }

    [Fact]
    public async Task A_day_with_gift_cards_sold_redeemed_and_credited_and_goods_at_cost_books_the_debt_and_the_cost_to_the_ore()
    {
        var shop = await _api.NewShopAsync();
        var kettle = await StockedProductAsync(shop, "Elkedel", 299.95m, cost: 137.43m);
        var mug = await StockedProductAsync(shop, "Krus", 49.50m, cost: 18.07m);
        var unknownCost = await StockedProductAsync(shop, "Prøvesæt", 25.00m, cost: null);
        RegisterReport z;
        var receipts = new List<SaleView>();
        using (server.Clock.PinAt(new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)))
        {
            var session = await _api.OpenSessionAsync(shop, 1000m);
            // A gift card of 500 sold, paid by card.
            var cardSale = await _api.OpenSaleAsync(shop);
            cardSale = await KasseClient.Read<SaleView>(await _api.TrySellGiftCardAsync(cardSale.Id, 500m));
            await _api.PayAsync(cardSale.Id, PaymentMethod.Card);
            receipts.Add(await _api.CompleteAsync(cardSale.Id));
            var code = receipts[0].Lines.Single(l => l.IsVoucher).Barcode!;

            // Goods: 3 kettles and 2 mugs, 200 of it from the gift card, the rest by card.
            var goods = await _api.OpenSaleAsync(shop);
            await _api.AddProductAsync(goods.Id, kettle.Id, 3m);
            await _api.AddProductAsync(goods.Id, mug.Id, 2m);
            await _api.AddProductAsync(goods.Id, unknownCost.Id);
            await KasseClient.Read<SaleView>(await _api.TryPayWithGiftCardAsync(goods.Id, code, 200m));
            await _api.PayAsync(goods.Id, PaymentMethod.Card);
            var sold = await _api.CompleteAsync(goods.Id);
            receipts.Add(sold);

            // One kettle comes back, refunded as a new credit note.
            receipts.Add(await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
                [new ReturnLineRequest(sold.Lines.Single(l => l.ProductId == kettle.Id).Id, 1m)], RefundMethod: PaymentMethod.GiftCard)));
            // A second gift card of 150, paid in cash, and taken back unused the same day.
            var second = await _api.OpenSaleAsync(shop);
            second = await KasseClient.Read<SaleView>(await _api.TrySellGiftCardAsync(second.Id, 150m));
            await _api.PayCashAsync(second.Id, 150m);
            var secondSold = await _api.CompleteAsync(second.Id);
            receipts.Add(secondSold);
            receipts.Add(await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, secondSold.Id,
                [new ReturnLineRequest(secondSold.Lines.Single(l => l.IsVoucher).Id, 1m)], RefundMethod: PaymentMethod.Cash)));
            await _api.CountAsync(shop, session.Id, 1000m);
            z = await _api.ZReportAsync(shop);
        }

        var day = await (await server.ClientAsAsync("Accountant")).DayAsync(shop.Store.Id, Day);

        Assert.True(day.Balanced, $"The day doesn't balance: {day.TotalDebit} / {day.TotalCredit}");
        Assert.Equal(day.TotalDebit, day.TotalCredit);
        // The Z report itself still counts the cards sold as 0 % sales; the voucher must not.
        var zeroRate = Assert.Single(z.Vat, v => v.Percent == 0m);
        Assert.Equal(500.00m, zeroRate.Net);
        Assert.DoesNotContain(day.Voucher.Lines, l => l.Role == AccountRole.Revenue && l.Qualifier == zeroRate.Code);
        // Goods with VAT: 2 kettles and 2 mugs and the sample set kept, 25 % VAT inside.
        var standard = Assert.Single(z.Vat, v => v.Percent == 25m);
        Assert.Equal(2 * 299.95m + 2 * 49.50m + 25.00m, standard.Net + standard.Vat);
        Assert.Equal(-standard.Net, On(day, AccountRole.Revenue));
        // The debt: 500 sold − 200 redeemed + a credit note for the kettle (150 sold and returned nets out).
        var creditNote = -receipts[2].Payments.Single().Amount;
        Assert.Equal(299.95m, creditNote);
        Assert.Equal(-(500.00m - 200.00m + 299.95m), On(day, AccountRole.GiftCardLiability));
        var liability = Assert.Single(day.Voucher.Lines, l => l.Role == AccountRole.GiftCardLiability);
        Assert.Equal("6800", liability.Account);
        // Cost: 3 × 137.43 + 2 × 18.07 out, 1 × 137.43 back; the set without a cost has none to book.
        var cost = 2 * 137.43m + 2 * 18.07m;
        Assert.Equal(311.00m, cost);
        Assert.Equal(cost, Assert.Single(day.Voucher.Lines, l => l.Role == AccountRole.CostOfGoodsSold && l.Account == "1610").Debit);
        Assert.Equal(cost, Assert.Single(day.Voucher.Lines, l => l.Role == AccountRole.Inventory && l.Account == "5500").Credit);
        // The tenders are still the Z report's.
        Assert.Equal(z.Payments.Where(p => p.Method == PaymentMethod.Card).Sum(p => p.Amount), On(day, AccountRole.PaymentCards));
        Assert.Equal(0m, On(day, AccountRole.Cash));
    }

    [Fact]
    public async Task A_day_of_goods_without_a_cost_price_and_without_gift_cards_adds_nothing_beyond_the_z_report()
    {
        var shop = await _api.NewShopAsync();
        var free = await _api.NewProductAsync(80.00m, name: "Uden kostpris");
        using (server.Clock.PinAt(new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)))
        {
            var session = await _api.OpenSessionAsync(shop, 500m);
            await _api.SellAsync(shop, PaymentMethod.Card, (free, 2m));
            await _api.CountAsync(shop, session.Id, 500m);
            await _api.ZReportAsync(shop);
        }

        var day = await _api.DayAsync(shop.Store.Id, Day);

        Assert.True(day.Balanced);
        Assert.DoesNotContain(day.Voucher.Lines, l => l.Role is AccountRole.CostOfGoodsSold or AccountRole.Inventory or AccountRole.GiftCardLiability);
        Assert.Equal(-128.00m, On(day, AccountRole.Revenue));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SourcesOnSqlite(SqliteServer server) : SourcesTests(server);

[Collection(PostgresCollection.Name)]
public sealed class SourcesOnPostgres(PostgresServer server) : SourcesTests(server);
