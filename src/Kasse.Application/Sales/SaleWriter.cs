using System.Globalization;
using System.Threading.Channels;
using Kasse.Application.Staff;
using Kasse.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Application.Sales;

/// <summary>
/// On PostgreSQL, the one writer of this process's durable commands on sales (pay, take back a payment, complete, void,
/// park, resume, a sale in one request): commands that
/// arrive together run one after the other in one database transaction and commit once. Each runs in its own DI scope
/// as its caller, on the batch's connection, behind a savepoint, so a refused command undoes only itself; its answer
/// and what it queued for after the commit (the customer display, telemetry, the printer) wait for the batch's commit,
/// which is durable. The rows every till shares (receipt and transaction numbers, the journal head, stock levels, the
/// day's summaries) are then locked by one writer, for one commit, instead of being queued for by every till; and the
/// journal heads, transaction and receipt numbers and last signatures are read once per batch and written once before its
/// commit (<see cref="SharedRowBatch"/>), not once per command.
/// </summary>
/// <remarks>
/// <para>
/// Only durable commands, and only where the database lets several writers work at once (PostgreSQL): there completions
/// queued on the rows they all share, and one writer that holds those rows for a batch is what helps; a scan locks only
/// its own sale, so scans run side by side on their own connections. SQLite already runs one write transaction at a
/// time, in order (<see cref="WriteTransaction"/>'s gate), and shares the disk syncs of durable commits
/// (<see cref="WalSync"/>). Measured (bench/results/2026-12-07-full-quiet.md) with every command through the writer:
/// PostgreSQL completions' p99 at 32 tills fell from 1.7 s to 0.27 s, but checkout fell from 25 to 13 sales/s, the
/// scans now waiting in one line; SQLite fell from 42 to 30, the writer only adding its own work to the one turn.
/// </para>
/// A command inside a transaction of its caller (the idempotency middleware's, a sale in one request) runs there, not
/// here: its answer must commit with it. So does an edit by another capability (<see cref="SalesService.EditAsync"/>),
/// whose change works with its own services.
/// </remarks>
public sealed class SaleWriter(IServiceScopeFactory scopes, KasseTelemetry telemetry) : IAsyncDisposable
{
    /// <summary>Enough to share a commit among every till of a large store, few enough that one batch stays short.</summary>
    public const int MaxBatch = 64;

    private const string Savepoint = "sale_command";

    private readonly Channel<Command> _queue = Channel.CreateUnbounded<Command>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _starting = new();
    private Task? _writing;

    /// <summary>
    /// Whether a command goes through the writer: a durable one (a payment, a completion, anything journaled, a sale in one
    /// request) on PostgreSQL, not inside a transaction of its caller's.
    /// </summary>
    public static bool Takes(KasseDbContext db, Durability durability) =>
        durability == Durability.Durable && db.Database.CurrentTransaction is null && !WriteTransaction.SerialisesWriters(db);

    private sealed record Command(Durability Durability, Actor Actor, CultureInfo Culture, CultureInfo UiCulture,
        Func<IServiceProvider, Task<object>> Work, TaskCompletionSource<object> Done);

    /// <summary>
    /// Queues a command, run with the services of its own scope as <paramref name="actor"/>; it answers once its batch has
    /// committed (or with the reason it was refused).
    /// </summary>
    public async Task<T> RunAsync<T>(Durability durability, Actor actor, Func<IServiceProvider, Task<T>> work) where T : notnull
    {
        var command = new Command(durability, actor, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, async services => await work(services),
            new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(command))
            throw new InvalidOperationException("Kasse is shutting down; the command was not carried out. Send it again once Kasse is back.");
        lock (_starting)
            _writing ??= Task.Run(WriteAsync);
        return (T)await command.Done.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Command>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var command))
                batch.Add(command);
            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The batch did not commit (a lost connection, a full disk): none of its commands happened.
                foreach (var command in batch)
                    command.Done.TrySetException(e);
            }
        }
    }

    private async Task WriteBatchAsync(List<Command> batch)
    {
        var durability = batch.Exists(c => c.Durability == Durability.Durable) ? Durability.Durable : Durability.OpenSaleEdit;
        await using var batchScope = scopes.CreateAsyncScope();
        var batchDb = batchScope.ServiceProvider.GetRequiredService<KasseDbContext>();
        await using var transaction = await WriteTransaction.BeginAsync(batchDb, durability, CancellationToken.None);
        var connection = batchDb.Database.GetDbConnection();
        var dbTransaction = transaction.Transaction.GetDbTransaction();
        var done = new List<(Command Command, object Answer, Action AfterCommit)>(batch.Count);
        // The rows every completion changes (journal head, transaction and receipt numbers, last signatures): locked and
        // read by the first command that needs each, then kept in memory, and written once before the commit.
        var sharedRows = new SharedRowBatch();
        foreach (var command in batch)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
            await db.Database.UseTransactionAsync(dbTransaction);
            // Each command has a savepoint of its own (below); one around each of its saves would add round trips only.
            db.Database.AutoSavepointsEnabled = false;
            db.RowBatch = sharedRows;
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Value = command.Actor;
            // In its caller's language too: what it formats, and what hears of it after the commit (a Danish customer
            // display), reads as it did when the caller ran it.
            CultureInfo.CurrentCulture = command.Culture;
            CultureInfo.CurrentUICulture = command.UiCulture;
            // A command alone needs no savepoint: if it is refused, the whole transaction is rolled back (two round trips
            // fewer on PostgreSQL when the tills are few).
            var alone = batch.Count == 1;
            var rowsBefore = alone ? null : sharedRows.Mark();
            if (!alone)
                await dbTransaction.SaveAsync(Savepoint);
            try
            {
                var answer = await command.Work(scope.ServiceProvider);
                if (!alone)
                    await dbTransaction.ReleaseAsync(Savepoint);
                done.Add((command, answer, db.TakeCommitWork()));
            }
            catch (Exception refused) when (refused is not OutOfMemoryException)
            {
                if (!alone)
                {
                    await dbTransaction.RollbackAsync(Savepoint);
                    sharedRows.Reset(rowsBefore!);
                }
                command.Done.TrySetException(refused);
            }
        }
        if (done.Count == 0)
            return;
        batchDb.Database.AutoSavepointsEnabled = false;
        await sharedRows.WriteAsync(batchDb, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        telemetry.SaleCommandsWritten(done.Count);
        foreach (var (command, answer, afterCommit) in done)
        {
            CultureInfo.CurrentCulture = command.Culture;
            CultureInfo.CurrentUICulture = command.UiCulture;
            afterCommit();
            command.Done.TrySetResult(answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Task? writing;
        lock (_starting)
            writing = _writing;
        if (writing is not null)
            await writing;
    }
}
