using FsCheck;
using FsCheck.Fluent;
using Kasse.Domain.Accounting;
using Kasse.Domain.CashControl;
using Kasse.Domain.Money;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Tests;

/// <summary>A business day as the accounting export sees it: its Z reports and what other sources add.</summary>
public sealed record GeneratedDay(IReadOnlyList<RegisterReport> ZReports, IReadOnlyList<AccountingContribution> Contributions)
{
    public override string ToString() => string.Join(" | ", ZReports.Select(z =>
        $"Z{z.Number}: sales {z.TotalCashSales}, rounding {z.CashRounding}, tips {z.Tips.Amount}, over/short {z.Cash.OverShort}, "
        + string.Join(", ", z.Payments.Select(p => $"{p.Method} {p.Amount}"))));
}

/// <summary>
/// Z reports of any shape a till can make: several VAT rates, returns outweighing sales, cash rounding either way,
/// tips, over/short, any mix of tenders — each adding up as the report calculator guarantees (payments = sales +
/// rounding + tips) — and balanced contributions (a card-scheme split, cost of goods sold).
/// </summary>
public static class AccountingArbitraries
{
    public static readonly Guid StoreId = Guid.CreateVersion7();
    public static readonly DateOnly Day = new(2026, 3, 14);

    private static readonly (string Code, decimal Percent)[] Rates = [("S", 25m), ("Z", 0m), ("R", 6.25m)];

    private static Gen<long> Ore(int min, int max) => Gen.Choose(min, max).Select(v => (long)v);

    private static Gen<ReportVatLine> VatLine((string Code, decimal Percent) rate) =>
        from gross in Gen.Frequency((1, Ore(-300_000, 0)), (5, Ore(0, 5_000_000)))
        let amount = gross / 100m
        let vat = VatMath.VatIncludedIn(amount, rate.Percent)
        select new ReportVatLine(rate.Code, rate.Percent, amount, vat, amount - vat);

    private static Gen<List<decimal>> SplitInto(decimal total, int parts) =>
        from cuts in Gen.ListOf(Ore(-50_000, 2_000_000), parts - 1)
        select cuts.Select(c => c / 100m).Append(total - cuts.Sum(c => c / 100m)).ToList();

    private static Gen<RegisterReport> ZReport(int number) =>
        from rateCount in Gen.Choose(1, 3)
        from vat in Gen.CollectToList(Rates.Take(rateCount), VatLine)
        from rounding in Ore(-2_400, 2_500)
        from tips in Gen.Frequency((4, Gen.Constant(0L)), (1, Ore(0, 50_000)))
        from overShort in Gen.Frequency((2, Gen.Constant<long?>(null)), (3, Ore(-50_000, 50_000).Select(v => (long?)v)))
        from methods in Gen.SubListOf(Enum.GetValues<PaymentMethod>()).Where(m => m.Count > 0)
        let vatLines = vat.ToList()
        let due = vatLines.Sum(v => v.Gross) + rounding / 100m + tips / 100m
        from amounts in SplitInto(due, methods.Count)
        select AZReport(number, vatLines, rounding / 100m, tips / 100m, overShort / 100m,
            methods.Zip(amounts, (m, a) => new ReportPaymentLine(m, "12000", 1, a)).ToList());

    private static Gen<AccountingContribution> CardSplit(IReadOnlyList<RegisterReport> reports) =>
        from dankortShare in Gen.Choose(0, 100)
        let card = reports.SelectMany(z => z.Payments).Where(p => p.Method == PaymentMethod.Card).Sum(p => p.Amount)
        let dankort = Math.Round(card * dankortShare / 100m, 2)
        select new AccountingContribution("card-schemes",
        [
            new Posting(AccountRole.PaymentCards, null, -card, "Kort"),
            new Posting(AccountRole.PaymentCards, "Dankort", dankort, "Dankort"),
            new Posting(AccountRole.PaymentCards, "Visa", card - dankort, "Visa"),
        ]);

    private static Gen<AccountingContribution> CostOfGoods =>
        from cost in Ore(0, 3_000_000)
        select new AccountingContribution("inventory",
            [new Posting(AccountRole.CostOfGoodsSold, null, cost / 100m, "Vareforbrug"), new Posting(AccountRole.Inventory, null, -cost / 100m, "Varelager")]);

    public static Gen<GeneratedDay> Days =>
        from count in Gen.Choose(1, 4)
        from reports in Gen.CollectToList(Enumerable.Range(1, count), ZReport)
        let list = reports.ToList()
        from split in CardSplit(list)
        from cost in CostOfGoods
        from withCost in Gen.Elements(true, false)
        select new GeneratedDay(list, withCost ? [split, cost] : [split]);

    public static Arbitrary<GeneratedDay> Day_() => Days.ToArbitrary();

    public static RegisterReport AZReport(int number, IReadOnlyList<ReportVatLine> vat, decimal rounding, decimal tips, decimal? overShort,
        IReadOnlyList<ReportPaymentLine> payments)
    {
        var at = new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero).AddMinutes(number);
        var sales = vat.Sum(v => v.Gross);
        var cash = new ReportCash(1, overShort is null ? 0 : 1, false, 500m, [], 0m, CountAmount.Zero, CountAmount.Zero, 500m,
            overShort is null ? null : 500m + overShort, overShort, CountAmount.Zero);
        return new RegisterReport(Guid.CreateVersion7(), ReportType.Z, number, StoreId, "12345678", "Købmand Hansen", "Købmand Hansen",
            Guid.CreateVersion7(), $"Kasse {number}", null, at, at, Day, "DKK",
            new ReportPeriod(0, 10, null, null, 1, 10), new CountAmount(1, sales), CountAmount.Zero, sales, rounding, 1, vat, payments, [], [], [],
            CountAmount.Zero, CountAmount.Zero, CountAmount.Zero, CountAmount.Zero, CountAmount.Zero, CountAmount.Zero, CountAmount.Zero, [], [], 0,
            new CountAmount(tips == 0m ? 0 : 1, tips), cash, new GrandTotals(sales, 0m, sales));
    }
}
