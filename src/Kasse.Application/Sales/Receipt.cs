using Kasse.Application.Fiscal;
using Kasse.Application.Printing;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Devices;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Sales;

/// <summary>Everything a receipt prints, in the store's local time (momsbekendtgørelsen § 64: simplified invoice).</summary>
public sealed record ReceiptView(
    string StoreName, string StoreAddress, string CompanyId, string RegisterName, string? CashierName,
    SaleKind Kind, long ReceiptNumber, DateTimeOffset LocalTime, string Currency,
    IReadOnlyList<SaleLineView> Lines, decimal DiscountTotal, decimal TotalAmount, decimal CashRounding,
    IReadOnlyList<VatLineView> Vat, IReadOnlyList<PaymentView> Payments, decimal ChangeGiven,
    long? OriginalReceiptNumber, bool ReturnedWithoutReceipt, string? ReturnReason, Guid SaleId, Guid RegisterId,
    bool IsTraining = false, ReceiptCopyKind Copy = ReceiptCopyKind.Original, string? Header = null, string? Footer = null,
    IReadOnlyList<SalePromotionView>? Promotions = null, OrderType? OrderType = null, int? OrderNumber = null)
{
    /// <summary>The tips taken with the payments, printed apart from the sale's total (not revenue, no VAT).</summary>
    public decimal Tips => Payments.Sum(p => p.Tip);
}

/// <summary>Which print of a receipt this is. A copy and a provisional receipt say so in large letters.</summary>
public enum ReceiptCopyKind
{
    Original,
    /// <summary>A second print of a completed receipt ("KOPI"); at most one per sale.</summary>
    Copy,
    /// <summary>A pro-forma of an open sale: not a receipt.</summary>
    Provisional,
    /// <summary>A delivery note (følgeseddel) of a completed sale, handed over with the goods: not a receipt.</summary>
    Delivery,
}

public sealed record PrintedReceipt(ReceiptView Receipt, string Text);

public sealed class ReceiptService(KasseDbContext db, FiscalJournal journal, PrintQueue printing, TimeProvider clock, OpenSaleMemory memory)
{
    public async Task<ReceiptView> GetAsync(Guid saleId, CancellationToken ct)
    {
        var sale = await db.Sales.AsNoTracking().FirstOrDefaultAsync(s => s.Id == saleId, ct) ?? throw SalesService.SaleNotFound(saleId);
        if (sale.Status != SaleStatus.Completed || sale.ReceiptNumber is null)
            throw DomainException.Conflict(ReceiptErrors.NotCompleted, "A receipt exists once the sale is completed.");
        return await ViewAsync(sale, ReceiptCopyKind.Original, ct);
    }

    /// <summary>
    /// Sends a completed sale's original receipt to its register's printer, once: true when queued now, false when
    /// it was sent before (then a second paper is the one copy, <see cref="CopyAsync"/>).
    /// </summary>
    public Task<bool> PrintOriginalAsync(Guid saleId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (await db.LockSaleAsync(saleId, ct) == 0)
            throw SalesService.SaleNotFound(saleId);
        var sale = await db.Sales.AsNoTracking().FirstAsync(s => s.Id == saleId, ct);
        if (sale.Status != SaleStatus.Completed)
            throw DomainException.Conflict(ReceiptErrors.NotCompleted, "A receipt is printed once the sale is completed.");
        if (await printing.ReceiptPrinterAsync(sale.RegisterId, ct) is null)
            throw DomainException.Conflict(PrinterErrors.None, "This register has no receipt printer; print from the browser instead.");
        var original = PrintJob.IdFor(saleId, PrintJobKind.Receipt);
        if (await db.PrintJobs.AnyAsync(j => j.Id == original, ct))
            return false;
        await printing.ReceiptAsync(await ViewAsync(sale, ReceiptCopyKind.Original, ct), ct);
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);

