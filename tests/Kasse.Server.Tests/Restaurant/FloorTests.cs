using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Sales;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Restaurant;

public abstract class FloorTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<AreaView> AddAreaAsync(Guid storeId, string name) =>
        await KasseClient.Read<AreaView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/areas", new SaveArea(name)));

    private async Task<TableView> AddTableAsync(Guid storeId, Guid areaId, string name, int x = 0, int seats = 4) =>
        await KasseClient.Read<TableView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(areaId, name, seats, TableShape.Round, x, 1)));

    private async Task<FloorStateView> StateAsync(Guid storeId) =>
        (await _api.Http.GetFromJsonAsync<FloorStateView>($"/api/v1/stores/{storeId}/floor/state", KasseClient.Json))!;

    private static TableStateView Table(FloorStateView floor, Guid tableId) => floor.Areas.SelectMany(a => a.Tables).Single(t => t.Id == tableId);

    [Fact]
    public async Task The_floor_plan_keeps_areas_and_tables_refuses_bad_ones_and_only_a_manager_changes_it()
    {
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        var inside = await AddAreaAsync(storeId, "Salen");
        var garden = await AddAreaAsync(storeId, "Gården");
        var one = await AddTableAsync(storeId, inside.Id, "1");
        var two = await AddTableAsync(storeId, inside.Id, "2", x: 3);

        var moved = await KasseClient.Read<TableView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/floor/tables/{two.Id}",
            new SaveTable(garden.Id, "2", 6, TableShape.Square, 5, 7, 3, 2)));
        var badSeats = await _api.PostAsync($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(inside.Id, "3", Seats: 0));
        var sameName = await _api.PostAsync($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(garden.Id, "1"));
        var areaWithTables = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/stores/{storeId}/floor/areas/{inside.Id}", null);
        var cashier = await server.ClientAsAsync("Cashier", storeId);
        var byCashier = await cashier.PostAsync($"/api/v1/stores/{storeId}/floor/areas", new SaveArea("Baren"));
        var cashierReads = await cashier.Http.GetAsync($"/api/v1/stores/{storeId}/floor");
        var plan = (await _api.Http.GetFromJsonAsync<List<AreaView>>($"/api/v1/stores/{storeId}/floor", KasseClient.Json))!;

        Assert.Equal(["Salen", "Gården"], plan.Select(a => a.Name));
        Assert.Equal([one.Id], plan[0].Tables.Select(t => t.Id));
        var placed = Assert.Single(plan[1].Tables);
        Assert.Equal(moved, placed);
        Assert.Equal((6, TableShape.Square, 5, 7, 3, 2), (placed.Seats, placed.Shape, placed.X, placed.Y, placed.Width, placed.Height));
        var seats = await KasseClient.Problem(badSeats, HttpStatusCode.BadRequest, "floor.table-seats");
        Assert.Equal("application/problem+json", badSeats.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1 to 99", seats.GetProperty("detail").GetString());
        await KasseClient.Problem(sameName, HttpStatusCode.Conflict, "floor.table-name-taken");
        await KasseClient.Problem(areaWithTables, HttpStatusCode.Conflict, "floor.area-has-tables");
        await KasseClient.Problem(byCashier, HttpStatusCode.Forbidden, "permission.denied");
        Assert.Equal(HttpStatusCode.OK, cashierReads.StatusCode);
    }

    [Fact]
    public async Task A_table_goes_from_free_to_ordered_to_bill_asked_to_paid_and_a_sale_moves_and_is_handed_over_with_an_audit_line()
    {
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        var coffee = await _api.NewProductAsync(42.00m, name: "Cappuccino");
        var area = await AddAreaAsync(storeId, "Salen");
        var four = await AddTableAsync(storeId, area.Id, "4");
        var five = await AddTableAsync(storeId, area.Id, "5", x: 3);

        var free = Table(await StateAsync(storeId), four.Id);
        var opened = await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales",
            new OpenSale(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, four.Id, Covers: 3)));
        var seated = Table(await StateAsync(storeId), four.Id);
        Assert.Equal((four.Id, 3), (opened.TableId, opened.Covers));
        await _api.AddProductAsync(opened.Id, coffee.Id, 2m);
        var ordered = Table(await StateAsync(storeId), four.Id);
        var tab = await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales",
            new OpenSale(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, TabName: "Jensen")));
        await _api.AddProductAsync(tab.Id, coffee.Id);
        var second = await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales",
            new OpenSale(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, four.Id, Covers: 1)));
        await _api.AddProductAsync(second.Id, coffee.Id);
        var twoSales = await StateAsync(storeId);

        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{second.Id}/table", new SeatSale(five.Id)));
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{opened.Id}/hand-over", new HandOverSale(shop.SupervisorId)));
        var afterMove = await StateAsync(storeId);
        var deleteInUse = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/stores/{storeId}/floor/tables/{five.Id}", null);
        var badCovers = await _api.PostAsync($"/api/v1/sales/{opened.Id}/table", new SeatSale(four.Id, Covers: 0));
        await _api.PostAsync($"/api/v1/sales/{opened.Id}/receipt/provisional", null);
        var billAsked = Table(await StateAsync(storeId), four.Id);
        await _api.PayAsync(opened.Id, PaymentMethod.Card);
        await _api.CompleteAsync(opened.Id);
        var paid = Table(await StateAsync(storeId), four.Id);
        var moves = await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?subject=sale:{second.Id}&action=SaleMovedToTable", KasseClient.Json);
        var handOvers = await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?subject=sale:{opened.Id}&action=SaleHandedOver", KasseClient.Json);

        Assert.Equal(TableState.Free, free.State);
        Assert.Equal((TableState.Seated, 3, 0m), (seated.State, seated.Covers, seated.Total));
        Assert.Equal((TableState.Ordered, 84.00m, 3), (ordered.State, ordered.Total, ordered.Covers));
        Assert.Equal(opened.OpenedAt, ordered.OpenedSince);
        var both = Table(twoSales, four.Id);
        Assert.Equal((2, 126.00m, 4), (both.Sales.Count, both.Total, both.Covers));
        Assert.Equal("Jensen", tab.TabName);
        var jensen = Assert.Single(twoSales.Tabs);
        Assert.Equal(("Jensen", 42.00m), (jensen.TabName, jensen.Total));
        Assert.Equal((TableState.Ordered, 84.00m), (Table(afterMove, four.Id).State, Table(afterMove, four.Id).Total));
        Assert.Equal((TableState.Ordered, 42.00m), (Table(afterMove, five.Id).State, Table(afterMove, five.Id).Total));
        Assert.Equal(shop.SupervisorId, Assert.Single(Table(afterMove, four.Id).Sales).WaiterId);
        await KasseClient.Problem(deleteInUse, HttpStatusCode.Conflict, "floor.table-in-use");
        await KasseClient.Problem(badCovers, HttpStatusCode.BadRequest, "sale.covers");
        Assert.Equal(TableState.BillAsked, billAsked.State);
        Assert.Equal((TableState.Paid, 0m), (paid.State, paid.Total));
        Assert.Contains("from table 4 to table 5", Assert.Single(moves!).Detail);
        Assert.Contains("to ", Assert.Single(handOvers!).Detail);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FloorOnSqlite(SqliteServer server) : FloorTests(server);

[Collection(PostgresCollection.Name)]
public sealed class FloorOnPostgres(PostgresServer server) : FloorTests(server);
