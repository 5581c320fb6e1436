using Kasse.Application.Hosting;
using Kasse.Application.Staff;
using Kasse.Data;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Hosting;

/// <summary>The daily evaluation: every hour, yesterday and today of every store, so nothing waits for the next suspicious event.</summary>
public sealed class FraudSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FraudSweep> logger)
    : BackgroundLoop(TimeSpan.FromHours(1), clock, logger)
{
    // The first sweep an hour after start, as with the periodic timer it replaces.
    protected override bool RunsAtStart => false;

    protected override async Task<TimeSpan> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var detector = scope.ServiceProvider.GetRequiredService<FraudDetector>();
        foreach (var store in await db.Stores.AsNoTracking().ToListAsync(ct))
        {
            var today = store.BusinessDayOf(Clock.GetUtcNow());
            await detector.EvaluateAsync(store.Id, today.AddDays(-1), ct);
            await detector.EvaluateAsync(store.Id, today, ct);
        }
        return Interval;
    }
}
