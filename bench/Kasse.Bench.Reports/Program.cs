// bench/run calls this after the main driver; see bench/README.md ("Reports").
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kasse.Application;
using Kasse.Application.Reporting;
using Kasse.Bench.Reports;
using Kasse.Data;
using Kasse.Data.Postgres;
using Kasse.Data.Sqlite;
using Kasse.Domain.Catalog;
using Kasse.Domain.Money;
using Kasse.Domain.Reporting;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

var options = ReportOptions.Parse(args);
var results = new List<ProviderResult>();
Directory.CreateDirectory(options.Work);
foreach (var provider in options.Providers)
    results.Add(await RunAsync(provider));
await WriteAsync(results);
return 0;

async Task<ProviderResult> RunAsync(string provider)
{
    Console.WriteLine($"== Reports on {provider}: {options.Lines:N0} sale lines over {options.Days} days, {options.Products:N0} products");
    var connection = provider == "postgres" ? await FreshPostgresAsync() : FreshSqlite();
    var services = new ServiceCollection();
    services.AddDbContext<KasseDbContext>(o =>
    {
        if (provider == "postgres")
            o.UseKassePostgres(connection);
        else
            o.UseKasseSqlite(connection);
    });
    services.AddKasseApplication();
    if (provider == "postgres")
        services.AddKassePostgresAdapters();
    else
        services.AddKasseSqliteAdapters();
    await using var provided = services.BuildServiceProvider();

    await using (var scope = provided.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<KasseDbContext>().Database.MigrateAsync();
    var fill = Stopwatch.StartNew();
    var (store, sales, summaryRows) = await FillAsync(provided);
    fill.Stop();
    Console.WriteLine($"   filled: {sales:N0} sales, {options.Lines:N0} lines, {summaryRows:N0} summary rows in {fill.Elapsed.TotalSeconds:0} s");

    await using (var scope = provided.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<KasseDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");

    var today = store.BusinessDayOf(TimeProvider.System.GetUtcNow());
    var filter = new SalesReportFilter(today.AddDays(-89), today, store.Id);
    var report = await TimeAsync(provided, s => s.ReportAsync(filter, CancellationToken.None));
    var allStores = await TimeAsync(provided, s => s.ReportAsync(filter with { StoreId = null }, CancellationToken.None));
    var todayTimes = await TimeAsync(provided, s => s.TodayAsync(store.Id, CancellationToken.None));
    Console.WriteLine($"   90-day report: median {Median(report.Times):0.0} ms, max {report.Times.Max():0.0} ms, CPU median {Median(report.CpuTimes):0.0} ms "
        + $"({report.Result.Totals.Receipts:N0} receipts, {report.Result.ByProduct.Count:N0} products, {report.Result.Totals.Gross:N2} {report.Result.Currency})");
    return new ProviderResult(provider, sales, options.Lines, summaryRows, fill.Elapsed.TotalSeconds,
        report.Times, report.CpuTimes, allStores.Times, todayTimes.Times, report.Result.Totals.Receipts, report.Result.Totals.Gross);
}

// Wall time, and this process's CPU time: on a machine shared with other work the wall time mostly measures waiting for a
// core, while the CPU time (EF, and for SQLite the database engine itself) shows what one report costs.
async Task<(T Result, double[] Times, double[] CpuTimes)> TimeAsync<T>(IServiceProvider provided, Func<SalesReportService, Task<T>> call)
{
    var times = new double[options.Repeats];
    var cpuTimes = new double[options.Repeats];
    T result = default!;
    using var process = Process.GetCurrentProcess();
    // The first call warms EF's query cache and the database's pages; it is not counted.
    for (var i = -1; i < options.Repeats; i++)
    {
        await using var scope = provided.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<SalesReportService>();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        result = await call(service);
        if (i < 0)
            continue;
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        process.Refresh();
        cpuTimes[i] = (process.TotalProcessorTime - cpu).TotalMilliseconds;
    }
    return (result, times, cpuTimes);
}

async Task<(Store Store, long Sales, long SummaryRows)> FillAsync(IServiceProvider provided)
{
    var random = new Random(20261127);
    var store = new Store(Guid.CreateVersion7(), "Benchmarkbutikken", "Strøget 1, 1160 København K", "12345678", "DK", "DKK", "Europe/Copenhagen");
    var registers = Enumerable.Range(1, 4).Select(i => new Register(Guid.CreateVersion7(), store.Id, $"Kasse {i}")).ToArray();
    var employees = Enumerable.Range(1, 8).Select(i => new Employee(Guid.CreateVersion7(), $"Medarbejder {i}", nameof(Role.Cashier), "not-a-pin")).ToArray();
    var categories = Enumerable.Range(1, 20).Select(i => new Category(Guid.CreateVersion7(), $"Varegruppe {i}", i)).ToArray();
    var products = Enumerable.Range(1, options.Products).Select(i =>
    {
        var price = Math.Round(5m + (decimal)random.NextDouble() * 195m, 2);
        return new Product(Guid.CreateVersion7(), $"B-{i}", $"Vare {i}", price, 25m, Unit.Piece, categories[i % categories.Length].Id,
            i % 3 == 0 ? null : Math.Round(price * 0.55m, 2));
    }).ToArray();
    var facts = products.ToDictionary(p => p.Id, p => new ProductFacts(p.CategoryId, p.CostPrice));
    await using (var scope = provided.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        db.Stores.Add(store);
        db.Registers.AddRange(registers);
        db.Employees.AddRange(employees);
        db.Categories.AddRange(categories);
        await db.SaveChangesAsync();
        var bulk = scope.ServiceProvider.GetRequiredService<IBulkCopy>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await bulk.CopyAsync(db, products, CancellationToken.None);
        await transaction.CommitAsync();
    }

    var vat = store.VatRateFor(25m);
    var receiptNumbers = new long[registers.Length];
    var summaries = new Dictionary<SummaryKey, SalesSummary>();
    var today = store.BusinessDayOf(TimeProvider.System.GetUtcNow());
    long lines = 0, sales = 0;
    var progress = Stopwatch.StartNew();
    while (lines < options.Lines)
    {
        var batch = new List<Sale>(options.BatchSales);
        while (batch.Count < options.BatchSales && lines < options.Lines)
        {
            var day = today.AddDays(-random.Next(options.Days));
            var local = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(12 * 60)).AddSeconds(random.Next(60));
            var at = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, store.TimeZone), TimeSpan.Zero);
            var r = random.Next(registers.Length);
            var sale = Sale.Open(Guid.CreateVersion7(), store, registers[r], employees[random.Next(employees.Length)].Id, at);
            var count = (int)Math.Min(random.Next(1, 10), options.Lines - lines);
            for (var i = 0; i < count; i++)
                sale.AddProductLine(Guid.CreateVersion7(), products[random.Next(products.Length)], vat, random.Next(1, 4), null);
            var method = (PaymentMethod)random.Next(3);
            sale.AddPayment(Guid.CreateVersion7(), method, null, method == PaymentMethod.Cash ? decimal.Ceiling(sale.TotalAmount) + 100m : null, null, at);
            sale.Complete(++receiptNumbers[r], at.AddSeconds(40), day);
            batch.Add(sale);
            SalesSummaryRebuild.Merge(summaries, SaleSummariser.Summarise(sale, local.Hour, facts));
            lines += count;
        }
        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
            var bulk = scope.ServiceProvider.GetRequiredService<IBulkCopy>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await bulk.CopyAsync(db, batch, CancellationToken.None);
            await bulk.CopyAsync(db, batch.SelectMany(s => s.Lines), CancellationToken.None);
            await bulk.CopyAsync(db, batch.SelectMany(s => s.Payments), CancellationToken.None);
            await transaction.CommitAsync();
        }
        sales += batch.Count;
        if (progress.Elapsed > TimeSpan.FromSeconds(15))
        {
            Console.WriteLine($"   … {lines:N0} lines");
            progress.Restart();
        }
    }
    await using (var scope = provided.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<IBulkCopy>().CopyAsync(db, summaries.Values, CancellationToken.None);
        await transaction.CommitAsync();
    }
    return (store, sales, summaries.Count);
}

