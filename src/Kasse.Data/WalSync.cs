using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;

namespace Kasse.Data;

/// <summary>
/// Group commit for SQLite in WAL mode. A durable transaction commits with <c>synchronous=NORMAL</c> (its pages reach
/// the WAL file in the OS's cache, in commit order) and then waits here until the WAL file has been synced to disk. One
/// sync makes every transaction committed before it began durable, so the tills that commit while a sync runs share the
/// next one: under load a sync costs a fraction of a sale instead of one each, while nothing is acknowledged before it
/// is on disk, as with <c>synchronous=FULL</c>.
/// </summary>
/// <remarks>
/// Sound because SQLite writes WAL frames in order and, at <c>synchronous=NORMAL</c>, itself syncs the WAL before a
/// checkpoint copies it and the database after; a WAL file that is gone has been checkpointed into the synced database.
/// The WAL's folder is synced too, for a WAL file SQLite created since the last sync (cheap when nothing changed). SQLite locks the
/// database and the -shm file, never the -wal file, so opening and closing the WAL here disturbs no lock of its.
/// </remarks>
public sealed partial class WalSync
{
    public const string MeterName = "Kasse.Data";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("kasse.db.write_batch.size", "{transaction}",
        "Durable SQLite transactions made durable by one sync of the write-ahead log (group commit)",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });

    private static readonly ConcurrentDictionary<string, WalSync> Files = new(StringComparer.Ordinal);

    private readonly string _walPath;
    private readonly object _gate = new();
    private TaskCompletionSource? _next;
    private int _nextWaiters;
    private bool _syncing;

    private WalSync(string databasePath) => _walPath = databasePath + "-wal";

    /// <summary>The group commit of one database file (by its full path).</summary>
    public static WalSync For(string databasePath) => Files.GetOrAdd(Path.GetFullPath(databasePath), path => new WalSync(path));

    /// <summary>Heard after every sync, with how many transactions it made durable (for tests and diagnostics).</summary>
    public event Action<int>? Synced;

    /// <summary>
    /// Completes once everything committed to this database before the call is on disk. Call it after the commit; the
    /// waiters that arrive while a sync runs are served together by the next one.
    /// </summary>
    public Task SyncAsync()
    {
        lock (_gate)
        {
            _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _nextWaiters++;
            var mine = _next.Task;
            if (!_syncing)
            {
                _syncing = true;
                _ = Task.Run(SyncWhileWaitedFor);
            }
            return mine;
        }
    }

    private void SyncWhileWaitedFor()
    {
        while (true)
        {
            TaskCompletionSource batch;
            int waiters;
            lock (_gate)
            {
                if (_next is null)
                {
                    _syncing = false;
                    return;
                }
                // Everyone in this batch committed before asking, so the sync that starts now covers them all.
                batch = _next;
                waiters = _nextWaiters;
                _next = null;
                _nextWaiters = 0;
            }
            try
            {
                SyncWal();
                BatchSize.Record(waiters);
                Synced?.Invoke(waiters);
                batch.SetResult();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                batch.SetException(new IOException($"The database's write-ahead log {_walPath} could not be synced to disk: {e.Message}", e));
            }
        }
    }

    private void SyncWal()
    {
        FileStream wal;
        try
        {
            // Write access, because .NET syncs only a file it may write; nothing is written.
            wal = new FileStream(_walPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (FileNotFoundException)
        {
            return; // checkpointed and removed: the synced database file holds it all
        }
        using (wal)
            wal.Flush(flushToDisk: true);
        SyncFolder(Path.GetDirectoryName(_walPath)!);
    }

    /// <summary>A new file's name is durable once its folder is synced (POSIX); Windows (NTFS) journals names itself.</summary>
    private static void SyncFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            return;
        var handle = Posix.open(folder, Posix.ReadOnly);
        if (handle < 0)
            throw new IOException($"Could not open the folder {folder} to sync it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Posix.fsync(handle) != 0)
                throw new IOException($"Could not sync the folder {folder} (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Posix.close(handle);
        }
    }

    private static partial class Posix
    {
        public const int ReadOnly = 0;

        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial int open(string path, int flags);

        [LibraryImport("libc", SetLastError = true)]
        public static partial int fsync(int handle);

        [LibraryImport("libc", SetLastError = true)]
        public static partial int close(int handle);
    }
}
