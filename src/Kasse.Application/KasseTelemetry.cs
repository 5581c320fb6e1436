using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;
using Microsoft.Extensions.Logging;

namespace Kasse.Application;

/// <summary>
/// What Kasse tells its operators: the "Kasse" meter (sales, returns, voids, money per tender, scan and completion
/// latency) and activity source (a span per till command), and a structured log line for every change of money.
/// Services call it after their transaction committed (<see cref="Data.KasseDbContext.AfterCommit"/>), so a rolled-back
/// change is never counted and a replayed request is never counted twice. The hosting layer exports it (OTLP when
/// configured, Prometheus at /metrics).
/// </summary>
public sealed class KasseTelemetry
{
    public const string Name = "Kasse";

    /// <summary>The spans of till commands; static because an ActivitySource is process-wide by nature.</summary>
    public static readonly ActivitySource Tracing = new(Name);

    private readonly ILogger<KasseTelemetry> _log;
    private readonly Counter<long> _salesCompleted;
    // Money here is a monitoring figure, never a book entry: OpenTelemetry counters take long or double, and the exact
    // amounts stay decimal in the sales, the journal and the reports (DESIGN.md). A sum over a day may differ in the
    // last binary digit from the Z report's; read the Z report for money that counts.
    private readonly Counter<double> _salesAmount;
    private readonly Counter<long> _returnsCompleted;
    private readonly Counter<double> _refundedAmount;
    private readonly Counter<long> _salesVoided;
    private readonly Counter<double> _paymentsAmount;
    private readonly Counter<double> _cashMoved;
    private readonly Histogram<double> _scanDuration;
    private readonly Histogram<double> _completeDuration;
    private readonly Histogram<int> _saleBatchSize;

    public KasseTelemetry(IMeterFactory meters, ILogger<KasseTelemetry> log)
    {
        _log = log;
        var meter = meters.Create(Name);
        _salesCompleted = meter.CreateCounter<long>("kasse.sales.completed", "{sale}", "Sales completed (receipts), training receipts excluded");
        _salesAmount = meter.CreateCounter<double>("kasse.sales.amount", "{currency}", "Amount of completed sales, VAT included, in the store's currency");
        _returnsCompleted = meter.CreateCounter<long>("kasse.returns.completed", "{return}", "Returns completed (return receipts)");
        _refundedAmount = meter.CreateCounter<double>("kasse.returns.amount", "{currency}", "Amount refunded by returns, VAT included");
        _salesVoided = meter.CreateCounter<long>("kasse.sales.voided", "{sale}", "Open sales voided before payment");
        _paymentsAmount = meter.CreateCounter<double>("kasse.payments.amount", "{currency}", "Money taken, by tender (change given subtracted)");
        _cashMoved = meter.CreateCounter<double>("kasse.cash.moved", "{currency}", "Cash put into or taken out of drawers without a sale");
        _scanDuration = meter.CreateHistogram<double>("kasse.sale.scan.duration", "s", "Time to add a line to a sale (a scan), as the till waits for it",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _completeDuration = meter.CreateHistogram<double>("kasse.sale.complete.duration", "s", "Time to complete a paid sale (receipt number, signature, journal)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _saleBatchSize = meter.CreateHistogram<int>("kasse.sale.write_batch.size", "{command}",
            "Commands on sales committed together by the sale writer (one transaction, one commit)",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });
    }

    public void SaleCommandsWritten(int commands) => _saleBatchSize.Record(commands);

    // From a millisecond to two seconds: a scan should answer in single-digit milliseconds, a completion in tens.
    private static readonly double[] LatencyBuckets = [0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1, 2];

    public void ScanTook(TimeSpan elapsed) => _scanDuration.Record(elapsed.TotalSeconds);

    public void CompletionTook(TimeSpan elapsed) => _completeDuration.Record(elapsed.TotalSeconds);

