using System.Collections.Concurrent;
using System.Threading.Channels;
using Kasse.Application.Payments;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kasse.Application.Sales;

/// <summary>The sales whose turn this scope holds, so a command inside another command on the same sale does not wait for itself.</summary>
public sealed class HeldSaleTurns
{
    private readonly HashSet<Guid> _held = [];

    public bool Holds(Guid saleId) => _held.Contains(saleId);

    internal bool Take(Guid saleId) => _held.Add(saleId);

    internal void Give(Guid saleId) => _held.Remove(saleId);
}

/// <summary>
/// The open sales of this process, kept in memory: each sale has one turn (a lock in the process), and an edit of an open
/// sale (a scan, a quantity, a discount, a coupon) is made on the sale as it is in memory, with the product, the store and
/// the promotions from memory too; what it changed is then written by the one writer of open-sale edits, which writes every
/// sale changed since its last write in one short transaction that commits without waiting for the disk (an open-sale
/// edit, group commit), and the edit answers once that has committed. A scan thus reads nothing from the database and
/// waits for one shared write; the scans of every till that arrive while a write is under way go in the next one. Everything that is money or journaled (a payment, a completion, a void, park, resume, a card
/// payment's answer) takes the sale's turn exclusively (<see cref="ExclusiveAsync{T}"/>): what is pending is written first
/// and the sale is let go of, so that command works on the database as before and commits durably before it answers.
/// </summary>
/// <remarks>
/// <para>So a crash of Kasse loses no edit a till was told about, and a power cut what SQLite's <c>synchronous=NORMAL</c>
/// loses of open-sale edits; never a payment or a completed sale. A restart reads an open sale from the database when it is
/// next touched.</para>
/// <para>The turn is this process's: the tills of one register, and the API clients of one sale, are served by one Kasse
/// process (a store node, or the one server of a database). Two servers changing one open sale at once would each keep
/// their own copy.</para>
/// <para>A refused edit (a domain rule, the stock check) may have changed the sale in memory before it was refused; the
/// sale is then read again from the database and the edits not yet written are made again on it, in order.</para>
/// </remarks>
public sealed class OpenSaleMemory(IServiceScopeFactory scopes, StoreCache stores, ILogger<OpenSaleMemory> logger) : IAsyncDisposable
{
    /// <summary>An open sale untouched this long (and fully written) is let go of; the next edit reads it again.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(10);

    /// <summary>The most sales one write takes: enough for every till of a large store, few enough to keep a batch short.</summary>
    private const int MaxBatch = 64;

    private readonly ConcurrentDictionary<Guid, Slot> _slots = new();
    private readonly Channel<Slot> _changed = Channel.CreateUnbounded<Slot>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Lock _starting = new();
    private Task? _writing;
    private long _lastSweep = Environment.TickCount64;

    private sealed class Slot(Guid saleId)
    {
        public Guid SaleId { get; } = saleId;
        public SemaphoreSlim Turn { get; } = new(1, 1);
        /// <summary>Taken out of the map: whoever waited for its turn starts again with the new slot.</summary>
        public bool Retired { get; set; }
        public AsyncServiceScope? Scope { get; set; }
        public KasseDbContext? Db { get; set; }
        public Sale? Sale { get; set; }
        public Store? Store { get; set; }
        /// <summary>The edits made in memory since the last write, in order: made again if the sale must be read again.</summary>
        public List<Func<Sale, Store, Task>> Pending { get; } = [];
        /// <summary>Completed when the pending edits are committed (or failed with the reason they could not be).</summary>
        public TaskCompletionSource? Written { get; set; }
        public bool Queued { get; set; }
        public long LastUsed { get; set; } = Environment.TickCount64;
    }

    /// <summary>
    /// Whether an edit made through <paramref name="db"/> can be kept in memory: not when it runs inside a transaction of its
    /// caller (a request with an <c>Idempotency-Key</c>, a sale in one request), whose answer must commit with the edit.
    /// </summary>
    public static bool Serves(KasseDbContext db) => db.Database.CurrentTransaction is null;

