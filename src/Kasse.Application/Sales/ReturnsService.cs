using Kasse.Application.Catalog;
using Kasse.Application.Fiscal;
using Kasse.Application.Printing;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Sales;

/// <summary>
/// Returns are completed in one step: the lines given back, the refund to the original tender, and the
/// register's next receipt number, in one transaction. Returning with the same id again answers the same.
/// </summary>
public sealed class ReturnsService(KasseDbContext db, CatalogService catalog, EmployeeService employees, FiscalJournal journal,
    TransactionSigner signer, ReceiptService receipts, PrintQueue printing, CurrentActor actor, AuditTrail audit, TimeProvider clock,
    IEnumerable<ISaleCompletionStep> completionSteps, SaleChanges changes, KasseTelemetry telemetry)
{
    public Task<SaleView> CreateAsync(CreateReturn command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(ReturnErrors.Id, "Give the return an id (a new UUID chosen by the till).");
        var existing = await db.Sales.FirstOrDefaultAsync(s => s.Id == command.Id, ct);
        if (existing is not null)
            return existing.Kind == SaleKind.Return
                ? SaleView.From(existing)
                : throw DomainException.Conflict(ReturnErrors.IdUsed, $"Id {command.Id} already belongs to a sale.");

        var register = await StoreService.FindRegisterAsync(db, command.RegisterId, ct);
        var store = await StoreService.FindStoreAsync(db, register.StoreId, ct);
        var now = clock.Now();
        Sale ret;
        if (command.OriginalSaleId is { } originalId)
        {
            if (command.Lines is not { Count: > 0 })
                throw DomainException.Invalid(ReturnErrors.Lines, "Pick at least one line of the receipt to return.");
            // Lock the original so two tills can't return the same line at once.
            if (await db.LockSaleAsync(originalId, ct) == 0)
                throw SalesService.SaleNotFound(originalId);
            var original = await db.Sales.FirstAsync(s => s.Id == originalId, ct);
            ret = Sale.OpenReturn(command.Id, store, register, command.CashierId, now, original, command.Reason, approvedById: null);
            await AddLinesFromReceiptAsync(ret, original, command.Lines, ct);
            var history = await RefundHistoryAsync(original, ct);
            var parts = command.RefundMethod == PaymentMethod.GiftCard
                ? [RefundAllocation.To(PaymentMethod.GiftCard, -ret.TotalAmount, store.CashRounding)]
                : RefundAllocation.ToOriginalTender(-ret.TotalAmount, history, store.CashRounding);
            foreach (var part in parts)
                ret.AddRefund(Guid.CreateVersion7(), AsCreditNote(part), now);
        }
        else
        {
            if (command.Products is not { Count: > 0 })
                throw DomainException.Invalid(ReturnErrors.Products, "Say which products come back (a return without a receipt lists products).");
            var approvedBy = await employees.AuthoriseAsync(actor.Value, Permission.RefundWithoutReceipt, command.Approval,
                "a return without a receipt", store.Id, register.Id, ct);
            if (string.IsNullOrWhiteSpace(command.Reason))
                throw DomainException.Invalid(ReturnErrors.Reason, "A return without a receipt needs a reason.");
            ret = Sale.OpenReturn(command.Id, store, register, command.CashierId, now, null, command.Reason, approvedBy);
            foreach (var item in command.Products)
            {
                var product = await FindProductAsync(item, store.VariableMeasureCodes, ct);
                ret.AddUnreceiptedReturnLine(Guid.CreateVersion7(), product, store.VatRateFor(product.VatPercent), item.Quantity);
            }
            ret.AddRefund(Guid.CreateVersion7(), AsCreditNote(RefundAllocation.To(command.RefundMethod ?? PaymentMethod.Cash, -ret.TotalAmount, store.CashRounding)), now);
        }
        db.Sales.Add(ret);
        var number = await db.NextReceiptNumberAsync(register.Id, ct);
        ret.Complete(number, now, store.BusinessDayOf(now));
        await completionSteps.RunOwnAsync(ret, store, ct);
        await printing.CompletedSaleAsync(ret, receipts, printReceipt: true, ct);
        // As for a sale: the shared rows (summaries, stock, company number, store journal) last, held only to the commit.
        await db.SaveChangesAsync(ct);
        await completionSteps.RunSharedAsync(ret, store, ct);
        await signer.SignAsync(ret, store, ct);
        var entry = await journal.ReceiptAsync(ret, ct);
        db.AfterCommit(() => telemetry.SaleCompleted(ret));
        audit.Record(AuditAction.Refunded, AuditTexts.Refunded(number, -ret.TotalAmount, command.OriginalSaleId is null, command.Reason),
            subject: ret.Id.ToString(), storeId: store.Id, registerId: register.Id, journalSequence: entry.Sequence, approvedById: ret.ApprovedById,
            after: new { ret.CashierId, WithoutReceipt = command.OriginalSaleId is null, Amount = -ret.TotalAmount });
        await db.SaveChangesAsync(ct);
        return changes.Changed(ret);
    }, ct);

    /// <summary>A refund "to a gift card" without a card's code is a new credit note (tilgodebevis); its code goes on the receipt.</summary>
    private static RefundPart AsCreditNote(RefundPart part) =>
        part is { Method: PaymentMethod.GiftCard, Reference: null } ? part with { Reference = Kasse.Domain.GiftCards.GiftCardCode.New() } : part;

    private async Task AddLinesFromReceiptAsync(Sale ret, Sale original, IReadOnlyList<ReturnLineRequest> requested, CancellationToken ct)
    {
        var lineIds = original.Lines.Select(l => l.Id).ToList();
        var returned = await db.SaleLines
            .Where(l => l.OriginalLineId != null && lineIds.Contains(l.OriginalLineId.Value))
            .Join(db.Sales.Where(s => s.Status == SaleStatus.Completed), l => l.SaleId, s => s.Id, (l, _) => new { l.OriginalLineId, l.Quantity })
            .ToListAsync(ct);
        foreach (var group in requested.GroupBy(r => r.OriginalLineId))
        {
            var line = original.Lines.FirstOrDefault(l => l.Id == group.Key)
                ?? throw DomainException.NotFound(ReturnErrors.LineNotFound, $"Receipt {original.ReceiptNumber} has no line {group.Key}.");
            var quantity = group.Sum(r => r.Quantity);
            Sale.EnsureValidQuantity(line.Unit, quantity);
            // Return lines hold negative quantities.
            var already = -returned.Where(r => r.OriginalLineId == line.Id).Sum(r => r.Quantity);
            var refund = ReturnRules.RefundFor(line, already, quantity);
            ret.AddReturnLine(Guid.CreateVersion7(), line, quantity, refund, original.Promotions);
        }
    }

    /// <summary>The original's tenders less what its completed returns paid back, and the cash those returns paid out.</summary>
    private async Task<RefundHistory> RefundHistoryAsync(Sale original, CancellationToken ct)
    {
        var earlierRefunds = await db.Payments.AsNoTracking()
            .Where(p => db.Sales.Any(s => s.Id == p.SaleId && s.OriginalSaleId == original.Id && s.Status == SaleStatus.Completed))
            .ToListAsync(ct);
        return RefundHistory.Of(original, earlierRefunds);
    }

    private async Task<Product> FindProductAsync(UnreceiptedReturnLine item, VariableMeasureTable codes, CancellationToken ct)
    {
        if (item.ProductId is { } id)
            return await catalog.FindProductAsync(id, ct);
        if (item.Barcode is null)
            throw DomainException.Invalid(ReturnErrors.Product, "Each returned product needs a productId or a barcode.");
        var code = ScannedCode.Parse(item.Barcode, codes) switch
        {
            ScannedCode.TradeItem t => t.Gtin,
            ScannedCode.VariableMeasure v => v.Code.ItemCode,
            ScannedCode.Gs1Label g => g.Gtin,
            _ => item.Barcode,
        };
        return await catalog.FindByBarcodeAsync(code, ct)
            ?? throw DomainException.NotFound(BarcodeErrors.Unknown, $"No product has barcode {item.Barcode.Trim()}.");
    }
}
