using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>The restaurant: a store's floor plan (areas and tables), the floor's live state, and moving or handing over an open sale.</summary>
public static class FloorEndpoints
{
    public static RouteGroupBuilder MapFloor(this RouteGroupBuilder api)
    {
        var floor = api.MapGroup("/stores/{storeId:guid}/floor").WithTags("Restaurant");
        floor.MapGet("/", Plan).RequirePermission(Permission.Browse)
            .WithSummary("The store's floor plan: its areas (rooms) in order, each with its tables (name, seats, shape, position and size)");
        floor.MapGet("/state", State).RequirePermission(Permission.Sell)
            .WithSummary("Each table's state (Free, Seated, Ordered, WaitingForFood, BillAsked, Paid), running total, covers and since when it is open, with its open sales; and the named tabs without a table");
        floor.MapPost("/areas", AddArea).RequirePermission(Permission.ManageSettings)
            .WithSummary("Add an area (a room, the terrace); its name is unique in the store (audited)");
        floor.MapPut("/areas/{areaId:guid}", ChangeArea).RequirePermission(Permission.ManageSettings)
            .WithSummary("Rename an area or change its place among the areas (audited)");
        floor.MapDelete("/areas/{areaId:guid}", DeleteArea).RequirePermission(Permission.ManageSettings)
            .WithSummary("Remove an area that has no tables left (audited)");
        floor.MapPost("/tables", AddTable).RequirePermission(Permission.ManageSettings)
            .WithSummary("Add a table to an area: name (unique in the store), seats, shape (Square or Round), x/y and width/height in grid units (audited)");
        floor.MapPut("/tables/{tableId:guid}", ChangeTable).RequirePermission(Permission.ManageSettings)
            .WithSummary("Change a table: name, seats, shape, area, position and size in one go, as the floor editor saves it (audited)");
        floor.MapDelete("/tables/{tableId:guid}", DeleteTable).RequirePermission(Permission.ManageSettings)
            .WithSummary("Remove a table with no open sale on it; sales served at it keep naming it (audited)");

        var sales = api.MapGroup("/sales/{saleId:guid}").WithTags("Restaurant");
        sales.MapPost("/table", Seat).RequirePermission(Permission.Sell)
            .WithSummary("Put an open sale on a table or move it to another (tableId; null takes it off its table), with its covers and tab name (audited)");
        sales.MapPost("/hand-over", HandOver).RequirePermission(Permission.Sell)
            .WithSummary("Hand an open sale to another waiter of the store (employeeId): they become its cashier (audited)");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<AreaView>>> Plan(Guid storeId, FloorService floor, CancellationToken ct) =>
        TypedResults.Ok(await floor.PlanAsync(storeId, ct));

    private static async Task<Ok<FloorStateView>> State(Guid storeId, FloorStates states, CancellationToken ct) =>
        TypedResults.Ok(await states.ReadAsync(storeId, ct));

    private static async Task<Created<AreaView>> AddArea(Guid storeId, SaveArea request, FloorService floor, CancellationToken ct)
    {
        var area = await floor.AddAreaAsync(storeId, request, ct);
        return TypedResults.Created($"/api/v1/stores/{storeId}/floor", area);
    }

    private static async Task<Ok<AreaView>> ChangeArea(Guid storeId, Guid areaId, SaveArea request, FloorService floor, CancellationToken ct) =>
        TypedResults.Ok(await floor.ChangeAreaAsync(storeId, areaId, request, ct));

    private static async Task<NoContent> DeleteArea(Guid storeId, Guid areaId, FloorService floor, CancellationToken ct)
    {
        await floor.DeleteAreaAsync(storeId, areaId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<TableView>> AddTable(Guid storeId, SaveTable request, FloorService floor, CancellationToken ct)
    {
        var table = await floor.AddTableAsync(storeId, request, ct);
        return TypedResults.Created($"/api/v1/stores/{storeId}/floor", table);
    }

    private static async Task<Ok<TableView>> ChangeTable(Guid storeId, Guid tableId, SaveTable request, FloorService floor, CancellationToken ct) =>
        TypedResults.Ok(await floor.ChangeTableAsync(storeId, tableId, request, ct));

    private static async Task<NoContent> DeleteTable(Guid storeId, Guid tableId, FloorService floor, CancellationToken ct)
    {
        await floor.DeleteTableAsync(storeId, tableId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SaleView>> Seat(Guid saleId, SeatSale request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.SeatAsync(saleId, request, ct));

    private static async Task<Ok<SaleView>> HandOver(Guid saleId, HandOverSale request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.HandOverAsync(saleId, request, ct));
}
