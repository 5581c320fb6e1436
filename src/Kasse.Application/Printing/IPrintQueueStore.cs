using Kasse.Data;
using Kasse.Domain.Devices;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Printing;

/// <summary>
/// What the device worker that sends the print queue reads and changes, so devices talk to the application and never to
/// the database. One per scope: the jobs and printers it hands out are tracked, and <see cref="SaveAsync"/> writes their changes.
/// </summary>
public interface IPrintQueueStore
{
    /// <summary>Jobs left "sending", by a stop mid-send.</summary>
    Task<List<PrintJob>> SendingAsync(CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> printers with a queued job whose next try is due.</summary>
    Task<List<Guid>> PrintersWithDueJobsAsync(DateTimeOffset now, int max, CancellationToken ct);

    Task<Printer> PrinterAsync(Guid printerId, CancellationToken ct);

    /// <summary>The printer's queued jobs, oldest first; all of them, or the <paramref name="max"/> oldest.</summary>
    Task<List<PrintJob>> QueuedAsync(Guid printerId, int? max, CancellationToken ct);

    /// <summary>
    /// Marks a queued job "sending" in the database before a byte goes out, so a second node or a restart never sends it
    /// again unmarked; false when it is no longer queued.
    /// </summary>
    Task<bool> ClaimAsync(Guid jobId, CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> printers not asked how they are since <paramref name="before"/>.</summary>
    Task<List<Printer>> PrintersToProbeAsync(DateTimeOffset before, int max, CancellationToken ct);

    Task SaveAsync(CancellationToken ct);
}

internal sealed class PrintQueueStore(KasseDbContext db) : IPrintQueueStore
{
    public Task<List<PrintJob>> SendingAsync(CancellationToken ct) =>
        db.PrintJobs.Where(j => j.Status == PrintJobStatus.Sending).ToListAsync(ct);

    public Task<List<Guid>> PrintersWithDueJobsAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        db.PrintJobs.Where(j => j.Status == PrintJobStatus.Queued && j.NextAttemptAt <= now)
            .Select(j => j.PrinterId).Distinct().Take(max).ToListAsync(ct);

    public Task<Printer> PrinterAsync(Guid printerId, CancellationToken ct) => db.Printers.FirstAsync(p => p.Id == printerId, ct);

    public Task<List<PrintJob>> QueuedAsync(Guid printerId, int? max, CancellationToken ct)
    {
        var queued = db.PrintJobs.Where(j => j.PrinterId == printerId && j.Status == PrintJobStatus.Queued);
        return max is { } take ? queued.OrderBy(j => j.QueuedAt).Take(take).ToListAsync(ct) : queued.ToListAsync(ct);
    }

    public async Task<bool> ClaimAsync(Guid jobId, CancellationToken ct) =>
        await db.PrintJobs.Where(j => j.Id == jobId && j.Status == PrintJobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, PrintJobStatus.Sending), ct) > 0;

    public Task<List<Printer>> PrintersToProbeAsync(DateTimeOffset before, int max, CancellationToken ct) =>
        db.Printers.Where(p => p.StateCheckedAt == null || p.StateCheckedAt < before).Take(max).ToListAsync(ct);

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