string FreshSqlite()
{
    var file = Path.Combine(options.Work, "reports.db");
    foreach (var suffix in new[] { "", "-wal", "-shm" })
        File.Delete(file + suffix);
    return $"Data Source={file}";
}

async Task<string> FreshPostgresAsync()
{
    const string database = "kasse_bench_reports";
    await using (var admin = new NpgsqlConnection(options.Postgres))
    {
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
        await create.ExecuteNonQueryAsync();
    }
    return new NpgsqlConnectionStringBuilder(options.Postgres) { Database = database }.ConnectionString;
}

async Task WriteAsync(List<ProviderResult> all)
{
    Directory.CreateDirectory(options.Results);
    var stem = Path.Combine(options.Results, $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd}-{options.Name}-reports");
    await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(new { options.Lines, options.Days, options.Products, options.Repeats, options.Commit, Results = all },
        new JsonSerializerOptions { WriteIndented = true }));
    var md = new StringBuilder();
    md.AppendLine(CultureInfo.InvariantCulture, $"# Sales reports {TimeProvider.System.GetUtcNow():yyyy-MM-dd}-{options.Name} (commit {options.Commit})");
    md.AppendLine();
    md.Append(CultureInfo.InvariantCulture, $"One store, {options.Lines:N0} sale lines over {options.Days} days, {options.Products:N0} products, 4 registers, 8 cashiers; ")
        .Append(CultureInfo.InvariantCulture, $"every figure after one warm-up call, {options.Repeats} calls each. Machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} ")
        .AppendLine("(with a load far above the core count, wall times mostly measure waiting for a core; the CPU column is this process's own work, "
            + "which for SQLite includes the database engine).");
    md.AppendLine();
    md.AppendLine("| database | sales | sale lines | summary rows | fill (s) | 90-day report median / max (ms) | its CPU in this process, median (ms) | all stores (ms) | today vs last week (ms) | target < 1000 ms |");
    md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    foreach (var r in all)
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {r.Provider} | {r.Sales:N0} | {r.Lines:N0} | {r.SummaryRows:N0} | {r.FillSeconds:0} | {Median(r.ReportMs):0.0} / {r.ReportMs.Max():0.0} | {Median(r.ReportCpuMs):0.0} | {Median(r.AllStoresMs):0.0} | {Median(r.TodayMs):0.0} | {(r.ReportMs.Max() < 1000 ? "met" : "MISSED")} |");
    await File.WriteAllTextAsync(stem + ".md", md.ToString());
    Console.WriteLine(md.ToString());
    Console.WriteLine($"Wrote {stem}.json and .md");
}

static double Median(double[] values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

internal sealed record ProviderResult(string Provider, long Sales, long Lines, long SummaryRows, double FillSeconds,
    double[] ReportMs, double[] ReportCpuMs, double[] AllStoresMs, double[] TodayMs, long Receipts, decimal Gross);
