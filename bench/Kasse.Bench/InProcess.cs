using System.Diagnostics;
using Kasse.Application;
using Kasse.Application.Catalog;
using Kasse.Data;
using Kasse.Data.Postgres;
using Kasse.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Bench;

/// <summary>
/// The catalogue's look-ups called in-process through the application service, as an API request would call them:
/// a fresh scope (DbContext) per look-up, timed with a Stopwatch, no HTTP.
/// </summary>
public sealed class InProcess : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public InProcess(string provider, string connectionString)
    {
        var services = new ServiceCollection();
        services.AddDbContext<KasseDbContext>(o =>
        {
            if (provider == "postgres")
                o.UseKassePostgres(connectionString);
            else
                o.UseKasseSqlite(connectionString);
        });
        if (provider == "postgres")
            services.AddKassePostgresAdapters();
        else
            services.AddKasseSqliteAdapters();
        services.AddKasseApplication();
        _services = services.BuildServiceProvider();
    }

    public async Task<Latencies> BarcodeLookupsAsync(int products, int count, int seed)
    {
        var random = new Random(seed);
        var latencies = new Latencies();
        for (var i = -Math.Min(1000, count); i < count; i++)
        {
            var code = Catalogue.Barcode(Catalogue.ScannableIndex(random, products));
            var start = Stopwatch.GetTimestamp();
            await using (var scope = _services.CreateAsyncScope())
            {
                var product = await scope.ServiceProvider.GetRequiredService<CatalogService>().FindByBarcodeAsync(code, CancellationToken.None);
                if (product is null)
                    throw new InvalidOperationException($"Barcode {code} was not found in-process.");
            }
            if (i >= 0)
                latencies.Add(start);
        }
        return latencies;
    }

    public async Task<Latencies> SearchesAsync(IReadOnlyList<string> queries, int rounds)
    {
        var latencies = new Latencies();
        for (var round = -1; round < rounds; round++)
            foreach (var query in queries)
            {
                var start = Stopwatch.GetTimestamp();
                await using (var scope = _services.CreateAsyncScope())
                {
                    var page = await scope.ServiceProvider.GetRequiredService<CatalogService>().SearchAsync(query, null, 0, 50, CancellationToken.None);
                    if (page.Items.Count == 0)
                        throw new InvalidOperationException($"The search for '{query}' found nothing.");
                }
                if (round >= 0)
                    latencies.Add(start);
            }
        return latencies;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
