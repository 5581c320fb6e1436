using Kasse.Application.Promotions;
using Kasse.Application.Sales;
using Kasse.Domain;
using Kasse.Domain.Promotions;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>Promotions, coupons and price lists (docs/promotions.md), and a coupon handed over at the till.</summary>
public static class PromotionsEndpoints
{
    public sealed record PromotionRequest(string Name, PromotionKind Kind, ItemSelector? Items = null, IReadOnlyList<BundleComponent>? Components = null,
        decimal? Percent = null, decimal? Amount = null, decimal? Price = null, int? BuyQuantity = null, int? GetQuantity = null, Guid? StoreId = null,
        DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidTo = null, Weekdays? Days = null, TimeOnly? StartTime = null, TimeOnly? EndTime = null,
        Guid? CustomerGroupId = null, bool RequiresCoupon = false, bool IsActive = true, Guid? Id = null)
    {
        public PromotionTerms ToTerms() => new(Name, Kind, Items, Components, Percent, Amount, Price, BuyQuantity, GetQuantity, StoreId, ValidFrom,
            ValidTo, Days ?? Weekdays.All, StartTime, EndTime, CustomerGroupId, RequiresCoupon, IsActive);
    }

    public sealed record CouponRequest(string Code, Guid PromotionId, DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidTo = null,
        bool IsActive = true, Guid? Id = null)
    {
        public SaveCoupon ToCommand() => new(Code, PromotionId, ValidFrom, ValidTo, IsActive);
    }

    public sealed record PriceListRequest(string Name, IReadOnlyList<PriceListPrice>? Prices, Guid? StoreId = null, Guid? CustomerGroupId = null,
        DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidTo = null, bool IsActive = true, Guid? Id = null)
    {
        public SavePriceList ToCommand() => new(Name, Prices, StoreId, CustomerGroupId, ValidFrom, ValidTo, IsActive);
    }

    public sealed record ApplyCouponRequest(string Code);

