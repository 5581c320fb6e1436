using Kasse.Application.Restaurant;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>
/// QR ordering at the table. The guest's routes are open to anyone holding a table's token, who becomes the guest at that
/// table (<see cref="GuestOrdering.EnterAsync"/>) and may read its menu and bill, order onto it and call the waiter, nothing
/// else; their writes are rate limited per table and per device (<see cref="GuestLimits"/>). Waiters confirm or reject guest
/// orders; managers print the QR codes, rotate a table's token and close tables or the store.
/// </summary>
public static class GuestEndpoints
{
    public static RouteGroupBuilder MapGuestOrdering(this RouteGroupBuilder api)
    {
        const string because = "a guest at the table orders from its QR code without an account; the unguessable table token is the credential";
        var guest = api.MapGroup("/guest/{token}").WithTags("QR ordering");
        guest.MapGet("/", Menu).AllowAnonymous(because)
            .WithSummary("The table's menu for the guest's phone: categories, items with their modifier groups and allergens, and the order limits");
        guest.MapGet("/bill", Bill).AllowAnonymous(because)
            .WithSummary("The table's running bill and where each line stands (Pending: waits for a waiter; Sent: to the kitchen; Ordered: by the staff)");
        guest.MapPost("/orders", Place).AllowAnonymous(because).WithMetadata(new GuestWrite())
            .WithSummary("Order onto the table's open sale (one is opened on a free table), as the guest at the table; sent to the kitchen at once, or waits for a waiter when the store says so");
        guest.MapPost("/call-waiter", CallWaiter).AllowAnonymous(because).WithMetadata(new GuestWrite())
            .WithSummary("Call the waiter / ask for the bill: the till's floor marks the table");

        var staff = api.MapGroup("").WithTags("QR ordering");
        staff.MapGet("/sales/{saleId:guid}/guest-orders", OfSale).RequirePermission(Permission.Sell)
            .WithSummary("The guest orders on a sale, newest first, with their lines and status (Pending, Sent, Rejected)");
        staff.MapPost("/guest-orders/{orderId:guid}/confirm", Confirm).RequirePermission(Permission.Sell)
            .WithSummary("Confirm a guest order that waits for a waiter: the table's order goes to the kitchen");
        staff.MapPost("/guest-orders/{orderId:guid}/reject", Reject).RequirePermission(Permission.Sell)
            .WithSummary("Reject a guest order that waits for a waiter: its lines are taken off the sale");
        staff.MapPost("/stores/{storeId:guid}/floor/tables/{tableId:guid}/guest-call/answer", Answer).RequirePermission(Permission.Sell)
            .WithSummary("A waiter answered the table's call: the floor's marker goes");
        staff.MapGet("/stores/{storeId:guid}/guest-ordering", Settings).RequirePermission(Permission.Browse)
            .WithSummary("The store's QR ordering: closed for the whole store, and whether staff confirm guest orders");
        staff.MapPut("/stores/{storeId:guid}/guest-ordering", SaveSettings).RequirePermission(Permission.ManageSettings)
            .WithSummary("Close or open the store for QR ordering; turn staff confirmation of guest orders on or off (audited)");
        staff.MapGet("/stores/{storeId:guid}/guest-ordering/tables", Sheet).RequirePermission(Permission.ManageSettings)
            .WithSummary("Every table's QR token and link, area by area (a table without one gets one)");
        staff.MapPost("/stores/{storeId:guid}/floor/tables/{tableId:guid}/ordering-token", Rotate).RequirePermission(Permission.ManageSettings)
            .WithSummary("Give a table a new QR token: the old code stops working at once (audited)");
        staff.MapPut("/stores/{storeId:guid}/floor/tables/{tableId:guid}/ordering", SetTable).RequirePermission(Permission.ManageSettings)
            .WithSummary("Close or open one table for QR ordering (audited)");
        return api;
    }

    private static async Task<Ok<GuestMenuView>> Menu(string token, GuestOrdering guest, CancellationToken ct)
    {
        await guest.EnterAsync(token, ct);
        return TypedResults.Ok(await guest.MenuAsync(ct));
    }

    private static async Task<Ok<GuestBillView>> Bill(string token, GuestOrdering guest, CancellationToken ct)
    {
        await guest.EnterAsync(token, ct);
        return TypedResults.Ok(await guest.BillAsync(ct));
    }

    private static async Task<Created<GuestOrderView>> Place(string token, PlaceGuestOrder request, HttpContext context, GuestOrdering guest, CancellationToken ct)
    {
        await guest.EnterAsync(token, ct);
        var order = await guest.PlaceAsync(GuestLimits.DeviceOf(context), request, ct);
        return TypedResults.Created($"/api/v1/guest/{token}/bill", order);
    }

    private static async Task<NoContent> CallWaiter(string token, GuestOrdering guest, CancellationToken ct)
    {
        await guest.EnterAsync(token, ct);
        await guest.CallWaiterAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<GuestOrderView>>> OfSale(Guid saleId, GuestOrdering guest, CancellationToken ct) =>
        TypedResults.Ok(await guest.OfSaleAsync(saleId, ct));

    private static async Task<Ok<GuestOrderView>> Confirm(Guid orderId, GuestOrdering guest, CancellationToken ct) =>
        TypedResults.Ok(await guest.ConfirmAsync(orderId, ct));

    private static async Task<Ok<GuestOrderView>> Reject(Guid orderId, GuestOrdering guest, CancellationToken ct) =>
        TypedResults.Ok(await guest.RejectAsync(orderId, ct));

    private static async Task<NoContent> Answer(Guid storeId, Guid tableId, GuestOrdering guest, CancellationToken ct)
    {
        await guest.AnswerCallAsync(storeId, tableId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<GuestOrderingSettingsView>> Settings(Guid storeId, GuestOrdering guest, CancellationToken ct) =>
        TypedResults.Ok(await guest.SettingsAsync(storeId, ct));

    private static async Task<Ok<GuestOrderingSettingsView>> SaveSettings(Guid storeId, SaveGuestOrderingSettings request, GuestOrdering guest, CancellationToken ct) =>
        TypedResults.Ok(await guest.SaveSettingsAsync(storeId, request, ct));

    private static async Task<Ok<IReadOnlyList<QrAreaView>>> Sheet(Guid storeId, GuestOrdering guest, CancellationToken ct) =>
        TypedResults.Ok(await guest.SheetAsync(storeId, ct));

    private static async Task<Ok<QrTableView>> Rotate(Guid storeId, Guid tableId, GuestOrdering guest, CancellationToken ct) =>
        TypedResults.Ok(await guest.RotateTokenAsync(storeId, tableId, ct));

    private static async Task<Ok<QrTableView>> SetTable(Guid storeId, Guid tableId, SetTableOrdering request, GuestOrdering guest, CancellationToken ct) =>
        TypedResults.Ok(await guest.SetTableClosedAsync(storeId, tableId, request, ct));
}
