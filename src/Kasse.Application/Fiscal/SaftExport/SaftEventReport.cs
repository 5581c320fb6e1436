using Kasse.Domain.Fiscal;

namespace Kasse.Application.Fiscal.SaftExport;

public enum SaftReportType
{
    X,
    Z,
}

public sealed record SaftCountedAmount(string Type, decimal Count, decimal Amount);

public sealed record SaftEmployeeAmount(string EmployeeId, string Type, decimal Count, decimal Amount);

public sealed record SaftVatTotal(string? VatCode, decimal VatPercent, decimal SalesAmount, decimal VatAmount);

/// <summary>
/// The totals of an X or Z report as the SAF-T <c>eventReport</c> holds them. Amounts are in the store's
/// currency, counts are whole numbers except article-group quantities. Empty lists are written as one row
/// of zeros, because the schema requires at least one row in each.
/// </summary>
public sealed record SaftEventReport(
    string ReportId,
    SaftReportType Type,
    DateTimeOffset At,
    Guid RegisterId,
    decimal TotalCashSales,
    IReadOnlyList<SaftCountedAmount> ArticleGroups,
    IReadOnlyList<SaftEmployeeAmount> EmployeeArticleGroups,
    IReadOnlyList<SaftCountedAmount> Payments,
    IReadOnlyList<SaftEmployeeAmount> EmployeePayments,
    SaftCountedAmount? Tips,
    IReadOnlyList<SaftVatTotal> CashSalesVat,
    decimal OpeningChangeFloat,
    long ReceiptCount,
    long DrawerOpenCount,
    long CopyCount,
    decimal CopyAmount,
    long ProvisionalCount,
    decimal ProvisionalAmount,
    long ReturnCount,
    decimal ReturnAmount,
    long DiscountCount,
    decimal DiscountAmount,
    long VoidCount,
    decimal VoidAmount,
    IReadOnlyList<SaftCountedAmount> Corrections,
    IReadOnlyList<SaftCountedAmount> PriceInquiries,
    IReadOnlyList<SaftCountedAmount> OtherCorrections,
    long DeliveryCount,
    decimal DeliveryAmount,
    long TrainingCount,
    decimal TrainingAmount,
    IReadOnlyList<SaftCountedAmount> PayIns,
    IReadOnlyList<SaftCountedAmount> PayOuts,
    decimal GrandTotalSales,
    decimal GrandTotalReturn,
    decimal GrandTotalSalesNet);

/// <summary>
/// Finds the X or Z report behind a journal entry (SAF-T 13008/13009), so the export can attach its totals to
/// the event. The register sessions and reports plug in here; until they do, events carry no report.
/// </summary>
public interface ISaftEventReports
{
    /// <returns>The reports of the given entries, by journal sequence; entries without a report are left out.</returns>
    Task<IReadOnlyDictionary<long, SaftEventReport>> ForEntriesAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct);
}

/// <summary>Used until X and Z reports exist: no event carries a report.</summary>
public sealed class NoSaftEventReports : ISaftEventReports
{
    private static readonly IReadOnlyDictionary<long, SaftEventReport> None = new Dictionary<long, SaftEventReport>();

    public Task<IReadOnlyDictionary<long, SaftEventReport>> ForEntriesAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct) =>
        Task.FromResult(None);
}
