using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kasse.Data;

/// <summary>Tells the in-memory caches once more, after the commit, that a transaction changed what they hold.</summary>
public sealed class CachedDataCommits : DbTransactionInterceptor
{
    public static readonly CachedDataCommits Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as KasseDbContext)?.Committed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as KasseDbContext)?.Committed();
        return Task.CompletedTask;
    }
}
