using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Kasse.Data.Sqlite;

/// <summary>
/// Copies a database's write-ahead log into the database file in the background (a PASSIVE checkpoint twice a second, on
/// its own connection), so that no till's commit does it. SQLite's own automatic checkpoint runs inside the commit that
/// takes the log past 1,000 pages, while that writer holds the write queue (<see cref="WriteTransaction"/>): every till
/// then waited for a copy of megabytes and a sync of the database file, and a scan or a send to the kitchen took a
/// hundred milliseconds now and then. Kasse's connections turn the automatic checkpoint off (SqliteDatabase) and this
/// does it instead; a passive checkpoint waits for no reader or writer and syncs the log before and the database after
/// (synchronous=FULL on its connection), so what was durable stays durable.
/// </summary>
public sealed class WalCheckpointer
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    private static readonly ConcurrentDictionary<string, WalCheckpointer> Files = new(StringComparer.Ordinal);

    private readonly string _path;

    private WalCheckpointer(string path) => _path = path;

    /// <summary>Starts the checkpoints of a database file, once per file and process; they stop when the file is gone.</summary>
    public static void Start(string databasePath)
    {
        var path = Path.GetFullPath(databasePath);
        if (Files.ContainsKey(path))
            return;
        var checkpointer = new WalCheckpointer(path);
        if (!Files.TryAdd(path, checkpointer))
            return;
        // The process's, not the request's that opened the first connection: no execution context carried along.
        using (ExecutionContext.SuppressFlow())
            _ = Task.Run(checkpointer.RunAsync);
    }

    private async Task RunAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync() && File.Exists(_path))
            {
                try
                {
                    await using var connection = new SqliteConnection(connectionString);
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync();
                }
                catch (SqliteException)
                {
                    // Busy or gone: the next tick tries again, or ends the loop once the file is gone.
                }
            }
        }
        finally
        {
            Files.TryRemove(_path, out _);
        }
    }
}
