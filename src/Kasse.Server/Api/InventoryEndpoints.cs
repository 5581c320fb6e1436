using Kasse.Application.Inventory;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>Stock locations, on-hand figures, settings, manual movements, alerts and the ledger (docs/inventory.md).</summary>
public static class InventoryEndpoints
{
    public sealed record RegisterLocationRequest(Guid LocationId);

    public static RouteGroupBuilder MapInventory(this RouteGroupBuilder api)
    {
        var stock = api.MapGroup("").WithTags("Inventory");
        stock.MapGet("/stores/{storeId:guid}/stock-locations", ListLocations).RequirePermission(Permission.Browse)
            .WithSummary("The store's stock locations (its floor is always there)");
        stock.MapPost("/stores/{storeId:guid}/stock-locations", CreateLocation).RequirePermission(Permission.ManageInventory)
            .WithSummary("Add a location: back room, warehouse … (idempotent by id)");
        stock.MapPut("/stock-locations/{locationId:guid}", UpdateLocation).RequirePermission(Permission.ManageInventory)
            .WithSummary("Rename a location, or make it the store's default selling location");
        stock.MapPut("/registers/{registerId:guid}/stock-location", SetRegisterLocation).RequirePermission(Permission.ManageInventory)
            .WithSummary("Make a register sell from its own location instead of the store's default");
        stock.MapGet("/stores/{storeId:guid}/stock", Levels).RequirePermission(Permission.Browse)
            .WithSummary("On hand per product and location, with value at cost and state (?locationId=&state=Low|Out)");
        stock.MapGet("/stores/{storeId:guid}/stock-alerts", Alerts).RequirePermission(Permission.Browse)
            .WithSummary("Products out of stock or at/below their reorder point");
        stock.MapGet("/products/{productId:guid}/stock", ProductStock).RequirePermission(Permission.Browse)
            .WithSummary("A product's stock in every location (?storeId=): what a webshop reads");
        stock.MapGet("/products/{productId:guid}/stock-movements", Movements).RequirePermission(Permission.Browse)
            .WithSummary("A product's movement history, newest first (?storeId=&from=&to=&take=)");
        stock.MapPut("/stock-locations/{locationId:guid}/products/{productId:guid}/settings", Configure).RequirePermission(Permission.ManageInventory)
            .WithSummary("Reorder point, reorder quantity and below-zero policy of a product at a location");
        stock.MapPost("/stock-locations/{locationId:guid}/adjustments", Adjust).RequirePermission(Permission.ManageInventory)
            .WithSummary("Book an adjustment or waste with its reason (idempotent by id)");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<LocationView>>> ListLocations(Guid storeId, LocationService locations, CancellationToken ct) =>
        TypedResults.Ok(await locations.ListAsync(storeId, ct));

    private static async Task<Created<LocationView>> CreateLocation(Guid storeId, CreateLocation request, LocationService locations, CancellationToken ct)
    {
        var location = await locations.CreateAsync(storeId, request, ct);
        return TypedResults.Created($"/api/v1/stock-locations/{location.Id}", location);
    }

    private static async Task<Ok<LocationView>> UpdateLocation(Guid locationId, UpdateLocation request, LocationService locations, CancellationToken ct) =>
        TypedResults.Ok(await locations.UpdateAsync(locationId, request, ct));

    private static async Task<Ok<LocationView>> SetRegisterLocation(Guid registerId, RegisterLocationRequest request, LocationService locations, CancellationToken ct) =>
        TypedResults.Ok(await locations.SetRegisterLocationAsync(registerId, request.LocationId, ct));

    private static async Task<Ok<IReadOnlyList<StockLevelView>>> Levels(Guid storeId, Guid? locationId, StockState? state, StockService stock, CancellationToken ct) =>
        TypedResults.Ok(await stock.LevelsAsync(storeId, locationId, state, ct));

    private static async Task<Ok<IReadOnlyList<StockLevelView>>> Alerts(Guid storeId, StockService stock, CancellationToken ct) =>
        TypedResults.Ok(await stock.AlertsAsync(storeId, ct));

    private static async Task<Ok<ProductStockView>> ProductStock(Guid productId, Guid? storeId, StockService stock, CancellationToken ct) =>
        TypedResults.Ok(await stock.ProductAsync(productId, storeId, ct));

    private static async Task<Ok<IReadOnlyList<MovementView>>> Movements(Guid productId, Guid? storeId, DateTimeOffset? from, DateTimeOffset? to, int? take,
        StockService stock, CancellationToken ct) =>
        TypedResults.Ok(await stock.MovementsAsync(productId, storeId, from, to, take ?? 100, ct));

    private static async Task<Ok<StockLevelView>> Configure(Guid locationId, Guid productId, StockSettings request, StockService stock, CancellationToken ct) =>
        TypedResults.Ok(await stock.ConfigureAsync(locationId, productId, request, ct));

    private static async Task<Created<MovementView>> Adjust(Guid locationId, AdjustStock request, StockService stock, CancellationToken ct)
    {
        var movement = await stock.AdjustAsync(locationId, request, ct);
        return TypedResults.Created($"/api/v1/products/{movement.ProductId}/stock-movements", movement);
    }
}
