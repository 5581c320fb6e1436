namespace Kasse.Domain.CashControl;

/// <summary>
/// An X or Z report as it was made: its full content as canonical JSON (the very text of its journal entry),
/// and, for finding the previous Z quickly, where its period ended and its grand totals.
/// </summary>
public sealed class StoredReport
{
    private StoredReport() { Content = ""; }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid RegisterId { get; private set; }
    public ReportType Type { get; private set; }
    public long Number { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The journal sequence of the report's own entry; the next period starts after it.</summary>
    public long JournalSequence { get; private set; }
    public decimal GrandTotalSales { get; private set; }
    public decimal GrandTotalReturn { get; private set; }
    public decimal GrandTotalSalesNet { get; private set; }

    /// <summary>The report as canonical JSON (<see cref="ReportPayload"/>).</summary>
    public string Content { get; private set; }

    public GrandTotals GrandTotals => new(GrandTotalSales, GrandTotalReturn, GrandTotalSalesNet);

    public static StoredReport Of(RegisterReport report, long journalSequence, string content) => new()
    {
        Id = report.Id,
        StoreId = report.StoreId,
        RegisterId = report.RegisterId,
        Type = report.Type,
        Number = report.Number,
        At = report.At,
        JournalSequence = journalSequence,
        GrandTotalSales = report.GrandTotals.Sales,
        GrandTotalReturn = report.GrandTotals.Return,
        GrandTotalSalesNet = report.GrandTotals.SalesNet,
        Content = content,
    };
}
