using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Kasse.Application.Sales;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class ReturnsEndpoints
{
    public static RouteGroupBuilder MapReturns(this RouteGroupBuilder api)
    {
        api.MapPost("/returns", Create).WithTags("Returns")
            .WithSummary("Return goods: with the original receipt (originalSaleId + lines; refunded to the original tender) or without one (products + refundMethod; needs permission or a supervisor's approval)").RequirePermission(Permission.Refund);
        return api;
    }

    private static async Task<Created<SaleView>> Create(CreateReturn request, ReturnUseCases returns, CancellationToken ct)
    {
        var result = await returns.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/sales/{result.Id}", result);
    }
}
