using System.Globalization;
using Kasse.Application.Accounting;
using Kasse.Application.CashControl;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Customers;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Accounting;

/// <summary>
/// A month of trading in a Danish shop, booked from its Z reports: every day's voucher balances, and the month's
/// bookkeeping agrees to the øre with the Z reports (sales, VAT, each tender, rounding, over/short), in JSON and
/// in both CSV layouts.
/// </summary>
public abstract class MonthTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private static readonly DateOnly First = new(2026, 2, 2);

    private sealed record Goods(ProductView Coffee, ProductView Bread, ProductView Blender, ProductView Newspaper);

    private sealed record TradedDay(DateOnly Day, RegisterReport Z, IReadOnlyList<SaleView> Receipts);

    private async Task<SaleView> SellAsync(Shop shop, Goods goods, int n, string giftCard)
    {
        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.AddProductAsync(sale.Id, goods.Coffee.Id, 1 + n % 3);
        if (n % 2 == 0)
            sale = await _api.AddProductAsync(sale.Id, goods.Bread.Id, 1 + n % 4);   // 12.30 each: cash rounds
        if (n % 5 == 0)
            sale = await _api.AddProductAsync(sale.Id, goods.Newspaper.Id);          // 0 % moms
        if (n % 7 == 3)
            sale = await _api.AddProductAsync(sale.Id, goods.Blender.Id);
        switch (n % 6)
        {
            case 0 or 3:
                await _api.PayCashAsync(sale.Id, Math.Ceiling(sale.TotalAmount / 100m) * 100m);
                break;
            case 1:
                await _api.PayAsync(sale.Id, PaymentMethod.Card);
                break;
            case 2:
                await _api.PayAsync(sale.Id, PaymentMethod.MobilePay);
                break;
            case 4:                                                                         // split: 20 on a gift card, the rest in cash
                await KasseClient.Read<SaleView>(await _api.TryPayWithGiftCardAsync(sale.Id, giftCard, 20m));
                await _api.PayCashAsync(sale.Id, 500m);
                break;
            default:                                                                        // split: 30 by card, the rest by MobilePay
                await _api.PayAsync(sale.Id, PaymentMethod.Card, 30m);
                await _api.PayAsync(sale.Id, PaymentMethod.MobilePay);
                break;
        }
        return await _api.CompleteAsync(sale.Id);
    }

    /// <summary>Trades twenty business days: a float, 4–7 sales, a return every third day, a drop, and a count now and then off.</summary>
    private async Task<List<TradedDay>> TradeAMonthAsync(Shop shop, Goods goods)
    {
        var days = new List<TradedDay>();
        var n = 0;
        string? giftCard = null;
        for (var d = 0; days.Count < 20; d++)
        {
            var day = First.AddDays(d);
            if (day.DayOfWeek == DayOfWeek.Sunday)
                continue;
            var receipts = new List<SaleView>();
            SessionView session;
            using (server.Clock.PinAt(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)))
            {
                session = await _api.OpenSessionAsync(shop, 1000m);
                if (giftCard is null)
                {
                    // The first morning a customer buys a gift card of 1000 by card; the month's gift-card payments come off it.
                    var cardSale = await _api.OpenSaleAsync(shop);
                    cardSale = await KasseClient.Read<SaleView>(await _api.TrySellGiftCardAsync(cardSale.Id, 1000m));
                    await _api.PayAsync(cardSale.Id, PaymentMethod.Card);
                    receipts.Add(await _api.CompleteAsync(cardSale.Id));
                    giftCard = receipts[0].Lines.Single(l => l.IsVoucher).Barcode!;
                }
                for (var i = 0; i < 4 + d % 4; i++)
                    receipts.Add(await SellAsync(shop, goods, n++, giftCard));
                if (d % 3 == 1)
                {
                    var original = receipts[0];
                    receipts.Add(await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, original.Id,
                        [new ReturnLineRequest(original.Lines[0].Id, 1m)])));
                }
                await _api.MoveCashAsync(shop, CashMovementKind.Drop, 100m, "Til boksen");
            }
            using (server.Clock.PinAt(new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero)))
            {
                var cash = receipts.SelectMany(r => r.Payments).Where(p => p.Method == PaymentMethod.Cash).Sum(p => p.Amount);
                var off = (d % 4) switch { 0 => 0m, 1 => -1.00m, 2 => 0.50m, _ => -20.00m };
                await _api.CountAsync(shop, session.Id, 1000m + cash - 100m + off);
                days.Add(new TradedDay(day, await _api.ZReportAsync(shop), receipts));
            }
        }
        return days;
    }

    private static decimal On(DayView day, params string[] accounts) =>
        day.Voucher.Lines.Where(l => accounts.Contains(l.Account)).Sum(l => l.Debit - l.Credit);

    [Fact]
    public async Task A_month_of_trading_books_balanced_days_that_agree_with_the_z_reports_to_the_ore()
    {
        var shop = await _api.NewShopAsync();
        var goods = new Goods(await _api.NewProductAsync(42.50m, name: "Kaffe"), await _api.NewProductAsync(12.30m, name: "Rundstykke"),
            await _api.NewProductAsync(99.95m, name: "Stavblender"), await _api.NewProductAsync(20.00m, vat: 0m, name: "Avis"));
        var traded = await TradeAMonthAsync(shop, goods);
        var last = traded[^1].Day;
        var accountant = await server.ClientAsAsync("Accountant");

        var days = await accountant.DaysAsync(shop.Store.Id, First, last);

        Assert.Equal(traded.Select(t => t.Day), days.Select(d => d.Voucher.BusinessDay));
        foreach (var (day, t) in days.Zip(traded))
        {
            var z = t.Z;
            decimal Paid(PaymentMethod m) => z.Payments.Where(p => p.Method == m).Sum(p => p.Amount);
            Assert.True(day.Balanced, $"{t.Day} doesn't balance: {day.TotalDebit} / {day.TotalCredit}");
            Assert.Equal(day.TotalDebit, day.TotalCredit);
            Assert.Equal([z.Id], day.Voucher.ZReportIds);
            Assert.Equal(t.Receipts.Sum(r => r.TotalAmount), z.TotalCashSales);
            // A gift card sold is a debt, not 0 % revenue: the Z report counts it, the voucher moves it to the liability.
            var cardsSold = t.Receipts.SelectMany(r => r.Lines).Where(l => l.IsVoucher).Sum(l => l.TotalAmount);
            Assert.Equal(-z.Vat.Sum(v => v.Net) + cardsSold, On(day, "1010", "1020"));
            Assert.Equal(-z.Vat.Where(v => v.Percent == 0m).Sum(v => v.Net) + cardsSold, On(day, "1020"));
            Assert.Equal(-z.Vat.Sum(v => v.Vat), On(day, "6900"));
            Assert.Equal(Paid(PaymentMethod.Cash) + z.Cash.OverShort!.Value, On(day, "5800"));
            Assert.Equal(Paid(PaymentMethod.Card), On(day, "5810", "5815"));
            Assert.Equal(Paid(PaymentMethod.MobilePay), On(day, "5820"));
            Assert.Equal(Paid(PaymentMethod.GiftCard) - cardsSold, On(day, "6800"));
            Assert.Equal(-z.CashRounding, On(day, "3695"));
            Assert.Equal(-z.Cash.OverShort!.Value, On(day, "3690"));
            Assert.Equal("NotPushed", day.Status);
        }
        var zs = traded.Select(t => t.Z).ToList();
        Assert.Contains(zs, z => z.Returns.Count > 0);
        Assert.Contains(zs, z => z.CashRounding != 0m);
        Assert.Contains(zs, z => z.Cash.OverShort < 0m);
        Assert.Contains(zs, z => z.Cash.OverShort > 0m);
        // The month: what was sold with VAT is exactly what the revenue and VAT accounts were credited.
        var allCardsSold = traded.SelectMany(t => t.Receipts).SelectMany(r => r.Lines).Where(l => l.IsVoucher).Sum(l => l.TotalAmount);
        Assert.Equal(1000.00m, allCardsSold);
        Assert.Equal(zs.Sum(z => z.TotalCashSales) - allCardsSold, -days.Sum(d => On(d, "1010", "1020", "6900")));
        Assert.Equal(zs.SelectMany(z => z.Payments).Sum(p => p.Amount) - allCardsSold, days.Sum(d => On(d, "5800", "5810", "5815", "5820", "6800"))
            - zs.Sum(z => z.Cash.OverShort!.Value));

        var plain = await accountant.CsvAsync(shop.Store.Id, "entries.csv", First, last);
        var rows = plain.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(days.Sum(d => d.Voucher.Lines.Count), rows.Count);
        foreach (var voucher in rows.GroupBy(r => r[1]))
            Assert.Equal(voucher.Sum(r => decimal.Parse(r[^3], CultureInfo.InvariantCulture)), voucher.Sum(r => decimal.Parse(r[^2], CultureInfo.InvariantCulture)));
        Assert.Equal(days.Sum(d => d.TotalDebit), rows.Sum(r => decimal.Parse(r[^3], CultureInfo.InvariantCulture)));

        var kladde = await accountant.CsvAsync(shop.Store.Id, "kassekladde.csv", First, last);
        var lines = kladde.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Dato;Bilag;Konto;Tekst;Beløb;Modkonto;Momskode", lines[0]);
        var entries = lines.Skip(1).Select(l => l.Split(';')).ToList();
        Assert.Equal(rows.Count, entries.Count);
        var danish = CultureInfo.GetCultureInfo("da-DK");
        foreach (var bilag in entries.GroupBy(e => e[1]))
            Assert.Equal(0m, bilag.Sum(e => decimal.Parse(e[4], NumberStyles.Number, danish)));
        Assert.Equal(First.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), entries[0][0]);
        Assert.Equal(days.Sum(d => d.TotalDebit), entries.Select(e => decimal.Parse(e[4], NumberStyles.Number, danish)).Where(a => a > 0m).Sum());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MonthOnSqlite(SqliteServer server) : MonthTests(server);

[Collection(PostgresCollection.Name)]
public sealed class MonthOnPostgres(PostgresServer server) : MonthTests(server);
