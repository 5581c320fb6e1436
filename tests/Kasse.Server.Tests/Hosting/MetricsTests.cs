using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Hosting;

/// <summary>
/// A monitoring system scrapes /metrics (Prometheus text format) with a key that may read metrics and nothing else,
/// and sees the sales, money and latency of the till as they happen.
/// </summary>
public abstract partial class MetricsTests(KasseServer server)
{
    [Fact]
    public async Task After_a_sale_and_a_return_the_scrape_counts_them_with_their_money_and_latency()
    {
        // Its own kasse process, as a shop runs it: one node, one set of meters (a test process hosts several nodes,
        // whose meters of the same name the telemetry SDK would mix).
        var data = Directory.CreateTempSubdirectory("kasse-metrics-").FullName;
        string[] database = ["--data", data];
        var owner = await KeyAsync(database, "--name", "till", "--role", "Owner", "--all-stores");
        var monitorKey = await KeyAsync(database, "--name", "monitoring", "--role", "Owner", "--all-stores", "--scope", "ViewMetrics");
        var sellerKey = await KeyAsync(database, "--name", "webshop", "--role", "Owner", "--all-stores", "--scope", "Sell", "--scope", "Browse");
        var (process, address) = await KasseProcess.ServeAsync([.. database, "--Kasse:SeedDemoOnFirstStart=false"]);
        try
        {
            var api = new KasseClient(Http(address, owner), server);
            var shop = await api.NewShopAsync();
            var coffee = await api.NewProductAsync(32.00m);
            var cake = await api.NewProductAsync(18.25m);

            var sale = await api.SellAsync(shop, PaymentMethod.Cash, (coffee, 2m), (cake, 1m));
            var card = await api.SellAsync(shop, PaymentMethod.Card, (cake, 2m));
            var ret = await api.ReturnAsync(new Kasse.Application.Sales.CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sale.Id,
                [new(sale.Lines.Single(l => l.ProductId == cake.Id).Id, 1m)]));
            var scrape = await Http(address, monitorKey).GetAsync("/metrics");
            var text = await scrape.Content.ReadAsStringAsync();
            var refused = await Http(address, sellerKey).GetAsync("/metrics");
            var anonymous = await Http(address, null).GetAsync("/metrics");
            var monitorSells = await Http(address, monitorKey).GetAsync($"/api/v1/sales/{sale.Id}");

            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType);
            var store = shop.Store.Id.ToString();
            Assert.Equal(2, Value(text, "kasse_sales_completed_total", store));
            Assert.Equal((double)(sale.TotalAmount + card.TotalAmount), Value(text, "kasse_sales_amount_total", store), 2);
            Assert.Equal(1, Value(text, "kasse_returns_completed_total", store));
            Assert.Equal((double)-ret.TotalAmount, Value(text, "kasse_returns_amount_total", store), 2);
            Assert.Equal((double)card.TotalAmount, Value(text, "kasse_payments_amount_total", store, "method=\"Card\""), 2);
            // Cash taken (after change) and the cash refunded, as the receipts show it.
            var cash = sale.Payments.Concat(ret.Payments).Where(p => p.Method == PaymentMethod.Cash).Sum(p => p.Amount - p.Change);
            Assert.Equal((double)cash, Value(text, "kasse_payments_amount_total", store, "method=\"Cash\""), 2);
            Assert.Matches(@"kasse_sale_scan_duration_seconds_count\S* [1-9]", text);
            Assert.Matches(@"kasse_sale_complete_duration_seconds_count\S* [1-9]", text);
            // This kasse runs on SQLite: its durable commits share syncs of the log (on PostgreSQL the sale writer's batches show instead).
            Assert.Matches(@"kasse_db_write_batch_size_count\S* [1-9]", text);
            Assert.Matches(@"kasse_print_queue_depth\S* \d", text);
            Assert.Matches(@"kasse_webhooks_backlog\S* \d", text);
            await KasseClient.Problem(refused, HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            await KasseClient.Problem(monitorSells, HttpStatusCode.Forbidden); // metrics, and nothing else
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>An API key made as an administrator makes one, with the command line; the secret it printed.</summary>
    private static async Task<string> KeyAsync(string[] database, params string[] args)
    {
        var made = await KasseProcess.RunAsync(["api-key", "create", .. args, .. database]);
        Assert.True(made.ExitCode == 0, made.Error);
        return made.Output.Trim();
    }

    private static HttpClient Http(Uri address, string? key)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
            http.DefaultRequestHeaders.Add(Kasse.Application.Staff.ApiKeyService.Header, key);
        return http;
    }

    /// <summary>The value of a series of the metric for one store (and an extra label), 0 when the series is absent.</summary>
    private static double Value(string scrape, string metric, string store, string? label = null)
    {
        var values = scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains($"store=\"{store}\"", StringComparison.Ordinal)
                && (label is null || line.Contains(label, StringComparison.Ordinal)))
            .Select(line => double.Parse(SeriesValue().Match(line).Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return values.Sum();
    }

    [GeneratedRegex(@"\} (\S+)")]
    private static partial Regex SeriesValue();
}

[Collection(SqliteCollection.Name)]
public sealed class MetricsOnSqlite(SqliteServer server) : MetricsTests(server);

[Collection(PostgresCollection.Name)]
public sealed class MetricsOnPostgres(PostgresServer server) : MetricsTests(server);
