using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kasse.Server.Api;

/// <summary>
/// Tells a database that is away or full from a request that is wrong: the first are the server's trouble (503, 507)
/// and pass; the second is the client's (4xx).
/// </summary>
public static class DatabaseFailure
{
    // SQLite result codes (sqlite.org/rescode.html): the primary code is the low byte of an extended one.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    public static bool IsDiskFull(Exception exception) => Chain(exception).Any(e =>
        e is SqliteException { SqliteErrorCode: SqliteFull }
        || (e is SqliteException sqlite && (sqlite.SqliteExtendedErrorCode & 0xff) == SqliteFull)
        // PostgreSQL 53100 disk_full.
        || e is PostgresException { SqlState: PostgresErrorCodes.DiskFull }
        || (e is IOException io && io.HResult == 28 /* ENOSPC */));

    public static bool IsUnavailable(Exception exception) => Chain(exception).Any(e =>
        e is System.Net.Sockets.SocketException or TimeoutException
        || e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError or SqliteCantOpen }
        // Class 08 connection exception, 57P01–57P03 shut down or starting up, 53 out of resources.
        || e is PostgresException pg && (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal))
        || e is NpgsqlException { IsTransient: true }
        || e is NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException });

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            yield return e;
    }
}
