using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kasse.Data;

/// <summary>
/// Tells the context when its transaction ends: after the commit, the in-memory caches once more that a transaction
/// changed what they hold, and the work queued with <see cref="KasseDbContext.AfterCommit"/> runs; a rollback (or a
/// new transaction after one disposed without a commit) drops that work.
/// </summary>
public sealed class CachedDataCommits : DbTransactionInterceptor
{
    public static readonly CachedDataCommits Instance = new();

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        (eventData.Context as KasseDbContext)?.TransactionEnded();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as KasseDbContext)?.TransactionEnded();
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as KasseDbContext)?.Committed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as KasseDbContext)?.Committed();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as KasseDbContext)?.TransactionEnded();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as KasseDbContext)?.TransactionEnded();
        return Task.CompletedTask;
    }
}
