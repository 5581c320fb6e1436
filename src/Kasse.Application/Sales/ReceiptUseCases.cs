using Kasse.Application.Staff;
using Kasse.Data;
using Microsoft.EntityFrameworkCore;
using Kasse.Domain.Staff;

namespace Kasse.Application.Sales;

/// <summary>
/// The front door for the papers a till prints about a sale — the original, the one copy, a delivery note, a
/// provisional bill — from the till and the API alike. Each is journaled by <see cref="ReceiptService"/>; printing
/// needs the caller's Sell.
/// </summary>
public sealed class ReceiptUseCases(ReceiptService receipts, CurrentActor actor, KasseDbContext db, Restaurant.FloorNotifier floor)
{
    public Task<bool> PrintOriginalAsync(Guid saleId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return receipts.PrintOriginalAsync(saleId, ct);
    }

    public Task<PrintedReceipt> CopyAsync(Guid saleId, int width, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return receipts.CopyAsync(saleId, width, ct);
    }

    public Task<PrintedReceipt> DeliveryAsync(Guid saleId, int width, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return receipts.DeliveryAsync(saleId, width, ct);
    }

    public async Task<PrintedReceipt> ProvisionalAsync(Guid saleId, int width, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        var printed = await receipts.ProvisionalAsync(saleId, width, ct);
        // The bill of a table's sale is asked for: the floor shows it.
        var seated = await db.Sales.AsNoTracking().Where(s => s.Id == saleId && (s.TableId != null || s.TabName != null))
            .Select(s => (Guid?)s.StoreId).FirstOrDefaultAsync(ct);
        if (seated is { } storeId)
            floor.Tell(storeId);
        return printed;
    }
}
