using Kasse.Data;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Fiscal;

/// <summary>
/// Appends to a store's electronic journal inside the transaction of the change it records, so a sale and
/// its journal entry are saved together or not at all. The caller's SaveChanges writes the entry.
/// </summary>
public sealed class FiscalJournal(KasseDbContext db, Kasse.Application.Staff.CurrentActor actor)
{
    public async Task<JournalEntry> AppendAsync(Guid storeId, DateTimeOffset at, JournalEventKind kind, Guid? registerId, Guid? employeeId,
        Guid? saleId, string payload, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("The journal is written only inside the transaction of the change it records.");
        // The lock on the store's journal head is held until commit, so the chain can't fork.
        var head = await db.LockJournalHeadAsync(storeId, ct);
        if (head is null)
        {
            db.JournalHeads.Add(new JournalHead { StoreId = storeId, LastSequence = 0 });
            await db.SaveChangesAsync(ct);
            head = new JournalHeadRow { LastSequence = 0, LastHash = JournalEntry.Genesis };
        }
        var entry = JournalEntry.Append(head.LastSequence, head.LastHash, storeId, at, kind, registerId, employeeId, saleId, payload);
        await db.SetJournalHeadAsync(storeId, entry.Sequence, entry.Hash, ct);
        db.JournalEntries.Add(entry);
        return entry;
    }

    /// <summary>A completed sale or return: the receipt's full fiscal content.</summary>
    public Task<JournalEntry> ReceiptAsync(Sale sale, CancellationToken ct) =>
        AppendAsync(sale.StoreId, sale.ClosedAt!.Value,
            sale.IsTraining ? JournalEventKind.TrainingReceipt : sale.Kind == SaleKind.Return ? JournalEventKind.ReturnCompleted : JournalEventKind.SaleCompleted,
            sale.RegisterId, sale.CashierId, sale.Id, FiscalPayload.ForSale(sale), ct);

    /// <summary>
    /// An event of an open sale (parked, resumed, voided): its employee is the signed-in employee who did it; for an API key
    /// or the command line, which are no employee, the sale's cashier — the one that key serves, recorded when it opened the sale.
    /// </summary>
    public Task<JournalEntry> SaleEventAsync(Sale sale, JournalEventKind kind, DateTimeOffset at, CancellationToken ct) =>
        AppendAsync(sale.StoreId, at, kind, sale.RegisterId, actor.Value.EmployeeId ?? sale.CashierId, sale.Id, FiscalPayload.ForSaleEvent(sale), ct);
}
