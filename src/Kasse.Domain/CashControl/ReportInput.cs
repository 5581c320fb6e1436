using Kasse.Domain.Sales;
using Kasse.Domain.Stores;

namespace Kasse.Domain.CashControl;

/// <summary>A completed receipt of the period and the journal sequence of its receipt entry.</summary>
public sealed record ReportReceipt(Sale Sale, long Sequence);

/// <summary>A session of the period with its cash movements.</summary>
public sealed record ReportSession(RegisterSession Session, IReadOnlyList<CashMovement> Movements);

public sealed record ArticleGroup(Guid? CategoryId, string Name)
{
    public static readonly ArticleGroup None = new(null, "Uden varegruppe");
}

/// <summary>Everything a register's X or Z report is made from, gathered from the journal of its period.</summary>
public sealed record ReportInput(
    Guid Id,
    ReportType Type,
    long Number,
    Store Store,
    Register Register,
    Guid? EmployeeId,
    DateTimeOffset At,
    ReportPeriod Period,
    GrandTotals PreviousGrandTotals,
    IReadOnlyList<ReportReceipt> Receipts,
    IReadOnlyDictionary<Guid, ArticleGroup> ArticleGroupOfProduct,
    IReadOnlyList<Sale> Voided,
    IReadOnlyList<Sale> Copied,
    IReadOnlyList<decimal> ProvisionalAmounts,
    IReadOnlyList<decimal> PriceInquiryAmounts,
    // The sales a delivery note (følgeseddel) was printed for in the period (reportReceiptDeliveryNum/Amnt).
    IReadOnlyList<Sale> Delivered,
    int DrawerOpens,
    IReadOnlyList<ReportSession> Sessions);
