using System.Net.Http.Json;
using Kasse.Application.Inventory;
using Kasse.Domain.Inventory;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Inventory;

/// <summary>What a stock keeper does through the API, for tests.</summary>
public static class InventoryIntents
{
    public static async Task<IReadOnlyList<LocationView>> LocationsAsync(this KasseClient api, Guid storeId) =>
        await KasseClient.Read<List<LocationView>>(await api.Http.GetAsync($"/api/v1/stores/{storeId}/stock-locations"));

    public static async Task<LocationView> FloorAsync(this KasseClient api, Shop shop) =>
        (await api.LocationsAsync(shop.Store.Id)).Single(l => l.Id == shop.Store.Id); // the floor carries its store's id

    public static async Task<LocationView> NewLocationAsync(this KasseClient api, Guid storeId, string name, LocationKind kind = LocationKind.BackRoom) =>
        await KasseClient.Read<LocationView>(await api.PostAsync($"/api/v1/stores/{storeId}/stock-locations", new CreateLocation(Guid.CreateVersion7(), name, kind)));

    public static Task<HttpResponseMessage> TryAdjustAsync(this KasseClient api, Guid locationId, Guid productId, decimal quantity, string reason,
        MovementKind kind = MovementKind.Adjustment, Guid? id = null) =>
        api.PostAsync($"/api/v1/stock-locations/{locationId}/adjustments", new AdjustStock(id ?? Guid.CreateVersion7(), productId, quantity, reason, kind));

    public static async Task<MovementView> AdjustAsync(this KasseClient api, Guid locationId, Guid productId, decimal quantity, string reason = "Opening stock",
        MovementKind kind = MovementKind.Adjustment) =>
        await KasseClient.Read<MovementView>(await api.TryAdjustAsync(locationId, productId, quantity, reason, kind));

    public static async Task<StockLevelView> ConfigureAsync(this KasseClient api, Guid locationId, Guid productId, decimal? reorderPoint = null,
        decimal? reorderQuantity = null, BelowZeroPolicy belowZero = BelowZeroPolicy.AllowAndFlag) =>
        await KasseClient.Read<StockLevelView>(await api.SendAsync(HttpMethod.Put, $"/api/v1/stock-locations/{locationId}/products/{productId}/settings",
            new StockSettings(reorderPoint, reorderQuantity, belowZero)));

    public static async Task<ProductStockView> StockOfAsync(this KasseClient api, Guid productId, Guid? storeId = null) =>
        await KasseClient.Read<ProductStockView>(await api.Http.GetAsync($"/api/v1/products/{productId}/stock" + (storeId is null ? "" : $"?storeId={storeId}")));

    public static async Task<decimal> OnHandAsync(this KasseClient api, Guid productId, Guid locationId) =>
        (await api.StockOfAsync(productId)).Locations.SingleOrDefault(l => l.LocationId == locationId)?.OnHand ?? 0m;

    public static async Task<IReadOnlyList<MovementView>> MovementsAsync(this KasseClient api, Guid productId) =>
        await KasseClient.Read<List<MovementView>>(await api.Http.GetAsync($"/api/v1/products/{productId}/stock-movements?take=1000"));

    public static async Task<T> GetAsync<T>(this KasseClient api, string path) => await KasseClient.Read<T>(await api.Http.GetAsync(path));

    public static async Task<T> PutAsync<T>(this KasseClient api, string path, object body) =>
        await KasseClient.Read<T>(await api.SendAsync(HttpMethod.Put, path, body));

    public static async Task<T> PostAsync<T>(this KasseClient api, string path, object? body) =>
        await KasseClient.Read<T>(await api.PostAsync(path, body));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, object body) =>
        http.PostAsJsonAsync(path, body, KasseClient.Json);
}
