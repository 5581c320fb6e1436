using System.Diagnostics.Metrics;
using Kasse.Application;
using Kasse.Application.Catalog;
using Kasse.Application.Fiscal;
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
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Sales;

/// <summary>
/// The sale writer (PostgreSQL) commits the durable commands of many tills that arrive together in one transaction: sales
/// completed in one batch on one register get gapless receipt numbers and an intact, signed journal, exactly as one at a
/// time; a command refused inside a batch undoes only itself and its till hears why; and batches of more than one
/// command really happen under load. On SQLite, which has no writer, the same tills must get the same outcome through
/// its write gate, with durable commits sharing syncs of the log.
/// </summary>
public abstract class SaleWriterTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Ean = "5701234567899";
    private const int Tills = 24;

    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private readonly Guid _storeId = Guid.CreateVersion7();
    private readonly Guid _registerId = Guid.CreateVersion7();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<KasseDbContext>(o => o.UseKasseSqlite(_database.ConnectionString));
            services.AddKasseSqliteAdapters();
        }
        else
        {
            services.AddDbContext<KasseDbContext>(o => o.UseKassePostgres(_database.ConnectionString));
            services.AddKassePostgresAdapters();
        }
        services.AddKasseApplication();
        _services = services.BuildServiceProvider();
        await In(async (KasseDbContext db) =>
        {
            await db.Database.MigrateAsync();
            return 0;
        });
        await In((StoreService s) => s.CreateAsync(new CreateStore(_storeId, "Samlet Købmand", "Batchvej 1, 8000 Aarhus C", "DK12345678", "DK"), default));
        await In((StoreService s) => s.CreateRegisterAsync(_storeId, _registerId, "Kasse 1", default));
        await In((CatalogService c) => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("BATCH-1", "Rugbrød, groft", 24.95m, 25m, Unit.Piece, null, null, [Ean]), default));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Completions_of_many_tills_commit_together_with_gapless_numbers_and_an_intact_journal_and_a_refusal_undoes_only_itself()
    {
        var batches = new List<int>();
        var meters = _services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "kasse.sale.write_batch.size" && instrument.Meter.Scope == meters)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            lock (batches)
                batches.Add(size);
        });
        listener.Start();

        // Every till scans and pays at once, then completes at once; one in three asks to complete a sale not yet paid for.
        var sales = Enumerable.Range(0, Tills).Select(_ => Guid.CreateVersion7()).ToList();
        await Task.WhenAll(sales.Select(id => In((SalesService s) => s.OpenAsync(new OpenSale(id, _registerId), default))));
        await Task.WhenAll(sales.Select(id => In((SalesService s) => s.AddLineAsync(id, new AddLine(Barcode: Ean), default))));
        var paid = sales.Where((_, i) => i % 3 != 0).ToList();
        var unpaid = sales.Where((_, i) => i % 3 == 0).ToList();
        await Task.WhenAll(paid.Select(id => In((SalesService s) => s.AddPaymentAsync(id, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card), default))));
        var completing = sales.Select(id => Task.Run(async () =>
        {
            try
            {
                return (id, (await In((SalesService s) => s.CompleteAsync(id, default))).ReceiptNumber, Refusal: (string?)null);
            }
            catch (DomainException refused)
            {
                return (id, ReceiptNumber: (long?)null, Refusal: refused.Code);
            }
        })).ToList();
        var outcomes = await Task.WhenAll(completing);

        Assert.All(outcomes.Where(o => unpaid.Contains(o.id)), o => Assert.Equal("sale.not-paid", o.Refusal));
        var numbers = outcomes.Where(o => paid.Contains(o.id)).Select(o => o.ReceiptNumber ?? 0).Order().ToList();
        Assert.Equal(Enumerable.Range(1, paid.Count).Select(n => (long)n), numbers);
        foreach (var id in unpaid)
        {
            var sale = await In((SalesService s) => s.GetAsync(id, default));
            Assert.Equal((SaleStatus.Open, 1, 24.95m), (sale.Status, sale.Lines.Count, sale.TotalAmount));
        }
        var journal = await In((JournalVerifier v) => v.VerifyAsync(_storeId, default));
        Assert.True(journal.IsIntact, $"The journal broke at {journal.FirstBreak}");
        Assert.Equal(paid.Count, journal.SalesChecked);
        // The day's summaries (added once per batch on PostgreSQL, summed per row) count every completed sale once and
        // none of the refused; and the stock ledger took one unit per completed sale.
        var day = await In((KasseDbContext db) => db.SalesSummaries.AsNoTracking()
            .SingleAsync(r => r.StoreId == _storeId && r.Dimension == Kasse.Domain.Reporting.SummaryDimension.Day));
        Assert.Equal((paid.Count, paid.Count * 2495L, (long)paid.Count), (day.Receipts, day.Gross, day.ItemsSold));
        var products = await In((KasseDbContext db) => db.SalesSummaries.AsNoTracking()
            .Where(r => r.StoreId == _storeId && r.Dimension == Kasse.Domain.Reporting.SummaryDimension.Product).ToListAsync());
        Assert.Equal(paid.Count, Assert.Single(products).ItemsSold);
        var sold = await In((KasseDbContext db) => db.StockMovements.AsNoTracking().Where(m => m.StoreId == _storeId).SumAsync(m => m.Quantity));
        Assert.Equal(-paid.Count, sold);
        lock (batches)
        {
            if (provider == DatabaseProvider.Postgres)
            {
                // Every durable command that happened was committed by the writer (payments, completions), the refused none.
                Assert.Equal(2 * paid.Count, batches.Sum());
                Assert.True(batches.Max() > 1, $"{Tills} tills never shared a commit: batches of {string.Join(", ", batches)}.");
            }
            else
                Assert.Empty(batches);
        }
    }

    /// <summary>
    /// A completion refused after it took the register's receipt number (the last unit, which may not go below zero, sold
    /// by another till in the same batch) gives its number back: the writer holds the shared rows in memory for the batch,
    /// and the refused command's share of them goes with its savepoint. The next sale gets the next number, and the
    /// journal's head, the company's transaction number and the register's last signature stay exact.
    /// </summary>
    [Fact]
    public async Task A_completion_refused_after_taking_its_receipt_number_gives_it_back_inside_the_batch()
    {
        const string lastUnitEan = "5701234567882";
        var vase = await In((CatalogService c) => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("BATCH-2", "Sidste vase", 499m, 25m, Unit.Piece, null, null, [lastUnitEan]), default));
        var location = StockLocation.FloorIdOf(_storeId);
        await In(async (LocationService l) =>
        {
            await l.EnsureFloorAsync(_storeId, default);
            return 0;
        });
        await In((StockService s) => s.ConfigureAsync(location, vase.Id, new StockSettings(null, null, BelowZeroPolicy.Block), default));
        await In((StockService s) => s.AdjustAsync(location, new AdjustStock(Guid.CreateVersion7(), vase.Id, 1m, "Optalt"), default));

        // Six tills want the last vase and six sell bread, all completing at once, so refusals share batches with sales.
        var sales = Enumerable.Range(0, 12).Select(i => (Id: Guid.CreateVersion7(), Ean: i % 2 == 0 ? lastUnitEan : Ean)).ToList();
        foreach (var (id, ean) in sales)
        {
            await In((SalesService s) => s.OpenAsync(new OpenSale(id, _registerId), default));
            await In((SalesService s) => s.AddLineAsync(id, new AddLine(Barcode: ean), default));
            await In((SalesService s) => s.AddPaymentAsync(id, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card), default));
        }
        var outcomes = await Task.WhenAll(sales.Select(sale => Task.Run(async () =>
        {
            try
            {
                return (Number: (await In((SalesService s) => s.CompleteAsync(sale.Id, default))).ReceiptNumber, Refused: false);
            }
            catch (DomainException)
            {
                return (Number: (long?)null, Refused: true);
            }
        })));
        Assert.Equal(5, outcomes.Count(o => o.Refused));
        Assert.Equal(Enumerable.Range(1, 7).Select(n => (long?)n), outcomes.Where(o => !o.Refused).Select(o => o.Number).Order());

        var next = Guid.CreateVersion7();
        await In((SalesService s) => s.OpenAsync(new OpenSale(next, _registerId), default));
        await In((SalesService s) => s.AddLineAsync(next, new AddLine(Barcode: Ean), default));
        await In((SalesService s) => s.AddPaymentAsync(next, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card), default));
        Assert.Equal(8L, (await In((SalesService s) => s.CompleteAsync(next, default))).ReceiptNumber);
        var journal = await In((JournalVerifier v) => v.VerifyAsync(_storeId, default));
        Assert.True(journal.IsIntact, $"The journal broke at {journal.FirstBreak}");
        Assert.Equal(8, journal.SalesChecked);
    }

    private async Task<T> In<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

public sealed class SaleWriterOnSqlite() : SaleWriterTests(DatabaseProvider.Sqlite);

public sealed class SaleWriterOnPostgres() : SaleWriterTests(DatabaseProvider.Postgres);
