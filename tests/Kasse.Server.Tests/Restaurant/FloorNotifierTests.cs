using System.Net.Http.Json;
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

    [Fact]
    public async Task The_kitchen_sending_and_bumping_a_tables_food_is_told_so_the_floor_shows_it_waiting_for_food_and_back()
    {
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        var cooks = await Post<KitchenStationView>($"/api/v1/stores/{storeId}/kitchen/stations", new SaveKitchenStation("Køkken"));
        var area = await Post<AreaView>($"/api/v1/stores/{storeId}/floor/areas", new SaveArea("Salen"));
        var table = await Post<TableView>($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(area.Id, "4"));
        var product = await _api.NewProductAsync(45.00m);
        var told = 0;
        void Hear(Guid store)
        {
            if (store == storeId)
                Interlocked.Increment(ref told);
        }
        async Task<TableState> StateAsync() =>
            (await _api.Http.GetFromJsonAsync<FloorStateView>($"/api/v1/stores/{storeId}/floor/state", KasseClient.Json))!
                .Areas.SelectMany(a => a.Tables).Single(t => t.Id == table.Id).State;
        var notifier = server.Services.GetRequiredService<FloorNotifier>();
        var sale = await Post<SaleView>("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, table.Id, Covers: 2));
        await _api.AddProductAsync(sale.Id, product.Id);
        notifier.Changed += Hear;
        try
        {
            await Post<SaleKitchenView>($"/api/v1/sales/{sale.Id}/kitchen/send", new SendToKitchen());
            var afterSend = told;
            var sent = await StateAsync();
            var ticket = Assert.Single((await _api.Http.GetFromJsonAsync<KitchenBoardView>($"/api/v1/kitchen/stations/{cooks.Id}/board", KasseClient.Json))!.Open);
            await Post<KitchenTicketView>($"/api/v1/kitchen/tickets/{ticket.Id}/bump", null);
            var afterBump = told;
            var bumped = await StateAsync();

            Assert.True(afterSend >= 1, "the send was not told to the floor");
            Assert.Equal(TableState.WaitingForFood, sent);
            Assert.Equal(afterSend + 1, afterBump);
            Assert.Equal(TableState.Ordered, bumped);
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
