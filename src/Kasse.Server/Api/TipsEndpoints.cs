using Kasse.Application.Reporting;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Domain;
using Kasse.Domain.Reporting;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>
/// Tips and order types (docs/restaurant.md): the tip-out report per employee, a sale's order type, and the store's VAT rules per
/// order type. Tips themselves are taken with a payment (POST /sales/{id}/payments tip/tipPercent/keepChangeAsTip, or a terminal
/// payment's tip/askForTip).
/// </summary>
public static class TipsEndpoints
{
    public static RouteGroupBuilder MapTipsAndOrderTypes(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{storeId:guid}/tip-out", TipOut).WithTags("Sales reports").RequirePermission(Permission.SeeReports)
            .WithSummary("Tip-out report: the tips taken per employee who served, for business days ?from=yyyy-MM-dd&to=yyyy-MM-dd (both included)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/sales/{saleId:guid}/order-type", SetOrderType).WithTags("Restaurant").RequirePermission(Permission.Sell)
            .WithSummary("Set an open sale's order type (EatIn, Takeaway, Delivery; null clears it); lines take the type's VAT where the store has rules")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/stores/{storeId:guid}/settings/order-type-vat", GetRules).WithTags("Stores").RequirePermission(Permission.Sell, Permission.ManageSettings)
            .WithSummary("The store's VAT rules per order type (empty where every type pays the same, as in Denmark)");
        api.MapPut("/stores/{storeId:guid}/settings/order-type-vat", SaveRules).WithTags("Stores").RequirePermission(Permission.ManageSettings)
            .WithSummary("Replace the store's VAT rules per order type: each rule maps a rate (fromPercent) to another (toPercent) for one order type")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Ok<TipOutReport>> TipOut(Guid storeId, DateOnly? from, DateOnly? to, TipOutReports reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.ReportAsync(storeId,
            from ?? throw DomainException.Invalid(ReportErrors.From, "Give the first business day: ?from=yyyy-MM-dd."),
            to ?? throw DomainException.Invalid(ReportErrors.To, "Give the last business day: ?to=yyyy-MM-dd."), ct));

    private static async Task<Ok<SaleView>> SetOrderType(Guid saleId, SetOrderType request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.SetOrderTypeAsync(saleId, request, ct));

    private static async Task<Ok<OrderTypeVatRules>> GetRules(Guid storeId, OrderTypeVatSettings settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.GetAsync(storeId, ct));

    private static async Task<Ok<OrderTypeVatRules>> SaveRules(Guid storeId, OrderTypeVatRules request, OrderTypeVatSettings settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.SaveAsync(storeId, request, ct));
}
