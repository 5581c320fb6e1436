using System.Text.Json;
using Kasse.Data;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kasse.Server.Tests.Reporting.ReportIntents;

namespace Kasse.Server.Tests.Reporting;

/// <summary><c>kasse reports rebuild</c> as an administrator runs it: a separate process on the same database.</summary>
public abstract class ReportsCommandTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private string[] Database => ["--database", server.Provider.ToString(), "--connection", server.Database.ConnectionString];

    [Fact]
    public async Task Lost_summaries_come_back_from_the_sales_with_kasse_reports_rebuild()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(server, $"Franskbrød {server.NextNumber()}", 28.50m, cost: 12.00m);
        var day = new DateOnly(2026, 4, 7);
        using (server.Clock.PinAt(At(day, 9, 5)))
            await _api.SellAsync(shop, PaymentMethod.Cash, (bread, 3m));
        using (server.Clock.PinAt(At(day, 17, 45)))
            await _api.SellAsync(shop, PaymentMethod.Card, (bread, 1m));
        var before = JsonSerializer.Serialize(await _api.ReportAsync(shop, day, day), KasseClient.Json);
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<KasseDbContext>().SalesSummaries.Where(s => s.StoreId == shop.Store.Id).ExecuteDeleteAsync();
        Assert.Equal(0, (await _api.ReportAsync(shop, day, day)).Totals.Receipts);

        var result = await KasseProcess.RunAsync(["reports", "rebuild", "--store", shop.Store.Id.ToString(), .. Database]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("2 sales and returns counted", result.Output);
        Assert.Equal(before, JsonSerializer.Serialize(await _api.ReportAsync(shop, day, day), KasseClient.Json));
    }

    [Fact]
    public async Task Rebuilding_a_store_that_does_not_exist_says_so()
    {
        var result = await KasseProcess.RunAsync(["reports", "rebuild", "--store", Guid.CreateVersion7().ToString(), .. Database]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No store has id", result.Error);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportsCommandOnSqlite(SqliteServer server) : ReportsCommandTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ReportsCommandOnPostgres(PostgresServer server) : ReportsCommandTests(server);