    /// <summary>Prints the one copy a sale may have, marked "KOPI", and journals it (SAF-T 13014).</summary>
    public Task<PrintedReceipt> CopyAsync(Guid saleId, int width, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (await db.LockSaleAsync(saleId, ct) == 0)
            throw SalesService.SaleNotFound(saleId);
        var sale = await db.Sales.AsNoTracking().FirstAsync(s => s.Id == saleId, ct);
        if (sale.Status != SaleStatus.Completed)
            throw DomainException.Conflict(ReceiptErrors.NotCompleted, "Only a completed sale has a receipt to copy.");
        if (await db.JournalEntries.AnyAsync(e => e.SaleId == saleId && e.Kind == nameof(JournalEventKind.CopyReceipt), ct))
            throw DomainException.Conflict(ReceiptErrors.CopyPrinted, "A copy of this receipt has already been printed; only one copy is allowed.");
        var view = await ViewAsync(sale, ReceiptCopyKind.Copy, ct);
        await journal.SaleEventAsync(sale, JournalEventKind.CopyReceipt, clock.Now(), ct);
        await printing.ReceiptAsync(view, ct);
        await db.SaveChangesAsync(ct);
        return new PrintedReceipt(view, ReceiptText.Render(view, width));
    }, ct);

    /// <summary>
    /// A delivery note (følgeseddel) of a completed sale, e.g. for goods fetched from the stockroom or sent on,
    /// journaled as a delivery receipt (SAF-T 13016). It may be printed more than once; each print is journaled.
    /// </summary>
    public Task<PrintedReceipt> DeliveryAsync(Guid saleId, int width, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (await db.LockSaleAsync(saleId, ct) == 0)
            throw SalesService.SaleNotFound(saleId);
        var sale = await db.Sales.AsNoTracking().FirstAsync(s => s.Id == saleId, ct);
        if (sale.Status != SaleStatus.Completed || sale.Kind != SaleKind.Sale)
            throw DomainException.Conflict(ReceiptErrors.NotDelivered, "A delivery note is printed for a completed sale (not an open sale or a return).");
        var view = await ViewAsync(sale, ReceiptCopyKind.Delivery, ct);
        await journal.SaleEventAsync(sale, JournalEventKind.DeliveryReceipt, clock.Now(), ct);
        await db.SaveChangesAsync(ct);
        return new PrintedReceipt(view, ReceiptText.Render(view, width));
    }, ct);

    /// <summary>A pro-forma of an open sale (e.g. for a customer's approval), journaled as a provisional receipt (SAF-T 13015).</summary>
    public async Task<PrintedReceipt> ProvisionalAsync(Guid saleId, int width, CancellationToken ct)
    {
        // The open sale's last edits may still be only in memory: the pro-forma shows every line the till shows.
        await memory.WriteNowAsync(saleId, ct);
        return await ProvisionalOfWrittenAsync(saleId, width, ct);
    }

    private Task<PrintedReceipt> ProvisionalOfWrittenAsync(Guid saleId, int width, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (await db.LockSaleAsync(saleId, ct) == 0)
            throw SalesService.SaleNotFound(saleId);
        var sale = await db.Sales.AsNoTracking().FirstAsync(s => s.Id == saleId, ct);
        if (sale.Status != SaleStatus.Open || sale.Lines.Count == 0)
            throw DomainException.Conflict(ReceiptErrors.NotOpen, "A provisional receipt is printed for an open sale with something on it.");
        var now = clock.Now();
        var view = await ViewAsync(sale, ReceiptCopyKind.Provisional, ct, now);
        await journal.SaleEventAsync(sale, JournalEventKind.ProvisionalReceipt, now, ct);
        await db.SaveChangesAsync(ct);
        return new PrintedReceipt(view, ReceiptText.Render(view, width));
    }, ct);

    internal async Task<ReceiptView> ViewAsync(Sale sale, ReceiptCopyKind copy, CancellationToken ct, DateTimeOffset? printedAt = null)
    {
        var store = await StoreService.FindStoreAsync(db, sale.StoreId, ct);
        var register = await StoreService.FindRegisterAsync(db, sale.RegisterId, ct);
        var cashier = sale.CashierId is { } id ? await db.Employees.Where(e => e.Id == id).Select(e => e.Name).FirstOrDefaultAsync(ct) : null;
        var originalNumber = sale.OriginalSaleId is { } originalId
            ? await db.Sales.Where(s => s.Id == originalId).Select(s => s.ReceiptNumber).FirstOrDefaultAsync(ct)
            : null;
        var view = SaleView.From(sale);
        return new ReceiptView(store.Name, store.Address, store.CompanyId, register.Name, cashier, sale.Kind, sale.ReceiptNumber ?? 0,
            store.LocalTime(sale.ClosedAt ?? printedAt ?? clock.Now()), sale.Currency, view.Lines, view.DiscountTotal, view.TotalAmount, view.CashRounding,
            view.Vat, view.Payments, view.ChangeGiven, originalNumber, sale.ReturnedWithoutReceipt, sale.ReturnReason, sale.Id, sale.RegisterId,
            sale.IsTraining, copy, store.ReceiptHeader, store.ReceiptFooter, view.Promotions, sale.OrderType, sale.OrderNumber);
    }
}
