using FsCheck.Xunit;
using Kasse.Domain.Accounting;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.AccountingArbitraries;

namespace Kasse.Domain.Tests;

/// <summary>The day's bookkeeping made from Z reports: it balances whatever the day held, and books each figure where a bookkeeper expects it.</summary>
[Properties(Arbitrary = [typeof(AccountingArbitraries)], MaxTest = 400)]
public class AccountingTests
{
    private static readonly ChartOfAccounts Chart = ChartOfAccounts.DanishDefault();

    private static decimal On(DayVoucher voucher, string account) => voucher.Lines.Where(l => l.Account == account).Sum(l => l.Amount);

    [Property]
    public void Every_day_balances_to_the_ore_and_every_line_is_either_debit_or_credit(GeneratedDay day)
    {
        var voucher = DayEntries.Build(StoreId, Day, "DKK", day.ZReports, day.Contributions, Chart);

        Assert.Equal(voucher.TotalDebit, voucher.TotalCredit);
        Assert.All(voucher.Lines, l =>
        {
            Assert.True((l.Debit > 0m) ^ (l.Credit > 0m), $"{l.Account} has debit {l.Debit} and credit {l.Credit}");
            Assert.Equal(decimal.Round(l.Amount, 2), l.Amount);
        });
    }

    [Property]
    public void Revenue_vat_and_tenders_land_on_their_accounts_exactly_as_the_z_reports_say(GeneratedDay day)
    {
        var voucher = DayEntries.Build(StoreId, Day, "DKK", day.ZReports, day.Contributions, Chart);
        var z = day.ZReports;
        decimal Paid(PaymentMethod m) => z.SelectMany(r => r.Payments).Where(p => p.Method == m).Sum(p => p.Amount);

        Assert.Equal(-z.SelectMany(r => r.Vat).Sum(v => v.Net), On(voucher, "1010") + On(voucher, "1020"));
        Assert.Equal(-z.SelectMany(r => r.Vat).Sum(v => v.Vat), On(voucher, "6900"));
        Assert.Equal(Paid(PaymentMethod.Cash) + z.Sum(r => r.Cash.OverShort ?? 0m), On(voucher, "5800"));
        Assert.Equal(Paid(PaymentMethod.Card), On(voucher, "5810") + On(voucher, "5815"));
        Assert.Equal(Paid(PaymentMethod.MobilePay), On(voucher, "5820"));
        Assert.Equal(Paid(PaymentMethod.GiftCard), On(voucher, "6800"));
        Assert.Equal(-z.Sum(r => r.Tips.Amount), On(voucher, "6810"));
        Assert.Equal(z.Sum(r => r.CashRounding), -On(voucher, "3695"));
        Assert.Equal(-z.Sum(r => r.Cash.OverShort ?? 0m), On(voucher, "3690"));
    }

    [Fact]
    public void A_day_of_one_z_report_books_sales_vat_tenders_rounding_and_a_short_drawer()
    {
        // 251.25 sold (231.25 at 25 %, 20.00 at 0 %): 125.00 cash, 50 Dankort, 76.50 MobilePay; 0.25 rounded away in cash; 1.00 short.
        var z = AZReport(1, [new ReportVatLine("S", 25m, 231.25m, 46.25m, 185.00m), new ReportVatLine("Z", 0m, 20.00m, 0.00m, 20.00m)],
            rounding: -0.25m, tips: 0m, overShort: -1.00m,
            [new ReportPaymentLine(PaymentMethod.Cash, "12001", 3, 125.00m), new ReportPaymentLine(PaymentMethod.Card, "12002", 1, 50.00m),
             new ReportPaymentLine(PaymentMethod.MobilePay, "12011", 1, 76.00m)]);
        var dankort = new AccountingContribution("card-schemes",
            [new Posting(AccountRole.PaymentCards, null, -50m, "Kort"), new Posting(AccountRole.PaymentCards, "Dankort", 50m, "Dankort")]);

        var voucher = DayEntries.Build(StoreId, Day, "DKK", [z], [dankort], Chart);

        Assert.Equal(
        [
            ("1010", 0.00m, 185.00m), ("1020", 0.00m, 20.00m), ("3690", 1.00m, 0.00m), ("3695", 0.25m, 0.00m),
            ("5800", 124.00m, 0.00m), ("5810", 50.00m, 0.00m), ("5820", 76.00m, 0.00m), ("6900", 0.00m, 46.25m),
        ], voucher.Lines.Select(l => (l.Account, l.Debit, l.Credit)));
        Assert.Equal(251.25m, voucher.TotalDebit);
        Assert.Equal("20260314", voucher.VoucherNumber);
    }

    [Fact]
    public void A_z_report_that_does_not_add_up_is_refused_not_booked_with_a_hidden_difference()
    {
        var z = AZReport(7, [new ReportVatLine("S", 25m, 100m, 20m, 80m)], 0m, 0m, null, [new ReportPaymentLine(PaymentMethod.Cash, "12001", 1, 99.50m)]);

        var error = Refused.With("accounting.z-unbalanced", () => DayEntries.Build(StoreId, Day, "DKK", [z], [], Chart));
        Assert.Contains("Z report 7", error.Message);
    }

    [Fact]
    public void A_source_whose_postings_do_not_balance_is_refused()
    {
        var z = AZReport(1, [new ReportVatLine("S", 25m, 100m, 20m, 80m)], 0m, 0m, null, [new ReportPaymentLine(PaymentMethod.Card, "12002", 1, 100m)]);
        var broken = new AccountingContribution("inventory", [new Posting(AccountRole.CostOfGoodsSold, null, 40m, "Vareforbrug")]);

        var error = Refused.With("accounting.contribution-unbalanced", () => DayEntries.Build(StoreId, Day, "DKK", [z], [broken], Chart));
        Assert.Contains("inventory", error.Message);
    }

    [Fact]
    public void A_chart_needs_a_fallback_account_for_every_role_and_one_account_per_role_and_qualifier()
    {
        var withoutCash = ChartOfAccounts.DanishDefault().Accounts.Where(a => a.Role != AccountRole.Cash);
        Assert.Contains("Cash", Refused.With("chart.missing", () => ChartOfAccounts.Create(withoutCash)).Message);

        var twice = ChartOfAccounts.DanishDefault().Accounts.Append(new ChartAccount(AccountRole.Revenue, "s", "1011", "Salg igen"));
        Refused.With("chart.duplicate", () => ChartOfAccounts.Create(twice));
        Refused.With("chart.number", () => ChartAccount.Create(AccountRole.Cash, null, "58 00", "Kasse"));
    }

    [Fact]
    public void An_x_report_is_never_booked()
    {
        var x = AZReport(1, [], 0m, 0m, null, []) with { Type = ReportType.X };

        Refused.With("accounting.not-z", () => ZReportPostings.Of(x));
    }
}
