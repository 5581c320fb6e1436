using Kasse.Application.Hosting;
using Kasse.Data;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Hosting;

/// <summary>How long a stored answer to an Idempotency-Key is kept, and how often old ones are deleted.</summary>
public sealed record IdempotencySettings(TimeSpan KeepFor, TimeSpan PruneEvery)
{
    public const string KeepDaysKey = "Kasse:Idempotency:KeepDays";
    public const string PruneIntervalKey = "Kasse:Idempotency:PruneIntervalSeconds";
}

/// <summary>
/// Deletes stored Idempotency-Key answers past their useful life, at start and then periodically, so the table
/// stays the size of a week's requests instead of growing with every request ever made.
/// </summary>
public sealed class IdempotencyPruning(IServiceScopeFactory scopes, IdempotencySettings settings, TimeProvider clock,
    ILogger<IdempotencyPruning> logger) : BackgroundLoop(settings.PruneEvery, clock, logger)
{
    protected override async Task<TimeSpan> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var before = Clock.GetUtcNow() - settings.KeepFor;
        var deleted = await db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
        if (deleted > 0)
            Logger.LogInformation("Deleted {Count} stored idempotent answers older than {Before:O}.", deleted, before);
        return Interval;
    }
}
