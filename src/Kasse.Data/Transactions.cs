using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

public static class Transactions
{
    /// <summary>
    /// Runs work in a transaction, joining one already open on this context (e.g. the idempotency
    /// middleware's), so the recorded answer and the change it describes commit together.
    /// On SQLite, Microsoft.Data.Sqlite begins transactions IMMEDIATE, and <see cref="WriteTransaction"/> queues this
    /// process's writers before that, so they wait their turn instead of polling the lock.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this KasseDbContext db, Func<Task<T>> work, CancellationToken ct) =>
        db.InTransactionAsync(Durability.Durable, work, ct);

    /// <summary>As above, committed with the given durability (a joined transaction keeps the one it was begun with).</summary>
    public static async Task<T> InTransactionAsync<T>(this KasseDbContext db, Durability durability, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work();
        await using var transaction = await WriteTransaction.BeginAsync(db, durability, ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Runs a create-by-client-id once more if it lost a race to the same id (a double tap arriving on two
    /// connections): the second run finds what the first created and answers with it, instead of a conflict.
    /// Inside an outer transaction the caller's own handling applies (the idempotency middleware replays).
    /// </summary>
    public static async Task<T> CreateOnceAsync<T>(this KasseDbContext db, Func<Task<T>> create)
    {
        try
        {
            return await create();
        }
        catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
        {
            db.ChangeTracker.Clear();
            return await create();
        }
    }

    /// <summary>
    /// Makes commands on one sale run one at a time for the rest of the write transaction: where the write transaction
    /// already holds the database's one write lock (<see cref="WriteTransaction.SerialisesWriters"/>, SQLite's BEGIN
    /// IMMEDIATE) the sale's row needs no lock of its own; elsewhere it is locked. False only when the lock found no such
    /// sale; where nothing is locked, the caller learns that when it loads the sale.
    /// </summary>
    public static async Task<bool> TakeSaleTurnAsync(this KasseDbContext db, Guid saleId, CancellationToken ct) =>
        WriteTransaction.SerialisesWriters(db) || await db.LockSaleAsync(saleId, ct) > 0;

    /// <summary>
    /// Begins what a long read over many queries (an export file) needs to see one state of the data, until disposed:
    /// on PostgreSQL a REPEATABLE READ transaction. On SQLite nothing: its readers never block the tills and, in WAL
    /// mode, see the data committed when each query starts.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginReadSnapshotAsync(this KasseDbContext db, CancellationToken ct) =>
        db.IsSqlite ? NoSnapshot.Instance : await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

    private sealed class NoSnapshot : IAsyncDisposable
    {
        public static readonly NoSnapshot Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Locks a sale's row for the rest of the transaction, so commands on one sale run one at a time.</summary>
    public static Task<int> LockSaleAsync(this KasseDbContext db, Guid saleId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""UPDATE "Sales" SET "Version" = "Version" + 1 WHERE "Id" = {saleId}""", ct);
}
