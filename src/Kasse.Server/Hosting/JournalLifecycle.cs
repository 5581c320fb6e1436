using Kasse.Application;
using Kasse.Application.Fiscal;
using Kasse.Data;
using Kasse.Domain.Fiscal;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Hosting;

/// <summary>Writes "POS application start" and "shut down" (SAF-T 13001/13002) to every store's journal.</summary>
internal sealed class JournalLifecycle(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JournalLifecycle> logger) : IHostedService
{
    private static readonly string Version = typeof(JournalLifecycle).Assembly.GetName().Version?.ToString() ?? "0";

    public Task StartAsync(CancellationToken cancellationToken) => RecordAsync(JournalEventKind.ApplicationStarted, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => RecordAsync(JournalEventKind.ApplicationStopped, cancellationToken);

    private async Task RecordAsync(JournalEventKind kind, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
            var journal = scope.ServiceProvider.GetRequiredService<FiscalJournal>();
            await db.InTransactionAsync(async () =>
            {
                var now = clock.Now();
                foreach (var storeId in await db.Stores.Select(s => s.Id).ToListAsync(ct))
                    await journal.AppendAsync(storeId, now, kind, null, null, null, FiscalPayload.ForApplication(Version), ct);
                return await db.SaveChangesAsync(ct);
            }, ct);
        }
        catch (Exception e) when (kind == JournalEventKind.ApplicationStopped && e is not OperationCanceledException)
        {
            // Shutting down must not hang on a database that has gone away; the gap shows in the journal.
            logger.LogWarning(e, "Could not record the shut-down in the journal.");
        }
    }
}
