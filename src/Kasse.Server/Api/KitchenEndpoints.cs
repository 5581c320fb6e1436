using Kasse.Application.Printing;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>The kitchen: stations and routes, sending a sale's order and firing its courses, and the stations' tickets (bump, recall, item done, reprint).</summary>
public static class KitchenEndpoints
{
    public static RouteGroupBuilder MapKitchen(this RouteGroupBuilder api)
    {
        var store = api.MapGroup("/stores/{storeId:guid}/kitchen").WithTags("Kitchen");
        store.MapGet("/stations", Stations).RequirePermission(Permission.Browse)
            .WithSummary("The store's kitchen stations in order (the first takes what no route names), with their amber/red minutes and the printers that print for them");
        store.MapPost("/stations", AddStation).RequirePermission(Permission.ManageSettings)
            .WithSummary("Add a station (e.g. Køkken, Bar): name unique in the store, position, warnAfterMinutes and lateAfterMinutes for the screen's colours (audited)");
        store.MapPut("/stations/{stationId:guid}", ChangeStation).RequirePermission(Permission.ManageSettings)
            .WithSummary("Rename a station, move it among the stations or change its minutes (audited)");
        store.MapDelete("/stations/{stationId:guid}", DeleteStation).RequirePermission(Permission.ManageSettings)
            .WithSummary("Remove a station with no ticket left to make (audited)");
        store.MapGet("/routes", Routes).RequirePermission(Permission.Browse)
            .WithSummary("Which station and course each routed product and category has");
        store.MapPut("/routes", SetRoute).RequirePermission(Permission.ManageSettings)
            .WithSummary("Send a product or a category (productId or categoryId) to a station and/or in a course; both null removes the route (audited)");
        store.MapGet("/board", Expo).RequirePermission(Permission.Sell)
            .WithSummary("The expo screen: every station's fired and held tickets, the last bumped and the all-day counts");

        var station = api.MapGroup("/kitchen/stations/{stationId:guid}").WithTags("Kitchen");
        station.MapGet("/board", Board).RequirePermission(Permission.Sell)
            .WithSummary("A station's screen: its fired tickets oldest first, its held ones, the last bumped and the all-day counts");
        station.MapPost("/recall", Recall).RequirePermission(Permission.Sell)
            .WithSummary("Bring the station's last bumped ticket back");

        var ticket = api.MapGroup("/kitchen/tickets/{ticketId:guid}").WithTags("Kitchen");
        ticket.MapGet("/", Ticket).RequirePermission(Permission.Sell).WithSummary("One kitchen ticket");
        ticket.MapPost("/bump", Bump).RequirePermission(Permission.Sell).WithSummary("The ticket is made: off the screen");
        ticket.MapPost("/items/{itemId:guid}/done", ItemDone).RequirePermission(Permission.Sell)
            .WithSummary("One item of the ticket is done ({ \"done\": false } takes it back)");
        ticket.MapPost("/reprint", Reprint).RequirePermission(Permission.Sell)
            .WithSummary("Print the ticket again on its station's printers, marked as a reprint");

        var sale = api.MapGroup("/sales/{saleId:guid}").WithTags("Kitchen");
        sale.MapGet("/kitchen", SaleState).RequirePermission(Permission.Sell)
            .WithSummary("The sale as the kitchen knows it: each line's course and whether it is unsent, held or fired; each course's state");
        sale.MapPost("/kitchen/send", Send).RequirePermission(Permission.Sell)
            .WithSummary("Send what is new or changed to the kitchen: the first course not yet fired goes now, later courses are held (holdLaterCourses false sends all now); audited");
        sale.MapPost("/kitchen/courses/{course:int}/fire", Fire).RequirePermission(Permission.Sell)
            .WithSummary("Fire a held course: its tickets (and its lines not sent yet) go to the stations now; audited");
        sale.MapPut("/lines/{lineId:guid}/course", SetCourse).RequirePermission(Permission.Sell)
            .WithSummary("Set the course a line comes in (1 starters, 2 mains, 3 dessert …; null: its route's, else 1)");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<KitchenStationView>>> Stations(Guid storeId, KitchenService kitchen, CancellationToken ct) =>
        TypedResults.Ok(await kitchen.StationsAsync(storeId, ct));

    private static async Task<Created<KitchenStationView>> AddStation(Guid storeId, SaveKitchenStation request, KitchenService kitchen, CancellationToken ct)
    {
        var station = await kitchen.AddStationAsync(storeId, request, ct);
        return TypedResults.Created($"/api/v1/stores/{storeId}/kitchen/stations", station);
    }

    private static async Task<Ok<KitchenStationView>> ChangeStation(Guid storeId, Guid stationId, SaveKitchenStation request, KitchenService kitchen,
        CancellationToken ct) => TypedResults.Ok(await kitchen.ChangeStationAsync(storeId, stationId, request, ct));

    private static async Task<NoContent> DeleteStation(Guid storeId, Guid stationId, KitchenService kitchen, CancellationToken ct)
    {
        await kitchen.DeleteStationAsync(storeId, stationId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<KitchenRouteView>>> Routes(Guid storeId, KitchenService kitchen, CancellationToken ct) =>
        TypedResults.Ok(await kitchen.RoutesAsync(storeId, ct));

    private static async Task<Results<Ok<KitchenRouteView>, NoContent>> SetRoute(Guid storeId, SaveKitchenRoute request, KitchenService kitchen,
        CancellationToken ct) => await kitchen.SetRouteAsync(storeId, request, ct) is { } route ? TypedResults.Ok(route) : TypedResults.NoContent();

    private static async Task<Ok<KitchenBoardView>> Expo(Guid storeId, KitchenService kitchen, CancellationToken ct) =>
        TypedResults.Ok(await kitchen.BoardAsync(storeId, null, ct));

    private static async Task<Ok<KitchenBoardView>> Board(Guid stationId, KitchenService kitchen, CancellationToken ct)
    {
        var station = await kitchen.StationAsync(stationId, ct);
        return TypedResults.Ok(await kitchen.BoardAsync(station.StoreId, stationId, ct));
    }

    private static async Task<Ok<KitchenTicketView>> Recall(Guid stationId, KitchenService kitchen, CancellationToken ct) =>
        TypedResults.Ok(await kitchen.RecallAsync(stationId, ct));

    private static async Task<Ok<KitchenTicketView>> Ticket(Guid ticketId, KitchenService kitchen, CancellationToken ct) =>
        TypedResults.Ok(await kitchen.TicketAsync(ticketId, ct));

    private static async Task<Ok<KitchenTicketView>> Bump(Guid ticketId, KitchenService kitchen, CancellationToken ct) =>
        TypedResults.Ok(await kitchen.BumpAsync(ticketId, ct));

    private static async Task<Ok<KitchenTicketView>> ItemDone(Guid ticketId, Guid itemId, MarkItemDone? request, KitchenService kitchen, CancellationToken ct) =>
        TypedResults.Ok(await kitchen.MarkItemDoneAsync(ticketId, itemId, request ?? new MarkItemDone(), ct));

    private static async Task<Accepted<IReadOnlyList<PrintJobView>>> Reprint(Guid ticketId, KitchenService kitchen, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await kitchen.ReprintAsync(ticketId, ct));

    private static async Task<Ok<SaleKitchenView>> SaleState(Guid saleId, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.KitchenStateAsync(saleId, ct));

    private static async Task<Ok<SaleKitchenView>> Send(Guid saleId, SendToKitchen? request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.SendToKitchenAsync(saleId, request ?? new SendToKitchen(), ct));

    private static async Task<Ok<SaleKitchenView>> Fire(Guid saleId, int course, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.FireCourseAsync(saleId, course, ct));

    private static async Task<Ok<SaleView>> SetCourse(Guid saleId, Guid lineId, SetLineCourse request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.SetLineCourseAsync(saleId, lineId, request, ct));
}
