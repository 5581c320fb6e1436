namespace Kasse.Domain.Accounting;

/// <summary>One line of a voucher: an account and its debit or its credit (never both, never negative).</summary>
public sealed record VoucherLine(string Account, string AccountName, AccountRole Role, string? Qualifier, string Text, decimal Debit, decimal Credit)
{
    /// <summary>Debit positive, credit negative: the sign convention of most journal imports.</summary>
    public decimal Amount => Debit - Credit;
}

/// <summary>
/// A store's bookkeeping for one business day, made from the Z reports closed that day: one balanced voucher
/// (bilag) whose lines are the accounts of the shop's chart.
/// </summary>
public sealed record DayVoucher(
    Guid StoreId,
    DateOnly BusinessDay,
    string Currency,
    string Text,
    IReadOnlyList<Guid> ZReportIds,
    IReadOnlyList<VoucherLine> Lines)
{
    public decimal TotalDebit => Lines.Sum(l => l.Debit);
    public decimal TotalCredit => Lines.Sum(l => l.Credit);
    public bool IsBalanced => TotalDebit == TotalCredit;

    /// <summary>The bilag number a journal import gets: the day as yyyyMMdd, unique per store and day.</summary>
    public string VoucherNumber => BusinessDay.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