    public static RouteGroupBuilder MapPromotions(this RouteGroupBuilder api)
    {
        var promotions = api.MapGroup("/promotions").WithTags("Promotions");
        promotions.MapGet("/", List).RequirePermission(Permission.Browse).WithSummary("All promotions (?storeId= those that can run in a store, ?active=true only active ones)");
        promotions.MapPost("/", Create).RequirePermission(Permission.EditProducts).WithSummary("Create a promotion (idempotent by id): percent or amount off, fixed price, multi-buy, buy X get Y, bundle");
        promotions.MapGet("/{promotionId:guid}", Get).RequirePermission(Permission.Browse).WithSummary("One promotion");
        promotions.MapPut("/{promotionId:guid}", Update).RequirePermission(Permission.EditProducts).WithSummary("Change a promotion; open sales are priced by it at their next change");
        promotions.MapDelete("/{promotionId:guid}", Delete).RequirePermission(Permission.EditProducts).WithSummary("Delete a promotion (its coupons go with it; receipts keep its name)");

        var coupons = api.MapGroup("/coupons").WithTags("Promotions");
        coupons.MapGet("/", ListCoupons).RequirePermission(Permission.Browse).WithSummary("All coupon codes (?promotionId= those of one promotion)");
        coupons.MapPost("/", CreateCoupon).RequirePermission(Permission.EditProducts).WithSummary("Create a coupon code that unlocks a promotion (idempotent by id)");
        coupons.MapGet("/{couponId:guid}", GetCoupon).RequirePermission(Permission.Browse).WithSummary("One coupon");
        coupons.MapPut("/{couponId:guid}", UpdateCoupon).RequirePermission(Permission.EditProducts).WithSummary("Change a coupon");
        coupons.MapDelete("/{couponId:guid}", DeleteCoupon).RequirePermission(Permission.EditProducts).WithSummary("Delete a coupon");

        var priceLists = api.MapGroup("/price-lists").WithTags("Promotions");
        priceLists.MapGet("/", ListPriceLists).RequirePermission(Permission.Browse).WithSummary("All price lists (per store and/or customer group)");
        priceLists.MapPost("/", CreatePriceList).RequirePermission(Permission.EditProducts).WithSummary("Create a price list (idempotent by id); it only ever lowers a price");
        priceLists.MapGet("/{priceListId:guid}", GetPriceList).RequirePermission(Permission.Browse).WithSummary("One price list with its prices");
        priceLists.MapPut("/{priceListId:guid}", UpdatePriceList).RequirePermission(Permission.EditProducts).WithSummary("Change a price list and replace its prices");
        priceLists.MapDelete("/{priceListId:guid}", DeletePriceList).RequirePermission(Permission.EditProducts).WithSummary("Delete a price list");

        api.MapPut("/sales/{saleId:guid}/coupon", ApplyCoupon).WithTags("Sales").RequirePermission(Permission.Sell)
            .WithSummary("Apply a coupon code the customer hands over; the sale is priced again with its promotion");
        api.MapDelete("/sales/{saleId:guid}/coupon", RemoveCoupon).WithTags("Sales").RequirePermission(Permission.Sell)
            .WithSummary("Take the coupon off the sale");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PromotionView>>> List(Guid? storeId, bool? active, PromotionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(storeId, active ?? false, ct));

    private static async Task<Created<PromotionView>> Create(PromotionRequest request, PromotionService service, CancellationToken ct)
    {
        var promotion = await service.CreateAsync(RequireId(request.Id, "promotion"), request.ToTerms(), ct);
        return TypedResults.Created($"/api/v1/promotions/{promotion.Id}", promotion);
    }

    private static async Task<Ok<PromotionView>> Get(Guid promotionId, PromotionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(promotionId, ct));

    private static async Task<Ok<PromotionView>> Update(Guid promotionId, PromotionRequest request, PromotionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(promotionId, request.ToTerms(), ct));

    private static async Task<NoContent> Delete(Guid promotionId, PromotionService service, CancellationToken ct)
    {
        await service.DeleteAsync(promotionId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<CouponView>>> ListCoupons(Guid? promotionId, PromotionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListCouponsAsync(promotionId, ct));

    private static async Task<Created<CouponView>> CreateCoupon(CouponRequest request, PromotionService service, CancellationToken ct)
    {
        var coupon = await service.CreateCouponAsync(RequireId(request.Id, "coupon"), request.ToCommand(), ct);
        return TypedResults.Created($"/api/v1/coupons/{coupon.Id}", coupon);
    }

    private static async Task<Ok<CouponView>> GetCoupon(Guid couponId, PromotionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetCouponAsync(couponId, ct));

    private static async Task<Ok<CouponView>> UpdateCoupon(Guid couponId, CouponRequest request, PromotionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateCouponAsync(couponId, request.ToCommand(), ct));

    private static async Task<NoContent> DeleteCoupon(Guid couponId, PromotionService service, CancellationToken ct)
    {
        await service.DeleteCouponAsync(couponId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<PriceListView>>> ListPriceLists(PromotionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListPriceListsAsync(ct));

    private static async Task<Created<PriceListView>> CreatePriceList(PriceListRequest request, PromotionService service, CancellationToken ct)
    {
        var list = await service.CreatePriceListAsync(RequireId(request.Id, "price-list"), request.ToCommand(), ct);
        return TypedResults.Created($"/api/v1/price-lists/{list.Id}", list);
    }

    private static async Task<Ok<PriceListView>> GetPriceList(Guid priceListId, PromotionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetPriceListAsync(priceListId, ct));

    private static async Task<Ok<PriceListView>> UpdatePriceList(Guid priceListId, PriceListRequest request, PromotionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdatePriceListAsync(priceListId, request.ToCommand(), ct));

    private static async Task<NoContent> DeletePriceList(Guid priceListId, PromotionService service, CancellationToken ct)
    {
        await service.DeletePriceListAsync(priceListId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SaleView>> ApplyCoupon(Guid saleId, ApplyCouponRequest request, Kasse.Application.Sales.SaleCustomerUseCases sale, CancellationToken ct) =>
        TypedResults.Ok(await sale.ApplyCouponAsync(saleId, request.Code, ct));

    private static async Task<Ok<SaleView>> RemoveCoupon(Guid saleId, Kasse.Application.Sales.SaleCustomerUseCases sale, CancellationToken ct) =>
        TypedResults.Ok(await sale.RemoveCouponAsync(saleId, ct));

    private static Guid RequireId(Guid? id, string what) =>
        id is { } value && value != Guid.Empty ? value : throw DomainException.Invalid($"{what}.id", $"Give the {what.Replace('-', ' ')} an id (a new UUID).");
}
