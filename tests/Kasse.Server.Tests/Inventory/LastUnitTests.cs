using System.Net;
using Kasse.Application.Inventory;
using Kasse.Application.Sales;
using Kasse.Domain.Inventory;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Inventory;

/// <summary>Two tills selling the last unit at the same moment, as real concurrent HTTP requests on separate connections.</summary>
public abstract class LastUnitTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<(Shop Shop, Guid Location, SaleView First, SaleView Second, KasseClient TillA, KasseClient TillB)> TwoTillsWithOneUnitInBasketAsync(
        BelowZeroPolicy policy)
    {
        var shop = await _api.NewShopAsync();
        var secondRegister = await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");
        var vase = await _api.NewProductAsync(499.00m, name: "Sidste vase");
        var floor = await _api.FloorAsync(shop);
        await _api.ConfigureAsync(floor.Id, vase.Id, belowZero: policy);
        await _api.AdjustAsync(floor.Id, vase.Id, 1m);
        var tillA = server.Client();
        var tillB = server.Client();
        var first = await tillA.OpenSaleAsync(shop);
        var second = await tillB.OpenSaleAsync(shop with { Register = secondRegister });
        await tillA.AddProductAsync(first.Id, vase.Id);
        await tillB.AddProductAsync(second.Id, vase.Id);
        await tillA.PayAsync(first.Id, PaymentMethod.Card);
        await tillB.PayAsync(second.Id, PaymentMethod.Card);
        return (shop, floor.Id, first, second, tillA, tillB);
    }

    private static async Task<HttpResponseMessage[]> CompleteAtOnceAsync(KasseClient tillA, Guid first, KasseClient tillB, Guid second)
    {
        using var start = new SemaphoreSlim(0, 2);
        var a = Task.Run(async () => { await start.WaitAsync(); return await tillA.TryCompleteAsync(first); });
        var b = Task.Run(async () => { await start.WaitAsync(); return await tillB.TryCompleteAsync(second); });
        start.Release(2);
        return await Task.WhenAll(a, b);
    }

    [Fact]
    public async Task With_block_exactly_one_till_sells_the_last_unit_and_the_other_is_told_why()
    {
        for (var round = 0; round < 3; round++)
        {
            var (_, location, first, second, tillA, tillB) = await TwoTillsWithOneUnitInBasketAsync(BelowZeroPolicy.Block);

            var answers = await CompleteAtOnceAsync(tillA, first.Id, tillB, second.Id);

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            var refused = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
            await KasseClient.Problem(refused, HttpStatusCode.Conflict, "stock.insufficient");
            var vase = (await _api.GetSaleAsync(first.Id)).Lines[0].ProductId!.Value;
            var movements = await _api.MovementsAsync(vase);
            var sales = movements.Where(m => m.Kind == MovementKind.Sale).ToList();
            Assert.Single(sales);
            Assert.Equal(0m, sales[0].OnHandAfter);
            Assert.Equal(0m, await _api.OnHandAsync(vase, location));
            Assert.Equal(movements.Sum(m => m.Quantity), await _api.OnHandAsync(vase, location));
            var statuses = new[] { (await _api.GetSaleAsync(first.Id)).Status, (await _api.GetSaleAsync(second.Id)).Status };
            Assert.Equal(1, statuses.Count(s => s == SaleStatus.Completed));
        }
    }

    [Fact]
    public async Task With_allow_both_tills_sell_and_the_ledger_adds_up_to_minus_one_with_the_second_flagged()
    {
        for (var round = 0; round < 3; round++)
        {
            var (_, location, first, second, tillA, tillB) = await TwoTillsWithOneUnitInBasketAsync(BelowZeroPolicy.AllowAndFlag);

            var answers = await CompleteAtOnceAsync(tillA, first.Id, tillB, second.Id);

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            var vase = (await _api.GetSaleAsync(first.Id)).Lines[0].ProductId!.Value;
            var sales = (await _api.MovementsAsync(vase)).Where(m => m.Kind == MovementKind.Sale).OrderBy(m => m.OnHandAfter).ToList();
            Assert.Equal([-1m, 0m], sales.Select(m => m.OnHandAfter));
            Assert.Equal([true, false], sales.Select(m => m.WentBelowZero));
            Assert.Equal(-1m, await _api.OnHandAsync(vase, location));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LastUnitOnSqlite(SqliteServer server) : LastUnitTests(server);

[Collection(PostgresCollection.Name)]
public sealed class LastUnitOnPostgres(PostgresServer server) : LastUnitTests(server);
