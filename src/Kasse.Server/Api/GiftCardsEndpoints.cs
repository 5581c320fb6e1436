using Kasse.Application.GiftCards;
using Kasse.Application.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class GiftCardsEndpoints
{
    public static RouteGroupBuilder MapGiftCards(this RouteGroupBuilder api)
    {
        api.MapPost("/sales/{saleId:guid}/gift-cards", Sell).WithTags("Gift cards").RequirePermission(Permission.Sell)
            .WithSummary("Sell a gift card (no code: a new one) or top one up (its code) as a line without VAT; the card gets its balance when the sale completes. Redeem with a payment of method GiftCard whose reference is the code; refund to a new credit note with a return's refundMethod GiftCard");
        var stores = api.MapGroup("/stores/{storeId:guid}/gift-cards").WithTags("Gift cards");
        stores.MapGet("/{code}", Find).RequirePermission(Permission.Sell, Permission.SeeReports)
            .WithSummary("Balance check by scanning: the card or credit note with its balance, expiry and movements");
        stores.MapGet("/", List).RequirePermission(Permission.SeeReports).WithSummary("Gift cards and credit notes, newest first (?take=, default 200)");
        stores.MapGet("/liability", Liability).RequirePermission(Permission.SeeReports)
            .WithSummary("The liability report: balances outstanding at ?at= (an instant; default now), split into usable and expired");
        return api;
    }

    private static async Task<Ok<SaleView>> Sell(Guid saleId, SellGiftCard request, Kasse.Application.Sales.SaleCustomerUseCases sale, CancellationToken ct) =>
        TypedResults.Ok(await sale.SellGiftCardAsync(saleId, request, ct));

    private static async Task<Ok<GiftCardDetailView>> Find(Guid storeId, string code, GiftCardService cards, CancellationToken ct) =>
        TypedResults.Ok(await cards.FindAsync(storeId, code, ct));

    private static async Task<Ok<IReadOnlyList<GiftCardView>>> List(Guid storeId, int? take, GiftCardService cards, CancellationToken ct) =>
        TypedResults.Ok(await cards.ListAsync(storeId, take ?? 200, ct));

    private static async Task<Ok<GiftCardLiabilityView>> Liability(Guid storeId, DateTimeOffset? at, GiftCardService cards, TimeProvider clock,
        CancellationToken ct) =>
        TypedResults.Ok(await cards.LiabilityAsync(storeId, at ?? clock.GetUtcNow(), ct));
}
