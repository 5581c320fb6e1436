using Kasse.Server.Security;
using Kasse.Domain.Staff;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Domain.Sales;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class StoresEndpoints
{
    public sealed record CreateRegisterRequest(Guid Id, string Name);

    public sealed record TrainingModeRequest(bool On, Guid? EmployeeId = null);

    public static RouteGroupBuilder MapStores(this RouteGroupBuilder api)
    {
        var stores = api.MapGroup("/stores").WithTags("Stores");
        stores.MapGet("/", ListStores).RequirePermission(Permission.Browse).WithSummary("All stores");
        stores.MapPost("/", CreateStore).RequirePermission(Permission.ManageSettings).WithMetadata(new ChainWideOnly("a new store is the chain's"))
            .WithSummary("Create a store (idempotent by id; only a chain-wide caller)");
        stores.MapGet("/{storeId:guid}", GetStore).RequirePermission(Permission.Browse).WithSummary("One store with its VAT rates and cash rounding");
        stores.MapGet("/{storeId:guid}/registers", ListRegisters).RequirePermission(Permission.Browse).WithSummary("The store's registers (tills)");
        stores.MapPost("/{storeId:guid}/registers", CreateRegister).RequirePermission(Permission.ManageSettings).WithSummary("Add a register (idempotent by id)");
        api.MapPost("/registers/{registerId:guid}/training", SetTrainingMode).WithTags("Stores").RequirePermission(Permission.TrainingMode)
            .WithSummary("Turn training mode on or off: sales rung up meanwhile are marked ØVELSE and kept out of all totals (journaled)");
        api.MapPut("/registers/{registerId:guid}/kind", SetRegisterKind).WithTags("Stores").RequirePermission(Permission.ManageSettings)
            .WithSummary("Make a register a Till or a self-service Kiosk (docs/self-service.md; audited). A kiosk made a till again loses its paired screens");
        api.MapPost("/registers/{registerId:guid}/kiosk/pairings", CreateKioskPairing).WithTags("Stores").RequirePermission(Permission.ManageSettings)
            .WithSummary("A one-time pairing code (8 digits, 15 minutes) for a kiosk register's screen: open /kiosk?pair={code} on the kiosk's browser");
        api.MapGet("/registers/{registerId:guid}/kiosk/devices", ListKioskDevices).WithTags("Stores").RequirePermission(Permission.ManageSettings)
            .WithSummary("The kiosk register's pairings: made, paired, unpaired");
        stores.MapGet("/{storeId:guid}/settings/till", GetTillSettings).RequirePermission(Permission.Sell, Permission.ManageSettings)
            .WithSummary("How the store's tills behave: mergeRepeatedScans (on by default) raises the quantity of the last line of the same piece product at the same price instead of adding a line");
        stores.MapPut("/{storeId:guid}/settings/till", SetTillSettings).RequirePermission(Permission.ManageSettings)
            .WithSummary("Change how the store's tills behave (audited)");
        stores.MapGet("/{storeId:guid}/sales", ListSales).RequirePermission(Permission.Sell, Permission.SeeReports).WithSummary("The store's latest sales, e.g. ?status=Parked for parked sales");
        return api;
    }

    private static async Task<Ok<TillSettingsView>> GetTillSettings(Guid storeId, StoreService stores, TillSettings settings, CancellationToken ct)
    {
        await stores.GetAsync(storeId, ct); // 404 for a store that isn't there
        return TypedResults.Ok(await settings.GetAsync(storeId, ct));
    }

    private static async Task<Ok<TillSettingsView>> SetTillSettings(Guid storeId, TillSettingsView request, StoreService stores, TillSettings settings, CancellationToken ct)
    {
        await stores.GetAsync(storeId, ct);
        return TypedResults.Ok(await settings.SetAsync(storeId, request, ct));
    }

    private static async Task<Ok<RegisterView>> SetRegisterKind(Guid registerId, Kasse.Application.SelfService.SetRegisterKind request,
        Kasse.Application.SelfService.KioskService kiosks, CancellationToken ct) =>
        TypedResults.Ok(await kiosks.SetKindAsync(registerId, request, ct));

    private static async Task<Ok<Kasse.Application.SelfService.KioskPairingCode>> CreateKioskPairing(Guid registerId,
        Kasse.Application.SelfService.KioskService kiosks, CancellationToken ct) =>
        TypedResults.Ok(await kiosks.CreatePairingCodeAsync(registerId, ct));

    private static async Task<Ok<IReadOnlyList<Kasse.Application.SelfService.KioskDeviceView>>> ListKioskDevices(Guid registerId,
        Kasse.Application.SelfService.KioskService kiosks, CancellationToken ct) =>
        TypedResults.Ok(await kiosks.DevicesAsync(registerId, ct));

    private static async Task<Ok<IReadOnlyList<StoreView>>> ListStores(StoreService stores, CancellationToken ct) =>
        TypedResults.Ok(await stores.ListAsync(ct));

    private static async Task<Created<StoreView>> CreateStore(CreateStore request, StoreService stores, CancellationToken ct)
    {
        var store = await stores.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/stores/{store.Id}", store);
    }

    private static async Task<Ok<StoreView>> GetStore(Guid storeId, StoreService stores, CancellationToken ct) =>
        TypedResults.Ok(await stores.GetAsync(storeId, ct));

    private static async Task<Ok<IReadOnlyList<RegisterView>>> ListRegisters(Guid storeId, StoreService stores, CancellationToken ct) =>
        TypedResults.Ok(await stores.ListRegistersAsync(storeId, ct));

    private static async Task<Created<RegisterView>> CreateRegister(Guid storeId, CreateRegisterRequest request, StoreService stores, CancellationToken ct)
    {
        var register = await stores.CreateRegisterAsync(storeId, request.Id, request.Name, ct);
        return TypedResults.Created($"/api/v1/stores/{storeId}/registers/{register.Id}", register);
    }

    private static async Task<Ok<RegisterView>> SetTrainingMode(Guid registerId, TrainingModeRequest request, StoreService stores, CancellationToken ct) =>
        TypedResults.Ok(await stores.SetTrainingModeAsync(registerId, request.On, request.EmployeeId, ct));

    private static async Task<Ok<IReadOnlyList<SaleView>>> ListSales(Guid storeId, SaleStatus? status, int? take, HttpRequest request,
        SalesService sales, CancellationToken ct)
    {
        // Names only, as in JSON bodies: ASP.NET also binds "?status=7", which would silently match nothing.
        if (status is not null && !Enum.GetNames<SaleStatus>().Contains(request.Query["status"].ToString().Trim(), StringComparer.OrdinalIgnoreCase))
            throw Kasse.Domain.DomainException.Invalid(SaleErrors.Status,
                $"status is one of {string.Join(", ", Enum.GetNames<SaleStatus>())}; got '{request.Query["status"]}'.");
        return TypedResults.Ok(await sales.ListAsync(storeId, status, take ?? 50, ct));
    }
}
