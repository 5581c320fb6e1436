using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Catalog;
using Kasse.Application.Menu;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Domain.Menu;
using Kasse.Domain.Restaurant;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Restaurant;

/// <summary>
/// QR ordering at the table through the guest API: the guest orders onto its own table's sale through the sale use cases
/// (the kitchen gets it at once, or after a waiter confirms), reaches nothing of any other table, nothing once the table is
/// closed or its code renewed, and is refused with 429 problem+json when a phone or a table orders too often.
/// </summary>
public abstract class GuestOrderingTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private sealed record Cafe(Shop Shop, KitchenStationView Cooks, TableView Eight, TableView Nine, ProductView Burger, ModifierGroupView Onion,
        ModifierGroupView Bread, ProductView Soda);

    private async Task<Cafe> NewCafeAsync()
    {
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        var cooks = await KasseClient.Read<KitchenStationView>(await _api.PostAsync($"/api/v1/stores/{storeId}/kitchen/stations", new SaveKitchenStation("Køkken")));
        var area = await KasseClient.Read<AreaView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/areas", new SaveArea("Salen")));
        var eight = await KasseClient.Read<TableView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(area.Id, "8")));
        var nine = await KasseClient.Read<TableView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(area.Id, "9", X: 3)));
        var burger = await _api.NewProductAsync(129m, name: "Burger " + Guid.NewGuid().ToString("N")[..6]);
        var soda = await _api.NewProductAsync(30m, name: "Sodavand " + Guid.NewGuid().ToString("N")[..6]);
        var onion = await KasseClient.Read<ModifierGroupView>(await _api.PostAsync($"/api/v1/stores/{storeId}/menu/modifier-groups",
            new SaveModifierGroup("Løg", 0, 1, [new("Uden løg")])));
        var bread = await KasseClient.Read<ModifierGroupView>(await _api.PostAsync($"/api/v1/stores/{storeId}/menu/modifier-groups",
            new SaveModifierGroup("Brød", 1, 1, [new("Surdej"), new("Glutenfri", 10m)])));
        Assert.Equal(HttpStatusCode.OK, (await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/menu/products/{burger.Id}",
            new SaveProductMenu([Allergens.Gluten], GroupIds: [bread.Id, onion.Id]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/kitchen/routes",
            new SaveKitchenRoute(soda.Id, null, cooks.Id, null))).StatusCode);
        return new Cafe(shop, cooks, eight, nine, burger, onion, bread, soda);
    }

    private async Task<string> TokenAsync(Cafe cafe, TableView table) =>
        (await _api.Http.GetFromJsonAsync<List<QrAreaView>>($"/api/v1/stores/{cafe.Shop.Store.Id}/guest-ordering/tables", KasseClient.Json))!
            .SelectMany(a => a.Tables).Single(t => t.Id == table.Id).Token;

    /// <summary>A guest's phone: no key, no session; its own device cookie.</summary>
    private HttpClient Phone(string device)
    {
        var phone = server.CreateClient(apiKey: null);
        phone.DefaultRequestHeaders.Add("Cookie", "kasse.guest=" + device);
        return phone;
    }

    private static PlaceGuestOrder BurgerOrder(Cafe cafe, int quantity = 2) => new([
        new GuestOrderLine(cafe.Burger.Id, quantity, [cafe.Bread.Options[0].Id, cafe.Onion.Options[0].Id], "Ingen sennep"),
        new GuestOrderLine(cafe.Soda.Id)]);

    private async Task<KitchenBoardView> BoardAsync(Guid stationId) =>
        (await _api.Http.GetFromJsonAsync<KitchenBoardView>($"/api/v1/kitchen/stations/{stationId}/board", KasseClient.Json))!;

    private async Task<TableStateView> TableAsync(Cafe cafe, TableView table) =>
        (await _api.Http.GetFromJsonAsync<FloorStateView>($"/api/v1/stores/{cafe.Shop.Store.Id}/floor/state", KasseClient.Json))!
            .Areas.SelectMany(a => a.Tables).Single(t => t.Id == table.Id);

    [Fact]
    public async Task A_guest_orders_from_the_tables_QR_code_onto_its_sale_and_the_kitchen_gets_it_at_once_sent_by_the_guest()
    {
        var cafe = await NewCafeAsync();
        var token = await TokenAsync(cafe, cafe.Eight);
        using var phone = Phone("phone-" + Guid.NewGuid().ToString("N"));

        var menu = (await phone.GetFromJsonAsync<GuestMenuView>($"/api/v1/guest/{token}", KasseClient.Json))!;
        var placed = await phone.PostAsJsonAsync($"/api/v1/guest/{token}/orders", BurgerOrder(cafe), KasseClient.Json);
        var order = await KasseClient.Read<GuestOrderView>(placed);
        var table = await TableAsync(cafe, cafe.Eight);
        var sale = await _api.GetSaleAsync(order.SaleId);
        var board = await BoardAsync(cafe.Cooks.Id);
        var bill = (await phone.GetFromJsonAsync<GuestBillView>($"/api/v1/guest/{token}/bill", KasseClient.Json))!;
        var sent = await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?subject=sale:{sale.Id}&action=SentToKitchen", KasseClient.Json);

        Assert.Equal("8", menu.Table);
        var item = menu.Categories.SelectMany(c => c.Items).Single(i => i.Id == cafe.Burger.Id);
        Assert.Equal(["Brød", "Løg"], item.Groups.Select(g => g.Name));
        Assert.Equal([Allergens.Gluten], item.Allergens);
        Assert.Contains(menu.Categories.SelectMany(c => c.Items), i => i.Id == cafe.Soda.Id);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Equal(GuestOrderStatus.Sent, order.Status);
        Assert.Equal((cafe.Eight.Id, TableState.WaitingForFood, 2 * 129m + 30m), (sale.TableId, table.State, table.Total));
        var burgerLine = sale.Lines.Single(l => l.ProductId == cafe.Burger.Id);
        Assert.Equal((2m, "Ingen sennep"), (burgerLine.Quantity, burgerLine.Note));
        Assert.Equal(["Surdej", "Uden løg"], burgerLine.Modifiers.Select(m => m.Name));
        var ticket = Assert.Single(board.Open);
        Assert.Equal("8", ticket.TableName);
        Assert.Contains(ticket.Items, i => i.Name == cafe.Burger.Name && i.Quantity == 2m && i.Note == "Ingen sennep" && i.Modifiers.Contains("Uden løg"));
        Assert.Equal(2 * 129m + 30m, bill.Total);
        Assert.All(bill.Lines, l => Assert.Equal("Sent", l.Status));
        Assert.Equal("Gæst ved bord 8", Assert.Single(sent!).Actor);
    }

    [Fact]
    public async Task With_staff_confirming_a_guest_order_waits_on_the_floor_until_a_waiter_confirms_it_or_rejects_it()
    {
        var cafe = await NewCafeAsync();
        var storeId = cafe.Shop.Store.Id;
        await KasseClient.Read<GuestOrderingSettingsView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/guest-ordering",
            new SaveGuestOrderingSettings(Closed: false, StaffConfirms: true)));
        var token = await TokenAsync(cafe, cafe.Eight);
        using var phone = Phone("phone-" + Guid.NewGuid().ToString("N"));

        var first = await KasseClient.Read<GuestOrderView>(await phone.PostAsJsonAsync($"/api/v1/guest/{token}/orders", BurgerOrder(cafe), KasseClient.Json));
        var waiting = await TableAsync(cafe, cafe.Eight);
        var boardBefore = await BoardAsync(cafe.Cooks.Id);
        var billBefore = (await phone.GetFromJsonAsync<GuestBillView>($"/api/v1/guest/{token}/bill", KasseClient.Json))!;
        var onSale = await _api.Http.GetFromJsonAsync<List<GuestOrderView>>($"/api/v1/sales/{first.SaleId}/guest-orders", KasseClient.Json);
        var confirmed = await KasseClient.Read<GuestOrderView>(await _api.PostAsync($"/api/v1/guest-orders/{first.Id}/confirm", null));
        var boardAfter = await BoardAsync(cafe.Cooks.Id);
        var second = await KasseClient.Read<GuestOrderView>(await phone.PostAsJsonAsync($"/api/v1/guest/{token}/orders",
            new PlaceGuestOrder([new GuestOrderLine(cafe.Soda.Id, 3)]), KasseClient.Json));
        var rejected = await KasseClient.Read<GuestOrderView>(await _api.PostAsync($"/api/v1/guest-orders/{second.Id}/reject", null));
        var again = await _api.PostAsync($"/api/v1/guest-orders/{second.Id}/confirm", null);
        var sale = await _api.GetSaleAsync(first.SaleId);
        var after = await TableAsync(cafe, cafe.Eight);

        Assert.Equal(GuestOrderStatus.Pending, first.Status);
        Assert.Equal(1, waiting.GuestOrdersWaiting);
        Assert.Empty(boardBefore.Open);
        Assert.All(billBefore.Lines, l => Assert.Equal("Pending", l.Status));
        Assert.Equal(first.Id, Assert.Single(onSale!).Id);
        Assert.Equal(GuestOrderStatus.Sent, confirmed.Status);
        Assert.False(string.IsNullOrEmpty(confirmed.DecidedBy));
        Assert.Contains(Assert.Single(boardAfter.Open).Items, i => i.Name == cafe.Burger.Name);
        Assert.Equal(GuestOrderStatus.Rejected, rejected.Status);
        await KasseClient.Problem(again, HttpStatusCode.Conflict, "guest.decided");
        Assert.Equal(2, sale.Lines.Count);
        Assert.DoesNotContain(sale.Lines, l => l.ProductId == cafe.Soda.Id && l.Quantity == 3m);
        Assert.Equal(0, after.GuestOrdersWaiting);
    }

    [Fact]
    public async Task The_guest_reaches_only_its_own_table_and_nothing_once_the_table_is_closed_or_its_code_renewed()
    {
        var cafe = await NewCafeAsync();
        var storeId = cafe.Shop.Store.Id;
        var nineSale = await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales",
            new OpenSale(Guid.CreateVersion7(), cafe.Shop.Register.Id, cafe.Shop.CashierId, cafe.Nine.Id, Covers: 2)));
        await _api.AddProductAsync(nineSale.Id, cafe.Soda.Id, 4m);
        var token = await TokenAsync(cafe, cafe.Eight);
        using var phone = Phone("phone-" + Guid.NewGuid().ToString("N"));

        var emptyBill = (await phone.GetFromJsonAsync<GuestBillView>($"/api/v1/guest/{token}/bill", KasseClient.Json))!;
        var otherSale = await phone.GetAsync($"/api/v1/sales/{nineSale.Id}");
        var floor = await phone.GetAsync($"/api/v1/stores/{storeId}/floor/state");
        var pay = await phone.PostAsJsonAsync($"/api/v1/sales/{nineSale.Id}/payments", new { id = Guid.CreateVersion7(), method = "Cash", tendered = 200 }, KasseClient.Json);
        var madeUp = await phone.GetAsync($"/api/v1/guest/{new string('x', 32)}");
        var noChoice = await phone.PostAsJsonAsync($"/api/v1/guest/{token}/orders", new PlaceGuestOrder([new GuestOrderLine(cafe.Burger.Id)]), KasseClient.Json);
        var tooMany = await phone.PostAsJsonAsync($"/api/v1/guest/{token}/orders", new PlaceGuestOrder([new GuestOrderLine(cafe.Soda.Id, 11)]), KasseClient.Json);
        var offMenu = await phone.PostAsJsonAsync($"/api/v1/guest/{token}/orders",
            new PlaceGuestOrder([new GuestOrderLine((await _api.NewProductAsync(9m)).Id)]), KasseClient.Json);
        var afterRefusals = await TableAsync(cafe, cafe.Eight);

        await KasseClient.Read<QrTableView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/floor/tables/{cafe.Eight.Id}/ordering", new SetTableOrdering(true)));
        var whileClosed = await phone.PostAsJsonAsync($"/api/v1/guest/{token}/orders", BurgerOrder(cafe), KasseClient.Json);
        var menuWhileClosed = await phone.GetAsync($"/api/v1/guest/{token}");
        await KasseClient.Read<QrTableView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/floor/tables/{cafe.Eight.Id}/ordering", new SetTableOrdering(false)));
        var renewed = await KasseClient.Read<QrTableView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/tables/{cafe.Eight.Id}/ordering-token", null));
        var oldCode = await phone.PostAsJsonAsync($"/api/v1/guest/{token}/orders", BurgerOrder(cafe), KasseClient.Json);
        var newCode = await phone.GetAsync($"/api/v1/guest/{renewed.Token}");
        await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/guest-ordering", new SaveGuestOrderingSettings(Closed: true, StaffConfirms: false));
        var storeClosed = await phone.GetAsync($"/api/v1/guest/{renewed.Token}");
        var cashierChanges = await (await server.ClientAsAsync("Cashier", storeId)).SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/guest-ordering",
            new SaveGuestOrderingSettings(Closed: false, StaffConfirms: false));
        var page = await phone.GetAsync($"/t/{token}");
        var audit = await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?subject=table:{cafe.Eight.Id}", KasseClient.Json);

        Assert.Equal((0m, 0), (emptyBill.Total, emptyBill.Lines.Count));
        Assert.Equal(HttpStatusCode.Unauthorized, otherSale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, floor.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, pay.StatusCode);
        await KasseClient.Problem(madeUp, HttpStatusCode.NotFound, "guest.unknown-table");
        Assert.Equal("application/problem+json", madeUp.Content.Headers.ContentType?.MediaType);
        await KasseClient.Problem(noChoice, HttpStatusCode.BadRequest);
        await KasseClient.Problem(tooMany, HttpStatusCode.BadRequest, "guest.quantity");
        await KasseClient.Problem(offMenu, HttpStatusCode.NotFound, "guest.not-on-menu");
        Assert.Equal((TableState.Free, 0m), (afterRefusals.State, afterRefusals.Total));
        await KasseClient.Problem(whileClosed, HttpStatusCode.Conflict, "guest.closed");
        await KasseClient.Problem(menuWhileClosed, HttpStatusCode.Conflict, "guest.closed");
        Assert.NotEqual(token, renewed.Token);
        await KasseClient.Problem(oldCode, HttpStatusCode.NotFound, "guest.unknown-table");
        Assert.Equal(HttpStatusCode.OK, newCode.StatusCode);
        await KasseClient.Problem(storeClosed, HttpStatusCode.Conflict, "guest.closed");
        await KasseClient.Problem(cashierChanges, HttpStatusCode.Forbidden, "permission.denied");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains(audit!, a => a.Detail == "Table 8 closed for QR ordering.");
        Assert.Contains(audit!, a => a.Detail == "Table 8 opened for QR ordering.");
        Assert.Contains(audit!, a => a.Detail == "New QR code for table 8: the old one no longer works.");
    }

    [Fact]
    public async Task A_phone_or_a_table_that_orders_too_often_is_answered_429_with_a_problem()
    {
        var cafe = await NewCafeAsync();
        var eight = await TokenAsync(cafe, cafe.Eight);
        var nine = await TokenAsync(cafe, cafe.Nine);
        var empty = new PlaceGuestOrder([]);
        using var one = Phone("one-" + Guid.NewGuid().ToString("N"));

        var fromOne = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
            fromOne.Add((await one.PostAsJsonAsync($"/api/v1/guest/{eight}/orders", empty, KasseClient.Json)).StatusCode);
        var limited = await one.PostAsJsonAsync($"/api/v1/guest/{eight}/orders", empty, KasseClient.Json);
        var atNine = new List<HttpStatusCode>();
        foreach (var device in Enumerable.Range(0, 3).Select(n => $"nine-{n}-{Guid.NewGuid():N}"))
        {
            using var phone = Phone(device);
            for (var i = 0; i < 4; i++)
                atNine.Add((await phone.PostAsJsonAsync($"/api/v1/guest/{nine}/orders", empty, KasseClient.Json)).StatusCode);
        }
        using var fresh = Phone("fresh-" + Guid.NewGuid().ToString("N"));
        var tableFull = await fresh.PostAsJsonAsync($"/api/v1/guest/{nine}/orders", empty, KasseClient.Json);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.BadRequest, 6).Append(HttpStatusCode.TooManyRequests), fromOne);
        var problem = await KasseClient.Problem(limited, HttpStatusCode.TooManyRequests, "guest.rate-limited");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("minute", problem.GetProperty("detail").GetString());
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.BadRequest, 12), atNine);
        await KasseClient.Problem(tableFull, HttpStatusCode.TooManyRequests, "guest.rate-limited");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GuestOrderingOnSqlite(SqliteServer server) : GuestOrderingTests(server);

[Collection(PostgresCollection.Name)]
public sealed class GuestOrderingOnPostgres(PostgresServer server) : GuestOrderingTests(server);
