using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Menu;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Reliability;

/// <summary>
/// The real <c>kasse</c> executable, several tills selling through the API at once, and SIGKILL at random moments
/// (fixed seed, bounded loop). After every kill, before anything can repair it, the database must hold every sale a
/// till was told is complete, exactly once and whole, gapless receipt numbers per register, and a journal that
/// <c>kasse journal verify</c> accepts. Tills retry what got no answer with the same ids and Idempotency-Keys, and
/// every retried completion gets the original answer back. Under 32 tills the kills land while commits are being
/// grouped (SQLite's group commit syncs the log for several tills at once), where an answer sent before its sync would
/// show as a confirmed sale the database lost.
/// </summary>
public abstract class CrashTests(DatabaseProvider provider, int Tills = 4, int Kills = 6) : IAsyncLifetime
{
    private const int Seed = 20261127;

    private readonly StringBuilder _log = new();
    private TestDatabase _database = null!;
    private Process? _kasse;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    [Fact]
    public async Task Sales_confirmed_before_a_SIGKILL_are_all_there_once_whole_and_gapless_and_retries_get_the_original_answer()
    {
        var random = new Random(Seed);
        var http = await StartKasseAsync();
        var products = await PieceProductsAsync(http);
        var tills = new List<CrashTill>();
        var progress = new TillProgress();
        for (var i = 0; i < Tills; i++)
        {
            var register = Guid.CreateVersion7();
            await KasseClient.Read<RegisterView>(await http.PostAsJsonAsync($"/api/v1/stores/{DemoSeeder.StoreId}/registers",
                new { id = register, name = $"Crash {i + 1}" }));
            tills.Add(new CrashTill(register, products, Seed + i, progress));
        }

        for (var round = 0; round <= Kills; round++)
        {
            using var stop = new CancellationTokenSource();
            var selling = tills.Select(t => Task.Run(() => t.SellAsync(http, stop.Token))).ToArray();
            // The moment of the kill: after a random number of answers, plus a few random milliseconds so it lands mid-request.
            var since = progress.Answers;
            if (round < Kills)
            {
                await progress.WaitForAsync(since, random.Next(Tills, 6 * Tills), TimeSpan.FromSeconds(60));
                await Task.Delay(random.Next(0, 40));
                await KillKasseAsync();
            }
            else
                await progress.WaitForAsync(since, 4 * Tills, TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            await Task.WhenAll(selling);
            if (round == Kills)
                await KillKasseAsync();
            http.Dispose();

            await AssertDatabaseHoldsEverythingConfirmedAsync(tills, $"after kill {round + 1}");
            if (round < Kills)
                http = await StartKasseAsync();
        }

        var failures = tills.SelectMany(t => t.Failures).ToList();
        Assert.True(failures.Count == 0, "Tills got answers no till should get:\n" + string.Join("\n", failures.Take(20)));
        var confirmed = tills.SelectMany(t => t.Confirmed).ToList();
        Assert.True(confirmed.Count >= Kills, $"The tills completed only {confirmed.Count} sales; the test proves little. Log:\n{Log()}");
        Assert.True(tills.Sum(t => t.Retries) > 0, "No till ever had to retry: the kills never hit a request in flight.");
        Assert.Equal(confirmed.Count, confirmed.Select(c => c.SaleId).Distinct().Count());

        // Every completion, sent again with its key, gets the answer the till saw the first time, word for word.
        http = await StartKasseAsync();
        foreach (var sale in confirmed)
        {
            using var again = await CrashTill.CompleteAsync(http, sale.SaleId, sale.CompleteKey);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(sale.Answer, await again.Content.ReadAsStringAsync());
            var stored = await KasseClient.Read<SaleView>(await http.GetAsync($"/api/v1/sales/{sale.SaleId}"));
            Assert.Equal((SaleStatus.Completed, sale.ReceiptNumber, sale.Total), (stored.Status, stored.ReceiptNumber, stored.TotalAmount));
        }
        http.Dispose();
        await KillKasseAsync();
    }

    /// <summary>Checks the database as the kill left it, with Kasse not running.</summary>
    private Task AssertDatabaseHoldsEverythingConfirmedAsync(IReadOnlyList<CrashTill> tills, string when) =>
        ConfirmedSales.AssertAllThereAsync(provider, _database.ConnectionString, tills, when, connection => AssertStockEqualsLedgerAsync(connection, when));

    /// <summary>
    /// Stock equals the ledger: every product's on-hand figure per location is the sum of its movements, so a kill
    /// between a sale and its stock movement (they share one transaction) can't leave the two apart. (A kill can
    /// come before the first sale, so an empty ledger is no failure; the inventory tests prove that sales move stock.)
    /// </summary>
    private static async Task AssertStockEqualsLedgerAsync(System.Data.Common.DbConnection connection, string when)
    {
        // Quantities are stored as whole thousandths, so SQL sums them exactly on both databases.
        static string Key(object? location, object? product) =>
            $"{Convert.ToString(location, System.Globalization.CultureInfo.InvariantCulture)?.ToLowerInvariant()}/{Convert.ToString(product, System.Globalization.CultureInfo.InvariantCulture)?.ToLowerInvariant()}";
        var ledger = (await DatabaseInspector.QueryAsync(connection,
                """SELECT "LocationId", "ProductId", SUM("Quantity") FROM "StockMovements" GROUP BY "LocationId", "ProductId" """))
            .ToDictionary(r => Key(r[0], r[1]), r => Convert.ToInt64(r[2], System.Globalization.CultureInfo.InvariantCulture));
        var levels = await DatabaseInspector.QueryAsync(connection, """SELECT "LocationId", "ProductId", "OnHand" FROM "StockLevels" """);
        foreach (var level in levels)
        {
            var key = Key(level[0], level[1]);
            var onHand = Convert.ToInt64(level[2], System.Globalization.CultureInfo.InvariantCulture);
            var moved = ledger.GetValueOrDefault(key);
            Assert.True(onHand == moved, $"{when}: stock {key} shows {onHand / 1000m} on hand, but its movements add up to {moved / 1000m}.");
        }
        var levelKeys = levels.Select(l => Key(l[0], l[1])).ToHashSet();
        var orphans = ledger.Keys.Where(k => !levelKeys.Contains(k)).ToList();
        Assert.True(orphans.Count == 0, $"{when}: movements without a stock level: {string.Join(", ", orphans)}.");
    }

    private async Task<HttpClient> StartKasseAsync()
    {
        var (process, address) = await KasseProcess.ServeAsync(_log, "--database", provider.ToString(), "--connection", _database.ConnectionString);
        _kasse = process;
        return new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { "X-Api-Key", DemoSeeder.DemoApiKey } } };
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as when the power goes.</summary>
    private async Task KillKasseAsync()
    {
        _kasse!.Kill(entireProcessTree: true);
        await _kasse.WaitForExitAsync();
        _kasse.Dispose();
        _kasse = null;
    }

