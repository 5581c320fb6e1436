using Kasse.Data;
using Kasse.Server.Tests.Api;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Reliability;

/// <summary>
/// Stored answers to Idempotency-Keys are kept for their useful life (a week by default) and then deleted by a
/// background job, so the table does not grow with every request ever made. The test has the job run a round now.
/// </summary>
public abstract class IdempotencyPruningTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task An_answer_older_than_a_week_is_pruned_and_a_recent_one_is_kept_and_still_replayed()
    {
        var shop = await Refusal.SharedShopAsync(server);
        var oldKey = "prune-old-" + Guid.CreateVersion7();
        var newKey = "prune-new-" + Guid.CreateVersion7();
        var oldSale = await _api.OpenSaleAsync(shop);
        var newSale = await _api.OpenSaleAsync(shop);
        var product = await _api.NewProductAsync(12.00m);
        using (server.Clock.PinAt(DateTimeOffset.UtcNow.AddDays(-8)))
            await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/sales/{oldSale.Id}/lines", new { productId = product.Id }, oldKey));
        await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/sales/{newSale.Id}/lines", new { productId = product.Id }, newKey));

        await server.Services.RoundAsync<IdempotencyPruning>();

        Assert.False(await StoredAsync(oldKey), "The 8-day-old stored answer was still there after a pruning round.");
        Assert.True(await StoredAsync(newKey), "A stored answer from just now was deleted.");
        var replay = await _api.PostAsync($"/api/v1/sales/{newSale.Id}/lines", new { productId = product.Id }, newKey);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"), "A recent key must still replay its answer.");
        Assert.Single((await _api.GetSaleAsync(newSale.Id)).Lines);
    }

    private async Task<bool> StoredAsync(string key)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KasseDbContext>().IdempotencyRecords.AnyAsync(r => r.Key == key);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IdempotencyPruningOnSqlite(SqliteServer server) : IdempotencyPruningTests(server);

[Collection(PostgresCollection.Name)]
public sealed class IdempotencyPruningOnPostgres(PostgresServer server) : IdempotencyPruningTests(server);