    public void SaleCompleted(Sale sale)
    {
        if (sale.IsTraining)
        {
            _log.LogInformation("Training receipt {ReceiptNumber} on register {RegisterId}: {Total} {Currency} (outside every total)",
                sale.ReceiptNumber, sale.RegisterId, Amount(sale.TotalAmount), sale.Currency);
            return;
        }
        var tags = Tags(sale);
        if (sale.Kind == SaleKind.Return)
        {
            _returnsCompleted.Add(1, tags);
            _refundedAmount.Add((double)-sale.TotalAmount, tags);
            _log.LogInformation("Return {ReceiptNumber} {SaleId} completed on register {RegisterId}: {Total} {Currency} refunded as {Tenders}",
                sale.ReceiptNumber, sale.Id, sale.RegisterId, Amount(sale.TotalAmount), sale.Currency, Tenders(sale));
        }
        else
        {
            _salesCompleted.Add(1, tags);
            _salesAmount.Add((double)sale.TotalAmount, tags);
            _log.LogInformation("Sale {ReceiptNumber} {SaleId} completed on register {RegisterId}: {Total} {Currency} paid as {Tenders}",
                sale.ReceiptNumber, sale.Id, sale.RegisterId, Amount(sale.TotalAmount), sale.Currency, Tenders(sale));
        }
        foreach (var payment in sale.Payments)
            _paymentsAmount.Add((double)(payment.Amount - payment.Change), [.. tags, new("method", payment.Method.ToString())]);
    }

    public void PaymentAdded(Sale sale, Payment payment) =>
        _log.LogInformation("Payment {PaymentId} on sale {SaleId}: {Amount} {Currency} by {Method} (tendered {Tendered}, change {Change})",
            payment.Id, sale.Id, Amount(payment.Amount), sale.Currency, payment.Method, payment.Tendered is { } t ? Amount(t) : null, Amount(payment.Change));

    public void PaymentRemoved(Sale sale, Guid paymentId) =>
        _log.LogInformation("Payment {PaymentId} on sale {SaleId} taken back before completion; {Paid} {Currency} remains paid",
            paymentId, sale.Id, Amount(sale.PaidAmount), sale.Currency);

    public void SaleVoided(Sale sale)
    {
        _salesVoided.Add(1, Tags(sale));
        _log.LogInformation("Sale {SaleId} voided on register {RegisterId} at {Total} {Currency}", sale.Id, sale.RegisterId, Amount(sale.TotalAmount), sale.Currency);
    }

    public void CashMoved(CashMovement movement)
    {
        _cashMoved.Add((double)movement.Amount, [new("store", movement.StoreId.ToString()), new("kind", movement.Kind.ToString())]);
        _log.LogInformation("Cash {Kind} {MovementId} of {Amount} at register {RegisterId} ({Reason})",
            movement.Kind, movement.Id, Amount(movement.Amount), movement.RegisterId, movement.Reason);
    }

    public void SessionOpened(RegisterSession session) =>
        _log.LogInformation("Register {RegisterId} opened session {SessionId} with a float of {Float}", session.RegisterId, session.Id, Amount(session.OpeningFloat));

    public void CashCounted(RegisterSession session) =>
        _log.LogInformation("Register {RegisterId} counted {Counted} in session {SessionId}: expected {Expected}, over/short {OverShort}",
            session.RegisterId, session.CountedCash is { } c ? Amount(c) : null, session.Id,
            session.ExpectedCash is { } e ? Amount(e) : null, session.Difference is { } d ? Amount(d) : null);

    public void ReportMade(RegisterReport report) =>
        _log.LogInformation("{Type} report {Number} of register {RegisterId}: total cash sales {Total}", report.Type, report.Number, report.RegisterId,
            Amount(report.TotalCashSales));

    private static KeyValuePair<string, object?>[] Tags(Sale sale) => [new("store", sale.StoreId.ToString()), new("currency", sale.Currency)];

    private static string Tenders(Sale sale) =>
        string.Join(", ", sale.Payments.Select(p => $"{p.Method} {Amount(p.Amount - p.Change)}"));

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
