using Kasse.Application.Staff;
using Kasse.Domain.Staff;

namespace Kasse.Application.Sales;

/// <summary>
/// The front door for the papers a till prints about a sale — the original, the one copy, a delivery note, a
/// provisional bill — from the till and the API alike. Each is journaled by <see cref="ReceiptService"/>; printing
/// needs the caller's Sell.
/// </summary>
public sealed class ReceiptUseCases(ReceiptService receipts, CurrentActor actor)
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

    public Task<PrintedReceipt> ProvisionalAsync(Guid saleId, int width, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return receipts.ProvisionalAsync(saleId, width, ct);
    }
}
