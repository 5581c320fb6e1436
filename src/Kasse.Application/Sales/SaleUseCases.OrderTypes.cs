using Kasse.Application.Staff;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Sales;

/// <summary>Eat-in, takeaway or delivery on an open sale (docs/restaurant.md, "Order types").</summary>
public sealed partial class SaleUseCases
{
    /// <summary>
    /// Sets (or clears) the sale's order type. Where the store taxes the types differently (its order-type VAT rules), each product
    /// line gets the rate for the new type, from its product's own rate; free-text lines and a combo's parts keep theirs.
    /// </summary>
    public async Task<SaleView> SetOrderTypeAsync(Guid saleId, SetOrderType command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        await KioskOwnsAsync(saleId, ct);
        var current = await sales.GetAsync(saleId, ct);
        Caller.EnsureMayActIn(current.StoreId);
        var productIds = current.Lines.Where(l => l.ProductId is not null && l.ParentLineId is null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var productRates = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => new { p.Id, p.VatPercent }).ToListAsync(ct);
        var rateOf = productRates.ToDictionary(p => p.Id, p => p.VatPercent);
        OrderType? before = null;
        var changed = await sales.EditAsync(saleId, (sale, store) =>
        {
            before = sale.OrderType;
            sale.SetOrderType(command.OrderType, store,
                line => line.ParentLineId is null && line.ProductId is { } id && rateOf.TryGetValue(id, out var percent) ? percent : null);
            return Task.CompletedTask;
        }, ct);
        if (before != changed.OrderType)
        {
            var table = changed.TableId is { } tableId ? await db.DiningTables.AsNoTracking().Where(t => t.Id == tableId).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
            var at = table is not null ? new AuditTexts.Place("table", table)
                : changed.TabName is { } tab ? new AuditTexts.Place("tab", tab) : new AuditTexts.Place("sale", changed.Id.ToString());
            Audit.Record(AuditAction.OrderTypeChanged, AuditTexts.OrderTypeChanged(before, changed.OrderType, at),
                subject: "sale:" + saleId, storeId: changed.StoreId,
                before: new { OrderType = before?.ToString() }, after: new { OrderType = changed.OrderType?.ToString() });
            await db.SaveChangesAsync(ct);
        }
        return changed;
    }
}
