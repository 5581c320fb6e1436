using System.Data.Common;
using Kasse.Application;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Data.Sqlite;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Sales;

/// <summary>
/// On SQLite, every sale command commits without a sync of its own (synchronous=NORMAL): edits of an open sale (made in
/// memory, written shortly after) stop there,
/// while a payment and a completed sale answer only after the write-ahead log has been synced to disk (group commit,
/// <see cref="WalSync"/>), and a connection handed back to the pool is durable (FULL) again. PostgreSQL commits every
/// transaction durably, so there is nothing to choose there. The setting is read inside each commit, on a real file, and
/// each sync of the log is heard as it happens.
/// </summary>
public sealed class DurabilityOnSqlite : IAsyncLifetime
{
    private const int Normal = 1;
    private const int Full = 2;

    private readonly CommitRecorder _commits = new();
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Kasse.Server.Hosting.DatabaseProvider.Sqlite);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddDbContext<KasseDbContext>(o => o.UseKasseSqlite(_database.ConnectionString).AddInterceptors(_commits));
        services.AddKasseSqliteAdapters();
        services.AddKasseApplication();
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KasseDbContext>().Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Scans_commit_without_a_sync_but_payments_and_the_completed_sale_are_synced_to_disk()
    {
        var storeId = Guid.CreateVersion7();
        var registerId = Guid.CreateVersion7();
        var saleId = Guid.CreateVersion7();
        const string ean = "5701234567899";
        await In((StoreService s) => s.CreateAsync(new CreateStore(storeId, "Holdbar Købmand", "Diskvej 1, 8000 Aarhus C", "DK12345678", "DK"), default));
        await In((StoreService s) => s.CreateRegisterAsync(storeId, registerId, "Kasse 1", default));
        await In((CatalogService c) => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("HOLD-1", "Rugbrød, groft", 24.95m, 25m, Unit.Piece, null, null, [ean]), default));

        var log = WalSync.For(_database.FilePath);
        log.Synced += _commits.SyncHeard;
        var opened = await Recorded(() => In((SalesService s) => s.OpenAsync(new OpenSale(saleId, registerId), default)));
        var scanned = await Recorded(() => In((SalesService s) => s.AddLineAsync(saleId, new AddLine(Barcode: ean), default)));
        var requantified = await Recorded(() => In(async (SalesService s) =>
        {
            var sale = await s.GetAsync(saleId, default);
            return await s.ChangeQuantityAsync(saleId, sale.Lines[0].Id, 2m, default);
        }));
        var paid = await Recorded(() => In((SalesService s) => s.AddPaymentAsync(saleId, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card), default)));
        var completed = await Recorded(() => In((SalesService s) => s.CompleteAsync(saleId, default)));
        var afterwards = await In(async (KasseDbContext db) =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        });

        log.Synced -= _commits.SyncHeard;

        Assert.Equal(["commit NORMAL"], opened);
        // Scans are made in memory and written a moment later (OpenSaleMemory): whatever of theirs committed meanwhile did
        // so without a sync. The payment writes what is still pending first, then commits with a sync.
        Assert.All(scanned.Concat(requantified), commit => Assert.Equal("commit NORMAL", commit));
        Assert.Equal("sync", paid[^1]);
        Assert.All(paid[..^1], commit => Assert.Equal("commit NORMAL", commit));
        Assert.Equal(["commit NORMAL", "sync"], completed);
        Assert.Equal(Full, afterwards);
        Assert.Equal(SaleStatus.Completed, (await In((SalesService s) => s.GetAsync(saleId, default))).Status);
    }

    private async Task<T> In<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [Fact]
    public async Task Durable_commits_that_arrive_together_share_a_sync_and_none_answers_before_its_sync()
    {
        const int writers = 32;
        var log = WalSync.For(_database.FilePath);
        var synced = new List<int>();
        var answeredBeforeASync = 0;
        void Heard(int batch)
        {
            lock (synced)
                synced.Add(batch);
        }
        log.Synced += Heard;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
            {
                await using var scope = _services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
                var syncsBefore = Count(synced);
                await db.InTransactionAsync(Durability.Durable, async () =>
                {
                    db.IdempotencyRecords.Add(new IdempotencyRecord
                    {
                        Key = $"durable-writer-{i}", RequestHash = "-", StatusCode = 200, ResponseBody = "{}", ContentType = "application/json",
                        CreatedAt = DateTimeOffset.UtcNow,
                    });
                    return await db.SaveChangesAsync();
                }, default);
                if (Count(synced) == syncsBefore)
                    Interlocked.Increment(ref answeredBeforeASync);
            })));
        }
        finally
        {
            log.Synced -= Heard;
        }

        Assert.Equal(0, answeredBeforeASync);
        Assert.Equal(writers, synced.Sum());
        Assert.True(synced.Count < writers, $"{writers} durable commits at once took {synced.Count} syncs ({string.Join(", ", synced)}): none was shared.");
    }

    private static int Count(List<int> synced)
    {
        lock (synced)
            return synced.Count;
    }

    private async Task<List<string>> Recorded(Func<Task> command)
    {
        lock (_commits.Settings)
            _commits.Settings.Clear();
        await command();
        lock (_commits.Settings)
            return [.. _commits.Settings];
    }

    /// <summary>Reads PRAGMA synchronous inside every commit, on the committing connection, and hears every sync of the log.</summary>
    private sealed class CommitRecorder : DbTransactionInterceptor
    {
        public List<string> Settings { get; } = [];

        // Commits are heard from the background writer of open sales too, so the list is shared.
        public void SyncHeard(int batch)
        {
            lock (Settings)
                Settings.Add("sync");
        }

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "PRAGMA synchronous";
            var setting = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            lock (Settings)
                Settings.Add(setting switch { Normal => "commit NORMAL", Full => "commit FULL", _ => $"commit {setting}" });
            return result;
        }
    }
}
