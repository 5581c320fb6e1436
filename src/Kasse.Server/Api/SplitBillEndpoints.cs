using Kasse.Application.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>The restaurant's moves between open sales: seats, moving lines, merging tables, splitting the bill (docs/restaurant.md).</summary>
internal static class SplitBillEndpoints
{
    public static RouteGroupBuilder MapSplitBill(this RouteGroupBuilder api)
    {
        var sales = api.MapGroup("/sales/{saleId:guid}").WithTags("Restaurant");
        sales.MapPut("/lines/{lineId:guid}/seat", SetSeat).RequirePermission(Permission.Sell)
            .WithSummary("Set a line's seat (1 to the sale's covers; null: no seat), for splitting the bill by seat");
        sales.MapPost("/lines/move", Move).RequirePermission(Permission.Sell)
            .WithSummary("Move lines (whole, or part of a line's quantity) to another open sale (toSaleId) or to a new sale on a table or tab (tableId, covers, tabName; neither: the same table); fired lines keep their kitchen state; refused once payment has started (audited)");
        sales.MapPost("/merge", Merge).RequirePermission(Permission.Sell)
            .WithSummary("Merge another open sale (saleId, e.g. another table's) into this one: all its lines and guests come here and it is voided, empty (audited, journaled)");
        sales.MapPost("/split", Split).RequirePermission(Permission.Sell)
            .WithSummary("Split the bill: by Items (lines to a new sale on the same table), by Seats (one sale per seat) or in equal Parts (every line shared to the øre); each part is a normal sale to pay on its own (audited)");
        return api;
    }

    private static async Task<Ok<SaleView>> SetSeat(Guid saleId, Guid lineId, SetLineSeat request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.SetLineSeatAsync(saleId, lineId, request, ct));

    private static async Task<Ok<MovedLines>> Move(Guid saleId, MoveLines request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.MoveLinesAsync(saleId, request, ct));

    private static async Task<Ok<SaleView>> Merge(Guid saleId, MergeSale request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.MergeAsync(saleId, request, ct));

    private static async Task<Ok<SplitBill>> Split(Guid saleId, SplitSale request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.SplitAsync(saleId, request, ct));
}