    /// <summary>
    /// Demo products a till sells with a plain scan: by the piece, priced, and not a café menu item whose choices (a size, a
    /// combo's drink) must be made first, which the API rightly refuses to add without them.
    /// </summary>
    internal static async Task<IReadOnlyList<Guid>> PieceProductsAsync(HttpClient http)
    {
        var page = await KasseClient.Read<ProductPage>(await http.GetAsync("/api/v1/products?take=100"));
        var pieces = new List<Guid>();
        foreach (var product in page.Items.Where(p => p.Unit == Unit.Piece && p.Price > 0))
        {
            var menu = await KasseClient.Read<ProductMenuView>(await http.GetAsync($"/api/v1/stores/{DemoSeeder.StoreId}/menu/products/{product.Id}"));
            if (menu.IsCombo || menu.Groups.Any(g => g.MinChoices > 0))
                continue;
            pieces.Add(product.Id);
            if (pieces.Count == 20)
                break;
        }
        Assert.True(pieces.Count > 0, "The demo store has no products sold by the piece.");
        return pieces;
    }

    private string Log()
    {
        lock (_log)
            return _log.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_kasse is not null)
            await KillKasseAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class CrashOnSqlite() : CrashTests(DatabaseProvider.Sqlite);

public sealed class CrashOnPostgres() : CrashTests(DatabaseProvider.Postgres);

public sealed class CrashUnder32TillsOnSqlite() : CrashTests(DatabaseProvider.Sqlite, Tills: 32, Kills: 3);

public sealed class CrashUnder32TillsOnPostgres() : CrashTests(DatabaseProvider.Postgres, Tills: 32, Kills: 3);
