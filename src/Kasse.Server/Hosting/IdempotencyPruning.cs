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
    ILogger<IdempotencyPruning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.PruneEvery, clock);
        try
        {
            do
                await PruneOnceAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PruneOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
            var before = clock.GetUtcNow() - settings.KeepFor;
            var deleted = await db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
            if (deleted > 0)
                logger.LogInformation("Deleted {Count} stored idempotent answers older than {Before:O}.", deleted, before);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may be away for a moment (a restart); the next round catches up.
            logger.LogWarning(e, "Could not delete old idempotent answers; trying again in {Interval}.", settings.PruneEvery);
        }
    }
}
