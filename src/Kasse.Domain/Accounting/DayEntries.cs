using System.Globalization;
using Kasse.Domain.CashControl;

namespace Kasse.Domain.Accounting;

/// <summary>
/// Turns a store's Z reports of one business day, and what other sources add, into one balanced voucher on the
/// shop's chart of accounts. Postings to the same account (and VAT code) are netted into one line.
/// </summary>
public static class DayEntries
{
    public static DayVoucher Build(Guid storeId, DateOnly businessDay, string currency, IReadOnlyList<RegisterReport> zReports,
        IReadOnlyList<AccountingContribution> contributions, ChartOfAccounts chart)
    {
        foreach (var z in zReports.Where(z => z.StoreId != storeId || z.BusinessDay != businessDay))
            throw new ArgumentException($"Z report {z.Id} belongs to another store or day.", nameof(zReports));
        foreach (var contribution in contributions.Where(c => c.Balance != 0m))
            throw DomainException.Conflict(AccountingErrors.ContributionUnbalanced,
                $"The accounting source '{contribution.Source}' added postings that don't balance (off by {contribution.Balance.ToString("0.00", CultureInfo.InvariantCulture)}); the day was not booked.");

        var postings = zReports.OrderBy(z => z.At).SelectMany(ZReportPostings.Of).Concat(contributions.SelectMany(c => c.Postings));
        var lines = postings
            .Select(p => (Account: chart.Resolve(p.Role, p.Qualifier), Posting: p))
            // Revenue and VAT keep their VAT code apart even on a shared account: the VAT return needs them apart.
            .GroupBy(x => (x.Account.Number, Vat: IsPerVatCode(x.Posting.Role) ? x.Posting.Qualifier : null, x.Account.Role))
            .Select(g => Line(g.First().Account, g.Key.Vat, g.Sum(x => x.Posting.Amount)))
            .Where(l => l.Amount != 0m)
            .OrderBy(l => l.Account, StringComparer.Ordinal).ThenBy(l => l.Qualifier, StringComparer.Ordinal)
            .ToList();
        var voucher = new DayVoucher(storeId, businessDay, currency,
            $"Kasse dagsafslutning {businessDay.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)} ({zReports.Count} Z-rapport{(zReports.Count == 1 ? "" : "er")})",
            zReports.OrderBy(z => z.At).Select(z => z.Id).ToList(), lines);
        if (!voucher.IsBalanced)
            throw new InvalidOperationException($"The voucher of {businessDay} doesn't balance: debit {voucher.TotalDebit}, credit {voucher.TotalCredit}.");
        return voucher;
    }

    private static bool IsPerVatCode(AccountRole role) => role is AccountRole.Revenue or AccountRole.OutputVat;

    private static VoucherLine Line(ChartAccount account, string? vatCode, decimal amount)
    {
        var rounded = CashAmount.Round(amount);
        return new VoucherLine(account.Number, account.Name, account.Role, vatCode,
            vatCode is null ? account.Name : $"{account.Name} ({vatCode})",
            rounded > 0m ? rounded : 0.00m, rounded < 0m ? -rounded : 0.00m);
    }
}
