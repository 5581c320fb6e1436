using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.Devices;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Printing;

/// <summary>
/// Puts printouts in the persistent queue, routed to the right printer, inside the caller's transaction:
/// a completed sale and its receipt job commit together. The device worker sends them.
/// </summary>
public sealed class PrintQueue(KasseDbContext db, PrintQueueSignal signal, TimeProvider clock)
{
    /// <summary>A drawer kick that could not go out at once is dropped: a drawer must not spring open minutes later.</summary>
    public static readonly TimeSpan DrawerKickLifetime = TimeSpan.FromSeconds(20);

    /// <summary>Queues a receipt (original, copy or training) on its register's receipt printer; null when the register has none.</summary>
    public async Task<PrintJob?> ReceiptAsync(ReceiptView receipt, CancellationToken ct)
    {
        var printer = await ReceiptPrinterAsync(receipt.RegisterId, ct);
        if (printer is null)
            return null;
        var kind = receipt.Copy == ReceiptCopyKind.Copy ? PrintJobKind.CopyReceipt : PrintJobKind.Receipt;
        return await QueueOnceAsync(printer, kind, receipt.SaleId, ReceiptDocument.For(receipt, printer.Columns), ct);
    }

    /// <summary>
    /// After a sale or return completes: the drawer opens when cash changed hands (not in training, where no
    /// real money moves), then the receipt prints unless the customer wanted none.
    /// </summary>
    public async Task CompletedSaleAsync(Sale sale, ReceiptService receipts, bool printReceipt, CancellationToken ct)
    {
        if (await ReceiptPrinterAsync(sale.RegisterId, ct) is null)
            return;
        if (!sale.IsTraining && sale.Payments.Any(p => p.Method == PaymentMethod.Cash))
            await DrawerKickAsync(sale.RegisterId, sale.Id, ct);
        if (printReceipt)
            await ReceiptAsync(await receipts.ViewAsync(sale, ReceiptCopyKind.Original, ct), ct);
    }

    /// <summary>Opens the register's cash drawer through its receipt printer's drawer port.</summary>
    public async Task<PrintJob?> DrawerKickAsync(Guid registerId, Guid? saleId, CancellationToken ct)
    {
        var printer = await ReceiptPrinterAsync(registerId, ct);
        if (printer is null)
            return null;
        var id = saleId is { } sale ? PrintJob.IdFor(sale, PrintJobKind.DrawerKick) : Guid.CreateVersion7();
        return await QueueOnceAsync(printer, PrintJobKind.DrawerKick, saleId, PrintDocument.DrawerKick, ct, id, DrawerKickLifetime);
    }

    public async Task<PrintJob> QueueAsync(Printer printer, PrintJobKind kind, Guid? subjectId, PrintDocument document, CancellationToken ct) =>
        await QueueOnceAsync(printer, kind, subjectId, document, ct, Guid.CreateVersion7());

    /// <summary>
    /// A kitchen ticket on one of its station's printers, once: the job's id comes from the ticket and the printer, so the
    /// ticket is in the queue once however often it is fired or retried, and the queue prints it once.
    /// </summary>
    public Task<PrintJob> KitchenTicketAsync(Printer printer, Guid ticketId, PrintDocument document, CancellationToken ct) =>
        QueueOnceAsync(printer, PrintJobKind.KitchenTicket, ticketId, document, ct, PrintJob.IdFor(ticketId, PrintJobKind.KitchenTicket, printer.Id));

    public Task<Printer?> ReceiptPrinterAsync(Guid registerId, CancellationToken ct) =>
        db.Printers.Where(p => p.RegisterId == registerId && p.Role == PrinterRole.Receipt).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);

    private async Task<PrintJob> QueueOnceAsync(Printer printer, PrintJobKind kind, Guid? subjectId, PrintDocument document, CancellationToken ct,
        Guid? id = null, TimeSpan? lifetime = null)
    {
        var jobId = id ?? PrintJob.IdFor(subjectId!.Value, kind);
        var existing = await db.PrintJobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (existing is not null)
            return existing;
        var job = PrintJob.Queue(jobId, printer, kind, subjectId, document.ToJson(), clock.Now(), lifetime);
        db.PrintJobs.Add(job);
        signal.Wake();
        return job;
    }
}

/// <summary>Wakes the device worker when something was queued, so a receipt prints without waiting for the next poll.</summary>
public sealed class PrintQueueSignal : Kasse.Application.Hosting.WakeSignal;
