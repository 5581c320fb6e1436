using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Inventory;

/// <summary>Transfers between locations or stores: out of the sender when sent, in transit, into the receiver when received.</summary>
public sealed class TransferService(KasseDbContext db, StockLedger ledger, TimeProvider clock)
{
    public Task<TransferView> SendAsync(SendTransfer command, CancellationToken ct) => db.CreateOnceAsync(() => db.InTransactionAsync(async () =>
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(TransferErrors.Id, "Give the transfer an id (a new UUID).");
        if (await db.StockTransfers.FirstOrDefaultAsync(t => t.Id == command.Id, ct) is { } existing)
            return TransferView.From(existing);
        await LocationService.FindAsync(db, command.FromLocationId, ct);
        await LocationService.FindAsync(db, command.ToLocationId, ct);
        var transfer = new StockTransfer(command.Id, command.FromLocationId, command.ToLocationId, clock.Now());
        if (command.Lines.Count == 0)
            throw DomainException.Invalid(TransferErrors.Empty, "Say what to transfer: at least one product and quantity.");
        foreach (var line in command.Lines)
        {
            await StockService.FindProductAsync(db, line.ProductId, ct);
            transfer.Add(line.ProductId, line.Quantity);
        }
        db.StockTransfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        await ledger.BookAsync(transfer.Lines.Select(l => new StockMove(transfer.FromLocationId, l.ProductId, MovementKind.TransferOut, -l.Quantity,
            "Transfer", transfer.Id)), ct);
        return TransferView.From(transfer);
    }, ct));

    public async Task<TransferView> GetAsync(Guid id, CancellationToken ct) => TransferView.From(await FindAsync(id, ct));

    /// <summary>Transfers out of or into any of the store's locations, newest first (?status=InTransit for what is on its way).</summary>
    public async Task<IReadOnlyList<TransferView>> ListAsync(Guid storeId, TransferStatus? status, CancellationToken ct)
    {
        var locationIds = await db.StockLocations.Where(l => l.StoreId == storeId).Select(l => l.Id).ToListAsync(ct);
        var transfers = db.StockTransfers.AsNoTracking().Where(t => locationIds.Contains(t.FromLocationId) || locationIds.Contains(t.ToLocationId));
        if (status is not null)
            transfers = transfers.Where(t => t.Status == status);
        return (await transfers.OrderByDescending(t => t.SentAt).Take(200).ToListAsync(ct)).Select(TransferView.From).ToList();
    }

    /// <summary>What arrived goes in at the receiver; what was sent but did not arrive stays recorded on the line (sent vs received) as lost in transit.</summary>
    public Task<TransferView> ReceiveAsync(Guid id, ReceiveTransfer command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var transfer = await FindAsync(id, ct);
        var received = command.Lines?.GroupBy(l => l.ProductId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        transfer.Receive(received, clock.Now());
        await db.SaveChangesAsync(ct);
        var moves = transfer.Lines.Where(l => l.Received > 0m)
            .Select(l => new StockMove(transfer.ToLocationId, l.ProductId, MovementKind.TransferIn, l.Received!.Value, "Transfer", transfer.Id)).ToList();
        await ledger.BookAsync(moves, ct);
        return TransferView.From(transfer);
    }, ct);

    /// <summary>Calls a transfer back while in transit: the goods go back into the sender.</summary>
    public Task<TransferView> CancelAsync(Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var transfer = await FindAsync(id, ct);
        transfer.Cancel(clock.Now());
        await db.SaveChangesAsync(ct);
        await ledger.BookAsync(transfer.Lines.Select(l => new StockMove(transfer.FromLocationId, l.ProductId, MovementKind.TransferIn, l.Quantity,
            "Transfer cancelled", transfer.Id)), ct);
        return TransferView.From(transfer);
    }, ct);

    private async Task<StockTransfer> FindAsync(Guid id, CancellationToken ct) =>
        await db.StockTransfers.FirstOrDefaultAsync(t => t.Id == id, ct)
        ?? throw DomainException.NotFound(TransferErrors.NotFound, $"No transfer has id {id}.");
}
