using Kasse.Data;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.CashControl;

internal static class CashControlLocks
{
    /// <summary>
    /// Locks the register's row for the rest of the transaction: a sale completing on it (which takes its
    /// receipt number from that row) waits, so a count or a Z report sees every receipt or none of it.
    /// </summary>
    public static async Task LockRegisterAsync(this KasseDbContext db, Guid registerId, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE "Registers" SET "LastReceiptNumber" = "LastReceiptNumber" WHERE "Id" = {registerId}""", ct);

    /// <summary>
    /// Locks the store's journal head and answers its last sequence. Every entry up to it is committed
    /// and visible, and the caller's own entry will be the next one.
    /// </summary>
    public static async Task<long> LockJournalAsync(this KasseDbContext db, Guid storeId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""UPDATE "JournalHeads" SET "LastSequence" = "LastSequence" WHERE "StoreId" = {storeId}""", ct);
        return await db.JournalHeads.AsNoTracking().Where(h => h.StoreId == storeId).Select(h => h.LastSequence).SingleAsync(ct);
    }
}
