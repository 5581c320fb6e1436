using Kasse.Application.Accounting;
using Kasse.Application.Sales;
using Kasse.Domain.Accounting;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Accounting;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Customers;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Reporting;

/// <summary>
/// Issue 18: a gift card sold is a debt, not turnover. The X and Z reports' "Omsætning" and the sales reports say the
/// same as the accounting export: revenue plus output VAT, to the øre, with goods paid by gift card counted as turnover.
/// </summary>
public abstract class GiftCardTurnoverTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private static readonly DateOnly Day = new(2026, 3, 18);

    private static decimal On(DayView day, AccountRole role) => day.Voucher.Lines.Where(l => l.Role == role).Sum(l => l.Debit - l.Credit);

    [Fact]
    public async Task Turnover_on_x_z_and_the_sales_report_is_the_accounting_revenue_with_vat_and_leaves_gift_cards_sold_out()
    {
        var shop = await _api.NewShopAsync();
        var kettle = await _api.NewProductAsync(299.95m, name: "Elkedel");
        var newspaper = await _api.NewProductAsync(35.00m, vat: 0m, name: "Avis");
        RegisterReport x, z;
        using (server.Clock.PinAt(ReportIntents.At(Day, 10)))
        {
            var session = await _api.OpenSessionAsync(shop, 1000m);
            // A gift card of 500 sold, paid by card.
            var cardSale = await _api.OpenSaleAsync(shop);
            cardSale = await KasseClient.Read<SaleView>(await _api.TrySellGiftCardAsync(cardSale.Id, 500m));
            await _api.PayAsync(cardSale.Id, PaymentMethod.Card);
            var code = (await _api.CompleteAsync(cardSale.Id)).Lines.Single(l => l.IsVoucher).Barcode!;

            // Goods (2 kettles, a 0 % newspaper), 200 of it redeemed from the gift card and the rest by card.
            var goods = await _api.OpenSaleAsync(shop);
            await _api.AddProductAsync(goods.Id, kettle.Id, 2m);
            await _api.AddProductAsync(goods.Id, newspaper.Id);
            await KasseClient.Read<SaleView>(await _api.TryPayWithGiftCardAsync(goods.Id, code, 200m));
            await _api.PayAsync(goods.Id, PaymentMethod.Card);
            var sold = await _api.CompleteAsync(goods.Id);
            // One kettle comes back.
            await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
                [new ReturnLineRequest(sold.Lines.Single(l => l.ProductId == kettle.Id).Id, 1m)]));

            // A gift card of 150 sold for cash and taken back unused.
            var second = await _api.OpenSaleAsync(shop);
            second = await KasseClient.Read<SaleView>(await _api.TrySellGiftCardAsync(second.Id, 150m));
            await _api.PayCashAsync(second.Id, 150m);
            var secondSold = await _api.CompleteAsync(second.Id);
            await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, secondSold.Id,
                [new ReturnLineRequest(secondSold.Lines.Single(l => l.IsVoucher).Id, 1m)], RefundMethod: PaymentMethod.Cash));

            x = await _api.XReportAsync(shop);
            await _api.CountAsync(shop, session.Id, 1000m);
            z = await _api.ZReportAsync(shop);
        }
        var day = await _api.DayAsync(shop.Store.Id, Day);
        var sales = await _api.ReportAsync(shop, Day, Day);

        var revenue = -On(day, AccountRole.Revenue);
        var outputVat = -On(day, AccountRole.OutputVat);
        // The goods kept: one kettle and the newspaper; the 500 and 150 gift cards are not turnover.
        Assert.Equal(299.95m + 35.00m, revenue + outputVat);
        Assert.Equal(revenue + outputVat, x.Turnover);
        Assert.Equal(revenue + outputVat, z.Turnover);
        Assert.Equal(revenue + outputVat, sales.Totals.Gross);
        Assert.Equal(revenue, sales.Totals.Net);
        Assert.Equal(outputVat, sales.Totals.Vat);
        // Gift cards sold are shown apart: two sold, the 150 one taken back.
        Assert.Equal(new CountAmount(2, 500.00m), z.GiftCardsSold);
        Assert.Equal(500.00m, sales.GiftCardsSold);
        Assert.Equal(z.Sales.Amount - z.Returns.Amount - z.GiftCardsSold!.Amount, z.Turnover);
        var text = await _api.Http.GetStringAsync($"/api/v1/reports/{z.Id}/report.txt");
        Assert.Matches(@"Heraf gavekort solgt \(2\)\s+-500,00", text);
        Assert.Matches(@"Omsætning i alt DKK\s+334,95", text);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GiftCardTurnoverOnSqlite(SqliteServer server) : GiftCardTurnoverTests(server);

[Collection(PostgresCollection.Name)]
public sealed class GiftCardTurnoverOnPostgres(PostgresServer server) : GiftCardTurnoverTests(server);
