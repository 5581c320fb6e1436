using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kasse.Data;

/// <summary>
/// A write transaction. On SQLite, writers of this process queue on an in-process gate (first come, first served)
/// before BEGIN IMMEDIATE instead of in SQLite's busy handler, which sleeps in steps of up to 100 ms and leaves the
/// write lock idle while tills wait; and the commit's <see cref="Durability"/> is set here, before BEGIN (SQLite
/// refuses to change it inside a transaction), and put back to durable afterwards.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    /// <summary>As long as SQLite's busy timeout: a writer stuck longer than that would have failed anyway.</summary>
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly KasseDbContext _db;
    private readonly SemaphoreSlim? _gate;
    private readonly bool _connectionOpened;
    private readonly Durability _durability;

    private WriteTransaction(KasseDbContext db, IDbContextTransaction transaction, SemaphoreSlim? gate, bool connectionOpened, Durability durability)
    {
        _db = db;
        Transaction = transaction;
        _gate = gate;
        _connectionOpened = connectionOpened;
        _durability = durability;
    }

    public IDbContextTransaction Transaction { get; }

    internal static bool IsSqlite(KasseDbContext db) => db.IsSqlite;

    /// <summary>
    /// True where the write transaction itself holds the database's one write lock (SQLite: BEGIN IMMEDIATE), so writers
    /// already run one at a time and rows need no locks of their own.
    /// </summary>
    public static bool SerialisesWriters(KasseDbContext db) => db.IsSqlite;

    public static async Task<WriteTransaction> BeginAsync(KasseDbContext db, Durability durability, CancellationToken ct)
    {
        if (!IsSqlite(db))
            return new WriteTransaction(db, await db.Database.BeginTransactionAsync(ct), null, false, durability);

        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        // Past the timeout, go on without the gate and let SQLite's busy timeout decide, as without a gate.
        var gated = await gate.WaitAsync(GateTimeout, ct);
        var opened = false;
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            opened = true;
            // Every connection opens durable (see SqliteDatabase), so only a lighter commit needs saying.
            if (durability != Durability.Durable)
                await PragmaAsync(db, SynchronousPragma(durability), ct);
            var transaction = await db.Database.BeginTransactionAsync(ct);
            return new WriteTransaction(db, transaction, gated ? gate : null, opened, durability);
        }
        catch
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
            if (gated)
                gate.Release();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken ct) => Transaction.CommitAsync(ct);

    public Task RollbackAsync(CancellationToken ct) => Transaction.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync();
            if (_connectionOpened)
            {
                // Pooled connections keep their settings: leave this one durable for whoever uses it next.
                if (_durability != Durability.Durable)
                    await PragmaAsync(_db, SynchronousPragma(Durability.Durable), CancellationToken.None);
                await _db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            _gate?.Release();
        }
    }

    /// <summary>Straight on the connection, outside any transaction: EF's raw-SQL path costs more than the pragma itself.</summary>
    private static async Task PragmaAsync(KasseDbContext db, string pragma, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The SQLite setting behind each durability (WAL mode): FULL syncs the WAL at every commit, NORMAL at checkpoints.</summary>
    public static string SynchronousPragma(Durability durability) => durability switch
    {
        Durability.Durable => "PRAGMA synchronous=FULL",
        Durability.OpenSaleEdit => "PRAGMA synchronous=NORMAL",
    };
}
