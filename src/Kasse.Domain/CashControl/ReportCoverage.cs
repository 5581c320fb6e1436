using System.Globalization;
using Kasse.Domain.Fiscal;

namespace Kasse.Domain.CashControl;

/// <summary>One journal entry of a report's period, with what the receipt it names looks like now (null when the sale is gone).</summary>
public sealed record CoveredEntry(string Kind, CoveredReceipt? Receipt);

/// <summary>The few facts of a receipt a report's coverage adds up.</summary>
public sealed record CoveredReceipt(long? ReceiptNumber, decimal TotalAmount, bool IsTraining);

/// <summary>
/// What an X or Z report covers, counted straight from the journal entries of its period and the receipts they
/// name: receipts, their total, their numbers, and every other event by kind. It is signed with the report and
/// recounted by verification, so a receipt or an event deleted or changed after the report shows, whatever the
/// report's own figures mean. Deliberately independent of <see cref="RegisterReportCalculator"/>: the report's
/// figures may be defined differently over the years, the coverage of a signed report never changes meaning.
/// </summary>
public sealed record ReportCoverage(
    int Sales,
    int Returns,
    int Training,
    decimal Total,
    long? FirstReceipt,
    long? LastReceipt,
    IReadOnlyDictionary<string, int> Events)
{
    private const string Version = "coverage-v1";

    private static readonly string SaleKind = nameof(JournalEventKind.SaleCompleted);
    private static readonly string ReturnKind = nameof(JournalEventKind.ReturnCompleted);
    private static readonly string TrainingKind = nameof(JournalEventKind.TrainingReceipt);

    public int Receipts => Sales + Returns;

    public static ReportCoverage Of(IEnumerable<CoveredEntry> entries)
    {
        int sales = 0, returns = 0, training = 0;
        var total = 0.00m;
        var numbers = new List<long>();
        var events = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Kind == TrainingKind)
                training++;
            else if (entry.Kind == SaleKind || entry.Kind == ReturnKind)
            {
                if (entry.Kind == SaleKind)
                    sales++;
                else
                    returns++;
                if (entry.Receipt is { } receipt)
                {
                    total += receipt.TotalAmount;
                    if (receipt.ReceiptNumber is { } number)
                        numbers.Add(number);
                }
            }
            else
                events[entry.Kind] = events.GetValueOrDefault(entry.Kind) + 1;
        }
        return new ReportCoverage(sales, returns, training, CashAmount.Round(total),
            numbers.Count == 0 ? null : numbers.Min(), numbers.Count == 0 ? null : numbers.Max(), events);
    }

    /// <summary>One line of text, in a fixed order, for the report's signature.</summary>
    public string Canonical() => string.Join(';', new[]
    {
        Version,
        $"sales={Sales.ToString(CultureInfo.InvariantCulture)}",
        $"returns={Returns.ToString(CultureInfo.InvariantCulture)}",
        $"training={Training.ToString(CultureInfo.InvariantCulture)}",
        $"total={Total.ToString("0.00", CultureInfo.InvariantCulture)}",
        $"first={FirstReceipt?.ToString(CultureInfo.InvariantCulture)}",
        $"last={LastReceipt?.ToString(CultureInfo.InvariantCulture)}",
    }.Concat(Events.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value.ToString(CultureInfo.InvariantCulture)}")));

    /// <summary>Reads <see cref="Canonical"/> back; null if the text is not a coverage this version wrote.</summary>
    public static ReportCoverage? Parse(string text)
    {
        var parts = text.Split(';');
        if (parts.Length < 7 || parts[0] != Version)
            return null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var at = part.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
                return null;
            fields[part[..at]] = part[(at + 1)..];
        }
        try
        {
            long? Number(string key) => fields[key] is { Length: > 0 } value ? long.Parse(value, CultureInfo.InvariantCulture) : null;
            var fixedKeys = new[] { "sales", "returns", "training", "total", "first", "last" };
            return new ReportCoverage(
                int.Parse(fields["sales"], CultureInfo.InvariantCulture),
                int.Parse(fields["returns"], CultureInfo.InvariantCulture),
                int.Parse(fields["training"], CultureInfo.InvariantCulture),
                decimal.Parse(fields["total"], CultureInfo.InvariantCulture),
                Number("first"), Number("last"),
                new SortedDictionary<string, int>(fields.Where(f => !fixedKeys.Contains(f.Key))
                    .ToDictionary(f => f.Key, f => int.Parse(f.Value, CultureInfo.InvariantCulture)), StringComparer.Ordinal));
        }
        catch (Exception e) when (e is FormatException or OverflowException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// What differs between what a report covered (this) and what its period holds now, as two phrases a person
    /// can compare ("3 receipts, total 127.50" / "2 receipts, total 85.00"); null when they agree. With
    /// <paramref name="countsOnly"/>, the total and the receipt numbers are not compared, and only this coverage's own events.
    /// </summary>
    public (string Counted, string Now)? DifferenceFrom(ReportCoverage now, bool countsOnly = false)
    {
        var counted = new List<string>();
        var found = new List<string>();
        void Compare(string then, string current)
        {
            if (then == current)
                return;
            counted.Add(then);
            found.Add(current);
        }
        Compare(ReceiptsText(Receipts, Sales, Returns), ReceiptsText(now.Receipts, now.Sales, now.Returns));
        if (!countsOnly)
        {
            Compare($"total {Amount(Total)}", $"total {Amount(now.Total)}");
            Compare(Numbers(FirstReceipt, LastReceipt), Numbers(now.FirstReceipt, now.LastReceipt));
        }
        Compare(Count(Training, "training receipt"), Count(now.Training, "training receipt"));
        // Counts only (a report from before coverage was signed): just the events that report stated itself.
        foreach (var kind in (countsOnly ? Events.Keys : Events.Keys.Union(now.Events.Keys)).Order(StringComparer.Ordinal))
            Compare(Event(kind, Events.GetValueOrDefault(kind)), Event(kind, now.Events.GetValueOrDefault(kind)));
        return counted.Count == 0 ? null : (string.Join(", ", counted), string.Join(", ", found));
    }

    private static string ReceiptsText(int receipts, int sales, int returns) =>
        $"{Count(receipts, "receipt")} ({Count(sales, "sale")}, {Count(returns, "return")})";

    private static string Numbers(long? first, long? last) => first is null
        ? "no receipt numbers"
        : $"receipt numbers {first.Value.ToString(CultureInfo.InvariantCulture)}–{last!.Value.ToString(CultureInfo.InvariantCulture)}";

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Count(int count, string thing) => Count(count, thing, thing + "s");

    private static string Count(int count, string one, string many) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";

    private static string Event(string kind, int count)
    {
        var code = Enum.TryParse<JournalEventKind>(kind, out var known) ? " (" + SaftCodes.EventCode(known) + ")" : "";
        var (one, many) = EventName(kind);
        return Count(count, one, many) + code;
    }

    private static (string One, string Many) EventName(string kind) => kind switch
    {
        nameof(JournalEventKind.SaleVoided) => ("voided sale", "voided sales"),
        nameof(JournalEventKind.DrawerOpened) => ("drawer opening without a sale", "drawer openings without a sale"),
        nameof(JournalEventKind.DrawerClosed) => ("drawer closing", "drawer closings"),
        nameof(JournalEventKind.CopyReceipt) => ("receipt copy", "receipt copies"),
        nameof(JournalEventKind.DeliveryReceipt) => ("delivery note", "delivery notes"),
        nameof(JournalEventKind.ProvisionalReceipt) => ("provisional receipt", "provisional receipts"),
        nameof(JournalEventKind.PriceLookedUp) => ("price inquiry", "price inquiries"),
        nameof(JournalEventKind.SaleParked) => ("parked sale", "parked sales"),
        nameof(JournalEventKind.SaleResumed) => ("resumed sale", "resumed sales"),
        nameof(JournalEventKind.XReport) => ("X report", "X reports"),
        nameof(JournalEventKind.CashWithdrawal) => ("cash drop", "cash drops"),
        nameof(JournalEventKind.CashPaidIn) => ("pay-in", "pay-ins"),
        nameof(JournalEventKind.CashSessionOpened) => ("cash session opening", "cash session openings"),
        nameof(JournalEventKind.CashCounted) => ("cash count", "cash counts"),
        nameof(JournalEventKind.EmployeeSignedIn) => ("sign-in", "sign-ins"),
        nameof(JournalEventKind.EmployeeSignedOut) => ("sign-out", "sign-outs"),
        _ => (kind + " event", kind + " events"),
    };
}
