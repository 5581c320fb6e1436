using Kasse.Application.Hosting;
using Microsoft.Extensions.Options;

namespace Kasse.Server.Operations;

/// <summary>
/// The server's own backups: every <c>Kasse:Backup:EveryHours</c> (off at 0, the default) a backup to
/// <c>Kasse:Backup:Folder</c>, then all but the newest <c>Kasse:Backup:Keep</c> are deleted. The next one is due an
/// interval after the newest backup in the folder, so a server restarted every night still backs up on time.
/// </summary>
public sealed partial class BackupSchedule(DatabaseBackups backups, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupSchedule> logger)
    : BackgroundLoop(Every(options.Value) ?? TimeSpan.FromDays(1), clock, logger)
{
    private static TimeSpan? Every(BackupOptions options) => options.EveryHours > 0 ? TimeSpan.FromHours(options.EveryHours) : null;

    protected override async Task<TimeSpan> RunOnceAsync(CancellationToken ct)
    {
        if (Every(options.Value) is not { } every)
            return Interval;
        var folder = backups.Folder;
        var newest = DatabaseBackups.List(folder).FirstOrDefault();
        var since = Clock.GetUtcNow() - (newest?.Manifest.CreatedUtc ?? DateTimeOffset.MinValue);
        if (since < every)
            return every - since;
        try
        {
            var made = await backups.BackupAsync("scheduled", folder, ct);
            var deleted = DatabaseBackups.Prune(folder, options.Value.Keep);
            LogBackedUp(made.Path, made.Manifest.Bytes, deleted.Count, options.Value.Keep);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A failed backup is an error an operator must see; it is tried again sooner than a whole interval later.
            LogFailed(e, folder);
            return every < TimeSpan.FromMinutes(15) ? every : TimeSpan.FromMinutes(15);
        }
        return every;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled backup written to {Path} ({Bytes} bytes); {Deleted} older deleted, the newest {Keep} kept")]
    private partial void LogBackedUp(string path, long bytes, int deleted, int keep);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled backup to {Folder} FAILED")]
    private partial void LogFailed(Exception exception, string folder);
}
