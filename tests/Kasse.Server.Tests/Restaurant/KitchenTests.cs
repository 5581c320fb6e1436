using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Catalog;
using Kasse.Application.Menu;
using Kasse.Application.Printing;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Domain.Devices;
using Kasse.Domain.Menu;
using Kasse.Domain.Restaurant;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Printing;
using Kasse.Tests.Printing;

namespace Kasse.Server.Tests.Restaurant;

/// <summary>
/// The kitchen (issue 22): a table's order sent with its later course held, fired, bumped and recalled, changed after it
/// was sent; and each station's tickets on its own printer over a real socket, printed once even when it was offline.
/// </summary>
public abstract class KitchenTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private sealed record Kitchen(Shop Shop, KitchenStationView Cooks, KitchenStationView Bar, TableView Table);

    private async Task<Kitchen> NewKitchenAsync()
    {
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        var cooks = await KasseClient.Read<KitchenStationView>(await _api.PostAsync($"/api/v1/stores/{storeId}/kitchen/stations", new SaveKitchenStation("Køkken")));
        var bar = await KasseClient.Read<KitchenStationView>(await _api.PostAsync($"/api/v1/stores/{storeId}/kitchen/stations",
            new SaveKitchenStation("Bar", WarnAfterMinutes: 3, LateAfterMinutes: 6)));
        var area = await KasseClient.Read<AreaView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/areas", new SaveArea("Salen")));
        var table = await KasseClient.Read<TableView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(area.Id, "4")));
        return new Kitchen(shop, cooks, bar, table);
    }

    private async Task RouteAsync(Kitchen kitchen, ProductView product, KitchenStationView? station, int? course = null) =>
        Assert.Equal(HttpStatusCode.OK, (await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{kitchen.Shop.Store.Id}/kitchen/routes",
            new SaveKitchenRoute(product.Id, null, station?.Id, course))).StatusCode);

    private async Task<SaleView> OpenTableAsync(Kitchen kitchen) =>
        await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales",
            new OpenSale(Guid.CreateVersion7(), kitchen.Shop.Register.Id, kitchen.Shop.CashierId, kitchen.Table.Id, Covers: 2)));

    private async Task<SaleKitchenView> SendAsync(Guid saleId, bool hold = true) =>
        await KasseClient.Read<SaleKitchenView>(await _api.PostAsync($"/api/v1/sales/{saleId}/kitchen/send", new SendToKitchen(hold)));

    private async Task<SaleKitchenView> FireAsync(Guid saleId, int course) =>
        await KasseClient.Read<SaleKitchenView>(await _api.PostAsync($"/api/v1/sales/{saleId}/kitchen/courses/{course}/fire", null));

    private async Task<KitchenBoardView> BoardAsync(Guid stationId) =>
        (await _api.Http.GetFromJsonAsync<KitchenBoardView>($"/api/v1/kitchen/stations/{stationId}/board", KasseClient.Json))!;

    private async Task<SaleView> CourseAsync(Guid saleId, Guid lineId, int course) =>
        await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{saleId}/lines/{lineId}/course", new SetLineCourse(course)));

    [Fact]
    public async Task A_table_sends_its_starters_with_the_mains_held_fires_the_mains_and_the_cook_bumps_recalls_and_sees_a_change_and_a_void()
    {
        var kitchen = await NewKitchenAsync();
        var soup = await _api.NewProductAsync(65m, name: "Hønsekødssuppe");
        var steak = await _api.NewProductAsync(185m, name: "Bøf med bløde løg");
        var beer = await _api.NewProductAsync(55m, name: "Fadøl");
        await RouteAsync(kitchen, beer, kitchen.Bar);
        await RouteAsync(kitchen, steak, null, course: 2);
        var sale = await OpenTableAsync(kitchen);
        await _api.AddProductAsync(sale.Id, soup.Id, 2m);
        await _api.AddProductAsync(sale.Id, steak.Id, 2m);
        var lines = (await _api.AddProductAsync(sale.Id, beer.Id, 2m)).Lines;
        var beerLine = lines.Single(l => l.ProductId == beer.Id);
        var steakLine = lines.Single(l => l.ProductId == steak.Id);

        var sent = await SendAsync(sale.Id);
        var again = await SendAsync(sale.Id);
        var cooks = await BoardAsync(kitchen.Cooks.Id);
        var bar = await BoardAsync(kitchen.Bar.Id);
        var heldBump = await _api.PostAsync($"/api/v1/kitchen/tickets/{cooks.Held.Single().Id}/bump", null);
        var soupTicket = cooks.Open.Single();
        await KasseClient.Read<KitchenTicketView>(await _api.PostAsync($"/api/v1/kitchen/tickets/{soupTicket.Id}/bump", null));
        var bumped = await BoardAsync(kitchen.Cooks.Id);
        var recalled = await KasseClient.Read<KitchenTicketView>(await _api.PostAsync($"/api/v1/kitchen/stations/{kitchen.Cooks.Id}/recall", null));
        await KasseClient.Read<KitchenTicketView>(await _api.PostAsync($"/api/v1/kitchen/tickets/{soupTicket.Id}/bump", null));
        var fired = await FireAsync(sale.Id, 2);
        var mains = await BoardAsync(kitchen.Cooks.Id);
        await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Patch, $"/api/v1/sales/{sale.Id}/lines/{steakLine.Id}", new { quantity = 3m }));
        await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Delete, $"/api/v1/sales/{sale.Id}/lines/{beerLine.Id}", null));
        var changed = await BoardAsync(kitchen.Cooks.Id);
        var barAfter = await BoardAsync(kitchen.Bar.Id);
        var steakTicket = mains.Open.Single();
        var done = await KasseClient.Read<KitchenTicketView>(await _api.PostAsync(
            $"/api/v1/kitchen/tickets/{steakTicket.Id}/items/{steakTicket.Items.Single().Id}/done", new MarkItemDone()));
        var state = await KasseClient.Read<SaleKitchenView>(await _api.Http.GetAsync($"/api/v1/sales/{sale.Id}/kitchen"));
        var nothingInThree = await _api.PostAsync($"/api/v1/sales/{sale.Id}/kitchen/courses/3/fire", null);
        var audit = await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?subject=sale:{sale.Id}&action=SentToKitchen", KasseClient.Json);

        Assert.Equal(3, sent.Tickets.Count);
        Assert.Empty(again.Tickets);
        var starters = Assert.Single(cooks.Open);
        Assert.Equal((1, KitchenTicketStatus.Open, "4", 2), (starters.Course, starters.Status, starters.TableName, starters.Covers));
        Assert.Equal(("Hønsekødssuppe", 2m, KitchenItemChange.New), (starters.Items.Single().Name, starters.Items.Single().Quantity, starters.Items.Single().Change));
        Assert.NotNull(starters.WaiterName);
        var held = Assert.Single(cooks.Held);
        Assert.Equal((2, KitchenTicketStatus.Held, null), (held.Course, held.Status, held.FiredAt));
        Assert.Equal([new AllDayCount("Hønsekødssuppe", 2m)], cooks.AllDay);
        Assert.Equal("Fadøl", Assert.Single(bar.Open).Items.Single().Name);
        Assert.Empty(bar.Held);
        await KasseClient.Problem(heldBump, HttpStatusCode.Conflict, "kitchen.ticket-held");
        Assert.Empty(bumped.Open);
        Assert.Equal(soupTicket.Id, Assert.Single(bumped.Bumped).Id);
        Assert.Equal((soupTicket.Id, KitchenTicketStatus.Open), (recalled.Id, recalled.Status));
        Assert.Equal(held.Id, Assert.Single(fired.Tickets).Id);
        Assert.Equal(held.Id, Assert.Single(mains.Open).Id);
        Assert.Empty(mains.Held);
        Assert.Equal([new AllDayCount("Bøf med bløde løg", 2m)], mains.AllDay);
        var change = changed.Open.Single(t => t.Id != held.Id);
        Assert.Equal((2, KitchenItemChange.Changed, 2m, 3m), (change.Course, change.Items.Single().Change, change.Items.Single().QuantityBefore, change.Items.Single().Quantity));
        Assert.Equal([new AllDayCount("Bøf med bløde løg", 3m)], changed.AllDay);
        var voided = barAfter.Open.Single(t => t.Items.Any(i => i.Change == KitchenItemChange.Voided)).Items.Single();
        Assert.Equal(("Fadøl", 2m, 0m), (voided.Name, voided.QuantityBefore, voided.Quantity));
        Assert.NotNull(done.Items.Single().DoneAt);
        Assert.All(state.Lines, l => Assert.Equal(KitchenLineState.Fired, l.State));
        Assert.Equal([(1, KitchenLineState.Fired), (2, KitchenLineState.Fired)], state.Courses.Select(c => (c.Course, c.State)));
        await KasseClient.Problem(nothingInThree, HttpStatusCode.Conflict, "kitchen.course-not-ordered");
        Assert.Equal("application/problem+json", nothingInThree.Content.Headers.ContentType?.MediaType);
        Assert.Contains(audit!, a => a.Detail.Contains("2 × Hønsekødssuppe", StringComparison.Ordinal));
        Assert.Equal(2, (await CourseAsync(sale.Id, steakLine.Id, 2)).Lines.Single(l => l.Id == steakLine.Id).Course);
    }

    [Fact]
    public async Task A_table_that_moves_after_sending_takes_its_tickets_along_and_the_cook_sees_the_new_table_and_waiter()
    {
        await using var printer = await PrinterEmulatorProcess.StartAsync();
        var kitchen = await NewKitchenAsync();
        var storeId = kitchen.Shop.Store.Id;
        await KasseClient.Read<PrinterView>(await _api.PostAsync($"/api/v1/stores/{storeId}/printers",
            new SavePrinter(Guid.CreateVersion7(), "Køkkenprinter", PrinterRole.Kitchen, PrinterConnection.Network, printer.Address, Station: "Køkken")));
        var window = await KasseClient.Read<TableView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/tables",
            new SaveTable(kitchen.Table.AreaId, "9 ved vinduet")));
        var soup = await _api.NewProductAsync(65m, name: "Løgsuppe");
        var fish = await _api.NewProductAsync(195m, name: "Stegt rødspætte");
        await RouteAsync(kitchen, fish, kitchen.Cooks, course: 2);
        var sale = await OpenTableAsync(kitchen);
        await _api.AddProductAsync(sale.Id, soup.Id, 2m);
        await _api.AddProductAsync(sale.Id, fish.Id, 2m);
        await SendAsync(sale.Id);
        var starters = (await BoardAsync(kitchen.Cooks.Id)).Open.Single();
        await _api.PostAsync($"/api/v1/kitchen/tickets/{starters.Id}/bump", null);
        await _api.AddProductAsync(sale.Id, soup.Id, 1m);
        await SendAsync(sale.Id);
        var firstPrints = await printer.WaitForJobsAsync(2);

        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/table", new SeatSale(window.Id, Covers: 3)));
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/hand-over", new HandOverSale(kitchen.Shop.SupervisorId)));
        var moved = await BoardAsync(kitchen.Cooks.Id);
        var recalled = await KasseClient.Read<KitchenTicketView>(await _api.PostAsync($"/api/v1/kitchen/stations/{kitchen.Cooks.Id}/recall", null));
        await FireAsync(sale.Id, 2);
        var mainsPrint = (await printer.WaitForJobsAsync(3))[2];

        // The extra soup (still to make) and the held fish follow the guests to the window and to the supervisor who has them now.
        var extra = Assert.Single(moved.Open);
        Assert.Equal(("9 ved vinduet", 3), (extra.TableName, extra.Covers));
        var held = Assert.Single(moved.Held);
        Assert.Equal("9 ved vinduet", held.TableName);
        Assert.Equal(extra.WaiterName, held.WaiterName);
        Assert.NotEqual(starters.WaiterName, held.WaiterName);
        Assert.Contains("Vagtleder", held.WaiterName);
        // What was made and bumped stays as it was made: at table 4.
        Assert.Equal((starters.Id, "4"), (recalled.Id, recalled.TableName));
        Assert.All(firstPrints, job => Assert.Contains("Bord 4", job));
        Assert.Contains("Bord 9 ved vinduet", mainsPrint);
        Assert.Contains("2 x Stegt rødspætte", mainsPrint);
    }

    [Fact]
    public async Task A_dish_reaches_its_station_with_the_guests_choices_the_note_and_the_allergens()
    {
        var kitchen = await NewKitchenAsync();
        var storeId = kitchen.Shop.Store.Id;
        var burger = await _api.NewProductAsync(129m, name: "Burger");
        var onion = await KasseClient.Read<ModifierGroupView>(await _api.PostAsync($"/api/v1/stores/{storeId}/menu/modifier-groups",
            new SaveModifierGroup("Løg", 0, 1, [new("Uden løg")])));
        Assert.Equal(HttpStatusCode.OK, (await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/menu/products/{burger.Id}",
            new SaveProductMenu([Allergens.Gluten, Allergens.Mustard], GroupIds: [onion.Id]))).StatusCode);
        await RouteAsync(kitchen, burger, kitchen.Cooks);
        var sale = await OpenTableAsync(kitchen);
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines",
            new AddLine(Guid.CreateVersion7(), ProductId: burger.Id, Modifiers: [onion.Options.Single().Id], Note: "Medium stegt")));

        await SendAsync(sale.Id);

        var item = (await BoardAsync(kitchen.Cooks.Id)).Open.Single().Items.Single();
        Assert.Equal(("Burger", 1m), (item.Name, item.Quantity));
        Assert.Equal(["Uden løg"], item.Modifiers);
        Assert.Equal("Medium stegt", item.Note);
        Assert.Equal(["Gluten", "Sennep"], item.Allergens);
    }

    [Fact]
    public async Task A_course_chosen_on_the_line_wins_sending_all_holds_nothing_and_the_kitchen_refuses_what_it_cannot_do()
    {
        var kitchen = await NewKitchenAsync();
        var cake = await _api.NewProductAsync(55m, name: "Drømmekage");
        var coffee = await _api.NewProductAsync(38m, name: "Kaffe");
        var sale = await OpenTableAsync(kitchen);
        var line = (await _api.AddProductAsync(sale.Id, cake.Id)).Lines.Single();
        await _api.AddProductAsync(sale.Id, coffee.Id);
        var dessert = await CourseAsync(sale.Id, line.Id, 3);
        var badCourse = await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{line.Id}/course", new SetLineCourse(12));

        var all = await SendAsync(sale.Id, hold: false);
        var cooks = await BoardAsync(kitchen.Cooks.Id);
        var noStations = await _api.NewShopAsync();
        var bare = await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), noStations.Register.Id, noStations.CashierId, TabName: "Jensen")));
        await _api.AddProductAsync(bare.Id, coffee.Id);
        var nowhere = await _api.PostAsync($"/api/v1/sales/{bare.Id}/kitchen/send", null);
        var cashier = await server.ClientAsAsync("Cashier", kitchen.Shop.Store.Id);
        var byCashier = await cashier.PostAsync($"/api/v1/stores/{kitchen.Shop.Store.Id}/kitchen/stations", new SaveKitchenStation("Grill"));
        var sameName = await _api.PostAsync($"/api/v1/stores/{kitchen.Shop.Store.Id}/kitchen/stations", new SaveKitchenStation("bar"));
        var badMinutes = await _api.PostAsync($"/api/v1/stores/{kitchen.Shop.Store.Id}/kitchen/stations", new SaveKitchenStation("Grill", WarnAfterMinutes: 9, LateAfterMinutes: 5));
        var cashierBumps = await cashier.PostAsync($"/api/v1/kitchen/tickets/{cooks.Open[0].Id}/bump", null);
        var busy = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/stores/{kitchen.Shop.Store.Id}/kitchen/stations/{kitchen.Cooks.Id}", null);
        var nothingBumped = await _api.PostAsync($"/api/v1/kitchen/stations/{kitchen.Bar.Id}/recall", null);
        var expo = (await _api.Http.GetFromJsonAsync<KitchenBoardView>($"/api/v1/stores/{kitchen.Shop.Store.Id}/kitchen/board", KasseClient.Json))!;

        Assert.Equal(3, dessert.Lines.Single(l => l.Id == line.Id).Course);
        await KasseClient.Problem(badCourse, HttpStatusCode.BadRequest, "kitchen.course");
        Assert.Equal(2, all.Tickets.Count);
        Assert.All(all.Tickets, t => Assert.Equal(KitchenTicketStatus.Open, t.Status));
        Assert.Equal([1, 3], cooks.Open.Select(t => t.Course).Order());
        Assert.Empty(cooks.Held);
        var problem = await KasseClient.Problem(nowhere, HttpStatusCode.Conflict, "kitchen.no-stations");
        Assert.Contains("back office", problem.GetProperty("detail").GetString());
        await KasseClient.Problem(byCashier, HttpStatusCode.Forbidden, "permission.denied");
        await KasseClient.Problem(sameName, HttpStatusCode.Conflict, "kitchen.station-name-taken");
        await KasseClient.Problem(badMinutes, HttpStatusCode.BadRequest, "kitchen.station-minutes");
        Assert.Equal(HttpStatusCode.OK, cashierBumps.StatusCode);
        await KasseClient.Problem(busy, HttpStatusCode.Conflict, "kitchen.station-busy");
        await KasseClient.Problem(nothingBumped, HttpStatusCode.NotFound, "kitchen.nothing-to-recall");
        Assert.Equal(["Køkken", "Bar"], expo.Stations.Select(s => s.Name));
        Assert.Single(expo.Open); // the cashier bumped the other
        Assert.Single(expo.Bumped);
    }

    [Fact]
    public async Task Each_station_prints_on_its_own_printer_and_a_ticket_waiting_for_an_offline_printer_prints_once_when_it_is_back()
    {
        await using var kitchenPrinter = await PrinterEmulatorProcess.StartAsync();
        await using var barPrinter = await PrinterEmulatorProcess.StartAsync();
        var kitchen = await NewKitchenAsync();
        var storeId = kitchen.Shop.Store.Id;
        var cooksPrinter = await KasseClient.Read<PrinterView>(await _api.PostAsync($"/api/v1/stores/{storeId}/printers",
            new SavePrinter(Guid.CreateVersion7(), "Køkkenprinter", PrinterRole.Kitchen, PrinterConnection.Network, kitchenPrinter.Address, Station: "Køkken")));
        var drinksPrinter = await KasseClient.Read<PrinterView>(await _api.PostAsync($"/api/v1/stores/{storeId}/printers",
            new SavePrinter(Guid.CreateVersion7(), "Barprinter", PrinterRole.Kitchen, PrinterConnection.Network, barPrinter.Address, Station: "Bar")));
        var burger = await _api.NewProductAsync(145m, name: "Burger");
        var pancakes = await _api.NewProductAsync(75m, name: "Pandekager");
        var cola = await _api.NewProductAsync(35m, name: "Cola");
        await RouteAsync(kitchen, cola, kitchen.Bar);
        await RouteAsync(kitchen, pancakes, null, course: 3);
        var sale = await OpenTableAsync(kitchen);
        await _api.AddProductAsync(sale.Id, burger.Id, 2m);
        await _api.AddProductAsync(sale.Id, pancakes.Id, 2m);
        await _api.AddProductAsync(sale.Id, cola.Id, 2m);
        await kitchenPrinter.SetStateAsync("offline");

        var sent = await SendAsync(sale.Id);
        var barJob = Assert.Single(await barPrinter.WaitForJobsAsync(1));
        var mains = sent.Tickets.Single(t => t.StationName == "Køkken" && t.Course == 1);
        await PrintingIntents.EventuallyAsync(() => _api.JobsOfAsync(mains.Id), j => j.Single() is { Attempts: >= 1, Status: PrintJobStatus.Queued },
            "the kitchen's ticket waiting for its printer");
        Assert.Empty(kitchenPrinter.Jobs());
        await SendAsync(sale.Id); // a double tap sends nothing new
        await kitchenPrinter.SetStateAsync("online");
        var kitchenJob = Assert.Single(await kitchenPrinter.WaitForJobsAsync(1));
        await PrintingIntents.EventuallyAsync(() => _api.JobsOfAsync(mains.Id), j => j.Single().Status == PrintJobStatus.Printed, "the kitchen's ticket printed");
        await FireAsync(sale.Id, 3);
        await FireAsync(sale.Id, 3);
        var dessertJob = (await kitchenPrinter.WaitForJobsAsync(2))[1];
        var reprint = await KasseClient.Read<List<PrintJobView>>(await _api.PostAsync($"/api/v1/kitchen/tickets/{mains.Id}/reprint", null));
        var again = (await kitchenPrinter.WaitForJobsAsync(3))[2];
        await _api.PrintQueueDoneAsync(server.Services, cooksPrinter.Id, kitchenPrinter);
        await _api.PrintQueueDoneAsync(server.Services, drinksPrinter.Id, barPrinter);

        Assert.Contains("BAR", barJob);
        Assert.Contains("2 x Cola", barJob);
        Assert.DoesNotContain("Burger", barJob);
        Assert.Contains("KØKKEN", kitchenJob);
        Assert.Contains("Bord 4", kitchenJob);
        Assert.Contains("Ret 1", kitchenJob);
        Assert.Contains("2 x Burger", kitchenJob);
        Assert.DoesNotContain("Pandekager", kitchenJob);
        Assert.Contains("Ret 3", dessertJob);
        Assert.Contains("2 x Pandekager", dessertJob);
        Assert.Single(reprint);
        Assert.Contains("GENUDSKRIFT", again);
        Assert.Contains("2 x Burger", again);
        Assert.Equal(3, kitchenPrinter.Jobs().Count); // the starters once (after the printer came back), the dessert once, the reprint
        Assert.Single(barPrinter.Jobs());
        Assert.All(PrintingIntents.TextLines(kitchenJob), line => Assert.True(line.Length <= 48, $"'{line}' is wider than the paper"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KitchenOnSqlite(SqliteServer server) : KitchenTests(server);

[Collection(PostgresCollection.Name)]
public sealed class KitchenOnPostgres(PostgresServer server) : KitchenTests(server);
