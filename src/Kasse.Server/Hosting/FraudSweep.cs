using Kasse.Application.Staff;
using Kasse.Data;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Hosting;

/// <summary>The daily evaluation: every hour, yesterday and today of every store, so nothing waits for the next suspicious event.</summary>
public sealed class FraudSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FraudSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
                var detector = scope.ServiceProvider.GetRequiredService<FraudDetector>();
                foreach (var store in await db.Stores.AsNoTracking().ToListAsync(stoppingToken))
                {
                    var today = store.BusinessDayOf(clock.GetUtcNow());
                    await detector.EvaluateAsync(store.Id, today.AddDays(-1), stoppingToken);
                    await detector.EvaluateAsync(store.Id, today, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The fraud sweep failed; it tries again in an hour.");
            }
        }
    }
}