    /// <summary>
    /// Makes an edit on the open sale in memory, runs <paramref name="afterChange"/> (promotions, the stock check; given the
    /// quantities before the edit) and answers with <paramref name="answer"/> of the sale once the edit is committed.
    /// <paramref name="change"/> must work on the sale and store alone (no database, no services of a request): it is made
    /// again on the sale read from the database if a later edit is refused before the earlier ones were written.
    /// </summary>
    public async Task<T> EditAsync<T>(Guid saleId, Func<Sale, Store, Task> change,
        Func<Sale, Store, IReadOnlyDictionary<Guid, decimal>, Task> afterChange, Func<Sale, T> answer, CancellationToken ct)
    {
        var slot = await AcquireAsync(saleId, ct);
        T answered;
        Task? written;
        try
        {
            if (slot.Sale is null)
                await LoadAsync(slot, ct);
            var (sale, store, db) = (slot.Sale!, slot.Store!, slot.Db!);
            var before = QuantitiesOf(sale);
            try
            {
                await change(sale, store);
                if (sale.Status == SaleStatus.Open)
                    await afterChange(sale, store, before);
            }
            catch (Exception refused) when (refused is not OutOfMemoryException)
            {
                await RebuildAsync(slot, afterChange);
                throw;
            }
            if (db.ChangeTracker.HasChanges())
            {
                slot.Pending.Add(change);
                slot.Written ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                QueueWrite(slot);
            }
            answered = answer(sale);
            // A retried edit that changed nothing still answers only once what it repeats is committed.
            written = slot.Written?.Task;
        }
        finally
        {
            Release(slot);
        }
        // The answer waits for the commit (not for the disk: an open-sale edit), so a crash of Kasse never loses an edit a
        // till was told about; the sale's turn is free meanwhile, and the edits of every till are written side by side.
        if (written is not null)
            await written;
        return answered;
    }

    /// <summary>The sale as it is in memory, or null when it is not held here (then the database has it as it is).</summary>
    public async Task<SaleView?> ViewAsync(Guid saleId, CancellationToken ct)
    {
        if (!_slots.TryGetValue(saleId, out var known) || known.Sale is null)
            return null;
        var slot = await AcquireAsync(saleId, ct);
        try
        {
            return slot.Sale is { } sale ? SaleView.From(sale) : null;
        }
        finally
        {
            Release(slot);
        }
    }

