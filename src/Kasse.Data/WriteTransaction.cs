using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kasse.Data;

/// <summary>
/// A write transaction. On SQLite, writers of this process queue on an in-process gate (first come, first served)
/// before BEGIN IMMEDIATE instead of in SQLite's busy handler, which sleeps in steps of up to 100 ms and leaves the
/// write lock idle while tills wait; and the commit's <see cref="Durability"/> is set here, before BEGIN (SQLite
/// refuses to change it inside a transaction), and put back to durable afterwards. Every SQLite write transaction
/// commits without a sync of its own; a durable one then hands the gate to the next writer and waits for the group
/// commit (<see cref="WalSync"/>), and what it queued with <see cref="KasseDbContext.AfterCommit"/> runs only once
/// the commit is on disk.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    /// <summary>As long as SQLite's busy timeout: a writer stuck longer than that would have failed anyway.</summary>
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly KasseDbContext _db;
    private readonly SemaphoreSlim? _gate;
    private readonly bool _connectionOpened;
    private readonly WalSync? _groupCommit;
    private bool _released;

    private WriteTransaction(KasseDbContext db, IDbContextTransaction transaction, SemaphoreSlim? gate, bool connectionOpened, WalSync? groupCommit)
    {
        _db = db;
        Transaction = transaction;
        _gate = gate;
        _connectionOpened = connectionOpened;
        _groupCommit = groupCommit;
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
        // A failed save inside one of these transactions fails the whole transaction (nothing goes on after it), so the
        // savepoint EF would set around every save is two statements for nothing (two round trips on PostgreSQL).
        db.Database.AutoSavepointsEnabled = false;
        if (!IsSqlite(db))
            return new WriteTransaction(db, await db.Database.BeginTransactionAsync(ct), null, false, null);

        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        // Past the timeout, go on without the gate and let SQLite's busy timeout decide, as without a gate.
        var gated = await gate.WaitAsync(GateTimeout, ct);
        var opened = false;
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            opened = true;
            // Every connection opens with synchronous=FULL (see SqliteDatabase) for writes outside these transactions; a
            // database in a file gets group commit instead, and only an in-memory one (tests) keeps FULL for durability.
            var file = db.Database.GetDbConnection().DataSource;
            var groupCommit = durability == Durability.Durable && !string.IsNullOrEmpty(file) ? WalSync.For(file) : null;
            if (durability != Durability.Durable || groupCommit is not null)
                await PragmaAsync(db, SynchronousPragma(Durability.OpenSaleEdit), ct);
            var transaction = await db.Database.BeginTransactionAsync(ct);
            return new WriteTransaction(db, transaction, gated ? gate : null, opened, groupCommit);
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

    /// <summary>Commits; a durable SQLite commit returns once it is on disk (group commit), with the gate already free.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (_groupCommit is null)
        {
            await Transaction.CommitAsync(ct);
            return;
        }
        _db.HoldAfterCommit = true;
        try
        {
            await Transaction.CommitAsync(ct);
            await ReleaseAsync();
            // Not cancellable: the commit has happened, and its caller must not hear of it before it is durable.
            await _groupCommit.SyncAsync();
        }
        catch
        {
            _db.DropHeldAfterCommit();
            throw;
        }
        finally
        {
            _db.HoldAfterCommit = false;
        }
        _db.RunHeldAfterCommit();
    }

    public Task RollbackAsync(CancellationToken ct) => Transaction.RollbackAsync(ct);

    public ValueTask DisposeAsync() => ReleaseAsync();

    /// <summary>Ends the transaction, leaves the pooled connection durable for whoever uses it next, and frees the gate.</summary>
    private async ValueTask ReleaseAsync()
    {
        if (_released)
            return;
        _released = true;
        try
        {
            await Transaction.DisposeAsync();
            if (_connectionOpened)
            {
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
