using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Restaurant;

/// <summary>
/// The floor views are told of a store's tables changing (issue 22): every committed change of a sale on a table or tab,
/// the sale moved off the floor, its provisional bill; never a shop sale. Told after the commit, before the answer.
/// </summary>
public abstract class FloorNotifierTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<T> Post<T>(string path, object? body) => await KasseClient.Read<T>(await _api.PostAsync(path, body));

    [Fact]
    public async Task A_table_sale_opened_ordered_billed_and_moved_off_the_floor_is_told_each_time_and_a_shop_sale_never()
    {
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        var area = await Post<AreaView>($"/api/v1/stores/{storeId}/floor/areas", new SaveArea("Salen"));
        var table = await Post<TableView>($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(area.Id, "4"));
        var product = await _api.NewProductAsync(45.00m);
        var told = 0;
        void Hear(Guid store)
        {
            if (store == storeId)
                Interlocked.Increment(ref told);
        }
        var notifier = server.Services.GetRequiredService<FloorNotifier>();
        notifier.Changed += Hear;
        try
        {
            var counter = await _api.OpenSaleAsync(shop);
            await _api.AddProductAsync(counter.Id, product.Id);
            var afterShopSale = told;

            var seated = await Post<SaleView>("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, table.Id, Covers: 2));
            var afterOpen = told;
            await _api.AddProductAsync(seated.Id, product.Id);
            var afterLine = told;
            await Post<PrintedReceipt>($"/api/v1/sales/{seated.Id}/receipt/provisional", null);
            var afterBill = told;
            await Post<SaleView>($"/api/v1/sales/{seated.Id}/table", new SeatSale(null));
            var afterMovedOff = told;
            await _api.AddProductAsync(seated.Id, product.Id);
            var afterOffTheFloor = told;

            Assert.Equal((0, 1, 2, 3, 4, 4), (afterShopSale, afterOpen, afterLine, afterBill, afterMovedOff, afterOffTheFloor));
        }
        finally
        {
            notifier.Changed -= Hear;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FloorNotifierOnSqlite(SqliteServer server) : FloorNotifierTests(server);

[Collection(PostgresCollection.Name)]
public sealed class FloorNotifierOnPostgres(PostgresServer server) : FloorNotifierTests(server);