    /// <summary>Writes what is pending of the sale now, for a reader of the database that must see every edit (a provisional receipt).</summary>
    public async Task WriteNowAsync(Guid saleId, CancellationToken ct)
    {
        if (!_slots.TryGetValue(saleId, out var known) || known.Sale is null)
            return;
        var slot = await AcquireAsync(saleId, ct);
        try
        {
            if (slot.Pending.Count > 0)
                await WritePendingAsync(slot, ct);
        }
        finally
        {
            Release(slot);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> with the sale's turn, after writing what is pending of it and letting it go from memory,
    /// so the work reads the sale from the database as it stands and nothing in memory changes it meanwhile. A command on
    /// the same sale inside <paramref name="work"/> (same scope, <paramref name="held"/>) runs at once.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(Guid saleId, HeldSaleTurns held, KasseDbContext callerDb, Func<Task<T>> work, CancellationToken ct)
    {
        if (held.Holds(saleId))
            return await work();
        var slot = await AcquireAsync(saleId, ct);
        held.Take(saleId);
        try
        {
            if (slot.Sale is not null)
            {
                if (slot.Pending.Count > 0)
                {
                    // SQLite has one writer: inside the caller's own write transaction, another connection's write would wait
                    // for it forever. Requests that begin one on a sale take its turn first (the idempotency middleware).
                    if (callerDb.Database.CurrentTransaction is not null && WriteTransaction.SerialisesWriters(callerDb))
                        throw DomainException.Conflict(SaleErrors.Busy, "The sale's last changes are still being saved. Send the request again.");
                    await WritePendingAsync(slot, ct);
                }
                await UnloadAsync(slot);
            }
            return await work();
        }
        finally
        {
            held.Give(saleId);
            Release(slot);
        }
    }

    private async Task<Slot> AcquireAsync(Guid saleId, CancellationToken ct)
    {
        while (true)
        {
            var slot = _slots.GetOrAdd(saleId, id => new Slot(id));
            await slot.Turn.WaitAsync(ct);
            if (!slot.Retired)
            {
                slot.LastUsed = Environment.TickCount64;
                return slot;
            }
            slot.Turn.Release();
        }
    }

    private static void Release(Slot slot) => slot.Turn.Release();

    private async Task LoadAsync(Slot slot, CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
            var sale = await db.Sales.FirstOrDefaultAsync(s => s.Id == slot.SaleId, ct) ?? throw SalesService.SaleNotFound(slot.SaleId);
            // While a card or MobilePay payment is out, the amount it was asked for must stay what is due. Starting one takes
            // the sale's turn exclusively, so a sale held here has none out.
            if (await db.TerminalPayments.Where(t => t.SaleId == slot.SaleId).AnyAsync(TerminalPaymentService.Unsettled, ct))
                throw SalesService.PaymentInProgress();
            var store = await stores.GetAsync(db, sale.StoreId, ct);
            (slot.Scope, slot.Db, slot.Sale, slot.Store) = (scope, db, sale, store);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private static async Task UnloadAsync(Slot slot)
    {
        var scope = slot.Scope;
        (slot.Scope, slot.Db, slot.Sale, slot.Store) = (null, null, null, null);
        slot.Pending.Clear();
        if (scope is { } owned)
            await owned.DisposeAsync();
    }

    /// <summary>Reads the sale again and makes the edits not yet written on it again, after an edit was refused half-way.</summary>
    private async Task RebuildAsync(Slot slot, Func<Sale, Store, IReadOnlyDictionary<Guid, decimal>, Task> afterChange)
    {
        var pending = slot.Pending.ToList();
        await UnloadAsync(slot);
        if (pending.Count == 0)
            return;
        try
        {
            await LoadAsync(slot, CancellationToken.None);
            foreach (var change in pending)
                await change(slot.Sale!, slot.Store!);
            // Prices again; nothing counts as raised, so the stock check (already passed by these edits) stays quiet.
            if (slot.Sale!.Status == SaleStatus.Open)
                await afterChange(slot.Sale, slot.Store!, QuantitiesOf(slot.Sale));
            slot.Pending.AddRange(pending);
            QueueWrite(slot);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not answered yet (they wait for their write): their tills hear that they did not happen.
            logger.LogWarning(e, "Sale {SaleId}: {Count} edits not yet written could not be made again on the sale read again", slot.SaleId, pending.Count);
            await UnloadAsync(slot);
            slot.Written?.TrySetException(e);
            slot.Written = null;
        }
    }

    private static Dictionary<Guid, decimal> QuantitiesOf(Sale sale) => sale.Lines.ToDictionary(l => l.Id, l => l.Quantity);

    /// <summary>Writes what is pending of one sale now, with its turn held (a command about to work on the database).</summary>
    private Task WritePendingAsync(Slot slot, CancellationToken ct) => WriteBatchAsync([slot], ct);

    /// <summary>
    /// Saves what changed in memory of these sales (their turns held), in one short transaction (an open-sale edit: committed,
    /// not synced to disk at once), and tells the edits waiting for it. Each sale's context borrows the batch's connection
    /// and transaction for its save, so the sales of every till share one BEGIN and one COMMIT (on SQLite one turn of its
    /// write lock, on PostgreSQL one round trip per sale). If the batch can't commit, each sale is written alone, so one
    /// sale's failure costs the others nothing; a sale that can't be written alone is let go of, so memory holds no more
    /// than the database, and its waiting edits are answered with the reason.
    /// </summary>
    private async Task WriteBatchAsync(IReadOnlyList<Slot> slots, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var batchDb = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
            await using (var transaction = await WriteTransaction.BeginAsync(batchDb, Durability.OpenSaleEdit, ct))
            {
                var connection = batchDb.Database.GetDbConnection();
                var dbTransaction = transaction.Transaction.GetDbTransaction();
                foreach (var slot in slots)
                {
                    var db = slot.Db!;
                    db.Database.SetDbConnection(connection, contextOwnsConnection: false);
                    db.Database.AutoSavepointsEnabled = false;
                    await db.Database.UseTransactionAsync(dbTransaction, ct);
                    try
                    {
                        await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                    }
                    finally
                    {
                        await db.Database.UseTransactionAsync(null, CancellationToken.None);
                    }
                }
                await transaction.CommitAsync(ct);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException && slots.Count > 1)
        {
            logger.LogInformation(e, "A batch of {Count} open sales could not be written at once; each is written alone", slots.Count);
            foreach (var slot in slots)
            {
                try
                {
                    await WriteBatchAsync([slot], ct);
                }
                catch (Exception alone) when (alone is not OutOfMemoryException)
                {
                    // Told to that sale's waiting edits, and logged, by its own write.
                }
            }
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var slot = slots[0];
            logger.LogWarning(e, "Sale {SaleId}: {Count} edits could not be written; the sale is read again from the database", slot.SaleId, slot.Pending.Count);
            var waiting = slot.Written;
            slot.Written = null;
            await UnloadAsync(slot);
            waiting?.TrySetException(e);
            throw;
        }
        foreach (var slot in slots)
        {
            slot.Db!.ChangeTracker.AcceptAllChanges();
            slot.Pending.Clear();
            var waiting = slot.Written;
            slot.Written = null;
            waiting?.TrySetResult();
        }
    }

    private void QueueWrite(Slot slot)
    {
        if (slot.Queued)
            return;
        slot.Queued = true;
        _changed.Writer.TryWrite(slot);
        lock (_starting)
        {
            if (_writing is not null)
                return;
            // The writer is the process's, not this request's: it must not carry its execution context along.
            using (ExecutionContext.SuppressFlow())
                _writing = Task.Run(WriteChangedAsync);
        }
    }

    /// <summary>
    /// The one writer of open-sale edits: takes every sale queued since its last batch (up to <see cref="MaxBatch"/>) and
    /// writes them together. A sale whose turn someone holds at that moment (an edit being made, a command that writes
    /// it itself) is not waited for: it is queued again once its turn is free, so one slow command holds up no batch.
    /// </summary>
    private async Task WriteChangedAsync()
    {
        var batch = new List<Slot>(MaxBatch);
        while (await _changed.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _changed.Reader.TryRead(out var slot))
            {
                if (!slot.Turn.Wait(0))
                {
                    _ = QueueAgainWhenFreeAsync(slot);
                    continue;
                }
                slot.Queued = false;
                if (!slot.Retired && slot.Sale is not null && slot.Pending.Count > 0)
                    batch.Add(slot);
                else
                    slot.Turn.Release();
            }
            if (batch.Count > 0)
            {
                try
                {
                    await WriteBatchAsync(batch, CancellationToken.None);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Already told to the edits that waited for this write (WriteBatchAsync).
                }
                finally
                {
                    foreach (var slot in batch)
                        slot.Turn.Release();
                }
            }
            await SweepIdleAsync();
        }
    }

    /// <summary>Still marked as queued (so no edit queues it twice), it goes back in the queue once its holder lets go.</summary>
    private async Task QueueAgainWhenFreeAsync(Slot slot)
    {
        await slot.Turn.WaitAsync();
        slot.Turn.Release();
        // At shutdown the queue is closed; DisposeAsync then writes what every sale still has pending.
        _changed.Writer.TryWrite(slot);
    }

    /// <summary>Lets go of sales nobody has touched for <see cref="IdleLimit"/> and of those that are no longer open.</summary>
    private async Task SweepIdleAsync()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastSweep) < 30_000)
            return;
        Interlocked.Exchange(ref _lastSweep, now);
        foreach (var (id, slot) in _slots)
        {
            if (!slot.Turn.Wait(0))
                continue;
            try
            {
                var idle = now - slot.LastUsed > IdleLimit.TotalMilliseconds;
                if (slot.Queued || slot.Pending.Count > 0 || !(slot.Sale is null || idle || slot.Sale.Status != SaleStatus.Open))
                    continue;
                slot.Retired = true;
                _slots.TryRemove(new KeyValuePair<Guid, Slot>(id, slot));
                await UnloadAsync(slot);
            }
            finally
            {
                slot.Turn.Release();
            }
        }
    }

    /// <summary>At shutdown, writes every edit still pending.</summary>
    public async ValueTask DisposeAsync()
    {
        _changed.Writer.TryComplete();
        Task? writing;
        lock (_starting)
            writing = _writing;
        if (writing is not null)
            await writing;
        foreach (var slot in _slots.Values)
        {
            await slot.Turn.WaitAsync();
            try
            {
                if (slot.Sale is not null && slot.Pending.Count > 0)
                    await WritePendingAsync(slot, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Told to the edits that waited for it; nobody was answered for them.
            }
            finally
            {
                await UnloadAsync(slot);
                slot.Turn.Release();
            }
        }
    }
}
