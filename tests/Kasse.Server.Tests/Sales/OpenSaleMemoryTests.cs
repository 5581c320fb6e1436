using System.Data.Common;
using Kasse.Application;
using Kasse.Application.Catalog;
using Kasse.Application.Inventory;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Data.Postgres;
using Kasse.Data.Sqlite;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Inventory;
using Kasse.Domain.Sales;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Sales;

/// <summary>
/// Open sales are kept in memory (<see cref="OpenSaleMemory"/>): a scan of a product sold a moment ago reads nothing from
/// the database, and answers once what it changed is committed; a scan refused half-way (the
/// stock check) takes nothing of the earlier scans with it; many taps at once on one sale lose nothing; a payment and the
/// completion see every scan; and a restart finds the open sale as it was left.
/// </summary>
public abstract class OpenSaleMemoryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Bread = "5701234567899";
    private const string Ticket = "5709876543219";
    private const decimal BreadPrice = 24.95m;
    private const decimal TicketPrice = 150.00m;

    private readonly CommandCounter _commands = new();
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private readonly Guid _storeId = Guid.CreateVersion7();
    private readonly Guid _registerId = Guid.CreateVersion7();
    private Guid _ticketId;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _services = Build();
        await In(async (KasseDbContext db) =>
        {
            await db.Database.MigrateAsync();
            return 0;
        });
        await In((StoreService s) => s.CreateAsync(new CreateStore(_storeId, "Huskende Købmand", "Hukommelsen 1, 8000 Aarhus C", "DK12345678", "DK"), default));
        await In((StoreService s) => s.CreateRegisterAsync(_storeId, _registerId, "Kasse 1", default));
        await In((CatalogService c) => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("MEM-1", "Rugbrød, groft", BreadPrice, 25m, Unit.Piece, null, null, [Bread]), default));
        _ticketId = Guid.CreateVersion7();
        await In((CatalogService c) => c.CreateProductAsync(_ticketId,
            new SaveProduct("MEM-2", "Koncertbillet", TicketPrice, 25m, Unit.Piece, null, null, [Ticket]), default));
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<KasseDbContext>(o => o.UseKasseSqlite(_database.ConnectionString).AddInterceptors(_commands));
            services.AddKasseSqliteAdapters();
        }
        else
        {
            services.AddDbContext<KasseDbContext>(o => o.UseKassePostgres(_database.ConnectionString).AddInterceptors(_commands));
            services.AddKassePostgresAdapters();
        }
        services.AddKasseApplication();
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_scan_of_a_product_sold_a_moment_ago_reads_nothing_from_the_database_and_answers_once_it_is_written()
    {
        var saleId = await OpenAsync();
        await Scan(saleId, Bread);

        var (commands, sale) = await _commands.RecordAsync(() => Scan(saleId, Bread));

        Assert.Equal(2, sale.Lines.Count);
        Assert.DoesNotContain(commands, c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(commands, c => c.Contains("INSERT INTO \"SaleLines\"", StringComparison.Ordinal));
        await LinesInDatabaseAsync(saleId, 2);
    }

    [Fact]
    public async Task A_scan_refused_by_the_stock_check_leaves_the_sale_and_the_scans_before_it_as_they_were()
    {
        var floor = (await In((LocationService l) => l.ListAsync(_storeId, default))).Single();
        await In((StockService s) => s.ConfigureAsync(floor.Id, _ticketId, new StockSettings(null, null, BelowZeroPolicy.Block), default));
        await In((StockService s) => s.AdjustAsync(floor.Id, new AdjustStock(Guid.CreateVersion7(), _ticketId, 1m, "Optalt"), default));
        var saleId = await OpenAsync();
        await Scan(saleId, Bread);
        await Scan(saleId, Ticket);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Scan(saleId, Ticket));
        var inMemory = await In((SalesService s) => s.GetAsync(saleId, default));
        var paid = await In((SalesService s) => s.AddPaymentAsync(saleId, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card), default));
        var completed = await In((SalesService s) => s.CompleteAsync(saleId, default));

        Assert.Equal("stock.insufficient", refused.Code);
        Assert.Equal(["Rugbrød, groft", "Koncertbillet"], inMemory.Lines.Select(l => l.Name));
        Assert.Equal(BreadPrice + TicketPrice, paid.Payments.Single().Amount);
        Assert.Equal(SaleStatus.Completed, completed.Status);
        await LinesInDatabaseAsync(saleId, 2);
    }

    [Fact]
    public async Task Many_taps_at_once_on_one_sale_lose_nothing_and_the_completed_sale_has_every_line_once()
    {
        const int scans = 40;
        var saleId = await OpenAsync();
        var lineIds = Enumerable.Range(0, scans).Select(_ => Guid.CreateVersion7()).ToList();

        // Every scan sent twice at once (a double tap, a retry), all of them side by side.
        await Task.WhenAll(lineIds.Concat(lineIds).Select(lineId => Task.Run(() =>
            In((SalesService s) => s.AddLineAsync(saleId, new AddLine(LineId: lineId, Barcode: Bread), default)))));
        var paid = await In((SalesService s) => s.AddPaymentAsync(saleId, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card), default));
        var completed = await In((SalesService s) => s.CompleteAsync(saleId, default));

        Assert.Equal(scans * BreadPrice, paid.Payments.Single().Amount);
        Assert.Equal(lineIds.Order(), completed.Lines.Select(l => l.Id).Order());
        Assert.Equal(scans * BreadPrice, completed.TotalAmount);
        await LinesInDatabaseAsync(saleId, scans);
    }

    [Fact]
    public async Task After_a_restart_the_open_sale_is_as_it_was_left_and_goes_on()
    {
        var saleId = await OpenAsync();
        await Scan(saleId, Bread);
        await Scan(saleId, Ticket);
        await Scan(saleId, Bread);

        await _services.DisposeAsync();
        _services = Build();
        var again = await In((SalesService s) => s.GetAsync(saleId, default));
        var more = await Scan(saleId, Ticket);
        var completed = await In(async (SalesService s) =>
        {
            await s.AddPaymentAsync(saleId, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card), default);
            return await s.CompleteAsync(saleId, default);
        });

        Assert.Equal(3, again.Lines.Count);
        Assert.Equal(4, more.Lines.Count);
        Assert.Equal(2 * BreadPrice + 2 * TicketPrice, completed.TotalAmount);
        await LinesInDatabaseAsync(saleId, 4);
    }

    private async Task<Guid> OpenAsync()
    {
        var saleId = Guid.CreateVersion7();
        await In((SalesService s) => s.OpenAsync(new OpenSale(saleId, _registerId), default));
        return saleId;
    }

    private Task<SaleView> Scan(Guid saleId, string barcode) =>
        In((SalesService s) => s.AddLineAsync(saleId, new AddLine(Barcode: barcode), default));

    /// <summary>The sale's lines as a fresh context reads them from the database: an answered edit is committed.</summary>
    private async Task LinesInDatabaseAsync(Guid saleId, int count) =>
        Assert.Equal(count, await In((KasseDbContext db) => db.Set<SaleLine>().CountAsync(l => l.SaleId == saleId)));

    private async Task<T> In<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Records every SQL command sent while one call runs (its own and its writer's: the test runs nothing else meanwhile).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private List<string>? _recording;

        public async Task<(List<string> Commands, T Result)> RecordAsync<T>(Func<Task<T>> work)
        {
            var recording = new List<string>();
            Volatile.Write(ref _recording, recording);
            try
            {
                var result = await work();
                lock (recording)
                    return ([.. recording], result);
            }
            finally
            {
                Volatile.Write(ref _recording, null);
            }
        }

        private void Heard(DbCommand command)
        {
            if (Volatile.Read(ref _recording) is { } recording)
                lock (recording)
                    recording.Add(command.CommandText);
        }


        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Heard(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Heard(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Heard(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Heard(command);
            return base.ReaderExecuting(command, eventData, result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Heard(command);
            return base.NonQueryExecuting(command, eventData, result);
        }
    }
}

/// <summary>
/// Alone, not beside other tests: the caches' change counters are the process's, so another test saving a product while
/// a scan is counted would make that scan read it again.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenSaleMemoryCollection
{
    public const string Name = "Open sales in memory, alone";
}

[Collection(OpenSaleMemoryCollection.Name)]
public sealed class OpenSaleMemoryOnSqlite() : OpenSaleMemoryTests(DatabaseProvider.Sqlite);

[Collection(OpenSaleMemoryCollection.Name)]
public sealed class OpenSaleMemoryOnPostgres() : OpenSaleMemoryTests(DatabaseProvider.Postgres);
