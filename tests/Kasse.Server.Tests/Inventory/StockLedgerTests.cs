using System.Net;
using Kasse.Application.Inventory;
using Kasse.Application.Sales;
using Kasse.Domain.Inventory;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Inventory;

public abstract class StockLedgerTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task Every_store_has_its_floor_and_can_add_a_back_room_and_a_warehouse()
    {
        var shop = await _api.NewShopAsync();
        await _api.NewLocationAsync(shop.Store.Id, "Baglager");
        await _api.NewLocationAsync(shop.Store.Id, "Centrallager", LocationKind.Warehouse);

        var locations = await _api.LocationsAsync(shop.Store.Id);

        Assert.Equal([LocationKind.StoreFloor, LocationKind.BackRoom, LocationKind.Warehouse], locations.Select(l => l.Kind));
        var duplicate = await _api.PostAsync($"/api/v1/stores/{shop.Store.Id}/stock-locations", new CreateLocation(Guid.CreateVersion7(), "Baglager"));
        await KasseClient.Problem(duplicate, HttpStatusCode.Conflict, "location.name-taken");
    }

    [Fact]
    public async Task A_sale_and_a_return_move_stock_out_of_and_back_into_the_selling_location_as_ledger_rows()
    {
        var shop = await _api.NewShopAsync();
        var jam = await _api.NewProductAsync(32.00m, name: "Solbærsyltetøj");
        var floor = await _api.FloorAsync(shop);
        await _api.AdjustAsync(floor.Id, jam.Id, 10m, "Opening stock");

        var sale = await _api.SellAsync(shop, PaymentMethod.Card, (jam, 3m));
        await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sale.Id,
            [new ReturnLineRequest(sale.Lines[0].Id, 1m)], RefundMethod: PaymentMethod.Card));

        Assert.Equal(8m, await _api.OnHandAsync(jam.Id, floor.Id));
        var movements = (await _api.MovementsAsync(jam.Id)).Reverse().ToList();
        Assert.Equal([MovementKind.Adjustment, MovementKind.Sale, MovementKind.Return], movements.Select(m => m.Kind));
        Assert.Equal([10m, -3m, 1m], movements.Select(m => m.Quantity));
        Assert.Equal([10m, 7m, 8m], movements.Select(m => m.OnHandAfter));
        Assert.Equal(sale.Id, movements[1].ReferenceId);
    }

    [Fact]
    public async Task Training_sales_leave_stock_alone()
    {
        var shop = await _api.NewShopAsync();
        var tea = await _api.NewProductAsync(45.00m);
        var floor = await _api.FloorAsync(shop);
        await _api.AdjustAsync(floor.Id, tea.Id, 5m);
        await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/training", new { on = true, employeeId = shop.SupervisorId }));

        await _api.SellAsync(shop, PaymentMethod.Card, (tea, 2m));

        Assert.Equal(5m, await _api.OnHandAsync(tea.Id, floor.Id));
        Assert.Single(await _api.MovementsAsync(tea.Id));
    }

    [Fact]
    public async Task A_register_can_sell_from_its_own_location()
    {
        var shop = await _api.NewShopAsync();
        var counter = await _api.NewLocationAsync(shop.Store.Id, "Cafédisk", LocationKind.StoreFloor);
        var cake = await _api.NewProductAsync(38.00m);
        await _api.PutAsync<LocationView>($"/api/v1/registers/{shop.Register.Id}/stock-location", new { locationId = counter.Id });

        await _api.SellAsync(shop, PaymentMethod.Card, (cake, 2m));

        Assert.Equal(-2m, await _api.OnHandAsync(cake.Id, counter.Id));
        Assert.Equal(0m, await _api.OnHandAsync(cake.Id, (await _api.FloorAsync(shop)).Id));
    }

    [Fact]
    public async Task Selling_below_zero_is_allowed_and_flagged_by_default()
    {
        var shop = await _api.NewShopAsync();
        var soap = await _api.NewProductAsync(19.95m);
        var floor = await _api.FloorAsync(shop);
        await _api.AdjustAsync(floor.Id, soap.Id, 1m);

        await _api.SellAsync(shop, PaymentMethod.Card, (soap, 2m));

        var sold = (await _api.MovementsAsync(soap.Id))[0];
        Assert.Equal(-1m, sold.OnHandAfter);
        Assert.True(sold.WentBelowZero);
        var alert = Assert.Single(await _api.GetAsync<List<StockLevelView>>($"/api/v1/stores/{shop.Store.Id}/stock-alerts"));
        Assert.Equal(StockState.Out, alert.State);
    }

    [Fact]
    public async Task A_blocked_product_refuses_the_line_that_asks_for_more_than_is_in_stock_but_the_line_can_still_be_lowered()
    {
        var shop = await _api.NewShopAsync();
        var ticket = await _api.NewProductAsync(150.00m, name: "Koncertbillet");
        var floor = await _api.FloorAsync(shop);
        await _api.ConfigureAsync(floor.Id, ticket.Id, belowZero: BelowZeroPolicy.Block);
        await _api.AdjustAsync(floor.Id, ticket.Id, 2m);
        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.AddProductAsync(sale.Id, ticket.Id, 2m);

        var third = await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(ProductId: ticket.Id, Quantity: 1m));
        var raise = await _api.SendAsync(HttpMethod.Patch, $"/api/v1/sales/{sale.Id}/lines/{sale.Lines[0].Id}", new { quantity = 3m });

        var problem = await KasseClient.Problem(third, HttpStatusCode.Conflict, "stock.insufficient");
        Assert.Contains("Koncertbillet", problem.GetProperty("detail").GetString());
        await KasseClient.Problem(raise, HttpStatusCode.Conflict, "stock.insufficient");
        await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Patch, $"/api/v1/sales/{sale.Id}/lines/{sale.Lines[0].Id}", new { quantity = 1m }));
    }

    [Fact]
    public async Task A_product_switched_to_block_while_a_sale_is_open_is_refused_at_the_next_raise()
    {
        // The till keeps the blocked products in memory (BlockedProductsCache); the policy change must reach it at once.
        var shop = await _api.NewShopAsync();
        var ticket = await _api.NewProductAsync(150.00m, name: "Koncertbillet");
        var floor = await _api.FloorAsync(shop);
        await _api.AdjustAsync(floor.Id, ticket.Id, 1m);
        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.AddProductAsync(sale.Id, ticket.Id, 1m);

        await _api.ConfigureAsync(floor.Id, ticket.Id, belowZero: BelowZeroPolicy.Block);
        var raise = await _api.SendAsync(HttpMethod.Patch, $"/api/v1/sales/{sale.Id}/lines/{sale.Lines[0].Id}", new { quantity = 2m });
        await KasseClient.Problem(raise, HttpStatusCode.Conflict, "stock.insufficient");

        await _api.ConfigureAsync(floor.Id, ticket.Id, belowZero: BelowZeroPolicy.AllowAndFlag);
        var allowed = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Patch, $"/api/v1/sales/{sale.Id}/lines/{sale.Lines[0].Id}", new { quantity = 2m }));
        Assert.Equal(2m, allowed.Lines[0].Quantity);
    }

    [Fact]
    public async Task Adjustments_and_waste_need_a_reason_and_are_booked_once_per_id()
    {
        var shop = await _api.NewShopAsync();
        var milk = await _api.NewProductAsync(12.95m);
        var floor = await _api.FloorAsync(shop);
        var id = Guid.CreateVersion7();

        var noReason = await _api.TryAdjustAsync(floor.Id, milk.Id, 5m, " ");
        var wasteIn = await _api.TryAdjustAsync(floor.Id, milk.Id, 5m, "Expired", MovementKind.Waste);
        var notByHand = await _api.TryAdjustAsync(floor.Id, milk.Id, 5m, "Delivered", MovementKind.Received);
        await KasseClient.Read<MovementView>(await _api.TryAdjustAsync(floor.Id, milk.Id, 12m, "Opening stock", id: id));
        await KasseClient.Read<MovementView>(await _api.TryAdjustAsync(floor.Id, milk.Id, 12m, "Opening stock", id: id));
        await _api.AdjustAsync(floor.Id, milk.Id, -2m, "Expired", MovementKind.Waste);

        await KasseClient.Problem(noReason, HttpStatusCode.BadRequest, "movement.reason");
        await KasseClient.Problem(wasteIn, HttpStatusCode.BadRequest, "movement.quantity");
        await KasseClient.Problem(notByHand, HttpStatusCode.BadRequest, "movement.kind");
        Assert.Equal(10m, await _api.OnHandAsync(milk.Id, floor.Id));
        Assert.Equal("Expired", (await _api.MovementsAsync(milk.Id))[0].Reason);
    }

    [Fact]
    public async Task Low_and_out_of_stock_alerts_follow_the_reorder_point()
    {
        var shop = await _api.NewShopAsync();
        var flour = await _api.NewProductAsync(15.00m, name: "Hvedemel");
        var sugar = await _api.NewProductAsync(18.00m, name: "Sukker");
        var salt = await _api.NewProductAsync(9.00m, name: "Salt");
        var floor = await _api.FloorAsync(shop);
        await _api.ConfigureAsync(floor.Id, flour.Id, reorderPoint: 5m, reorderQuantity: 20m);
        await _api.ConfigureAsync(floor.Id, sugar.Id, reorderPoint: 5m);
        await _api.ConfigureAsync(floor.Id, salt.Id, reorderPoint: 5m);
        await _api.AdjustAsync(floor.Id, flour.Id, 4m);
        await _api.AdjustAsync(floor.Id, salt.Id, 50m);

        var alerts = await _api.GetAsync<List<StockLevelView>>($"/api/v1/stores/{shop.Store.Id}/stock-alerts");

        Assert.Equal([("Sukker", StockState.Out), ("Hvedemel", StockState.Low)], alerts.Select(a => (a.Name, a.State)));
        var invalid = await _api.SendAsync(HttpMethod.Put, $"/api/v1/stock-locations/{floor.Id}/products/{flour.Id}/settings",
            new StockSettings(-1m, 0m));
        await KasseClient.Problem(invalid, HttpStatusCode.BadRequest, "stock.reorder-point");
    }

    [Fact]
    public async Task A_cashier_can_read_stock_but_not_adjust_it()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(10m);
        var cashier = await server.ClientAsAsync("Cashier");
        var floor = await _api.FloorAsync(shop);

        var read = await cashier.Http.GetAsync($"/api/v1/products/{item.Id}/stock");
        var adjust = await cashier.TryAdjustAsync(floor.Id, item.Id, 1m, "Found");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await KasseClient.Problem(adjust, HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StockLedgerOnSqlite(SqliteServer server) : StockLedgerTests(server);

[Collection(PostgresCollection.Name)]
public sealed class StockLedgerOnPostgres(PostgresServer server) : StockLedgerTests(server);
