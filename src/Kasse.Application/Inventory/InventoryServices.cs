using Kasse.Application.Sales;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasse.Application.Inventory;

public static class InventoryServices
{
    public static IServiceCollection AddKasseInventory(this IServiceCollection services)
    {
        services.AddScoped<StockLedger>();
        services.AddScoped<LocationService>();
        services.AddScoped<StockService>();
        services.AddScoped<StockUsage>();
        services.AddScoped<SupplierService>();
        services.AddScoped<PurchaseOrderService>();
        services.AddScoped<StockCountService>();
        services.AddScoped<TransferService>();
        services.AddScoped<RecipeService>();
        services.AddScoped<StockReports>();
        services.AddScoped<ISaleCompletionStep, SaleStockStep>();
        services.AddScoped<IOpenSaleStep, SaleStockCheck>();
        services.TryAddSingleton<BlockedProductsCache>();
        services.TryAddSingleton<SellingLocationsCache>();
        services.TryAddSingleton<ProductShapesCache>();
        return services;
    }
}
