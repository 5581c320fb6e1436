using Kasse.Domain.Promotions;

namespace Kasse.Application.Promotions;

public sealed record PromotionView(Guid Id, string Name, PromotionKind Kind, ItemSelector? Items, IReadOnlyList<BundleComponent> Components,
    decimal? Percent, decimal? Amount, decimal? Price, int? BuyQuantity, int? GetQuantity, Guid? StoreId, DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo, Weekdays Days, TimeOnly? StartTime, TimeOnly? EndTime, Guid? CustomerGroupId, bool RequiresCoupon, bool IsActive)
{
    public static PromotionView From(Promotion p) => new(p.Id, p.Name, p.Kind, p.Kind == PromotionKind.Bundle ? null : p.Items, p.Components,
        p.Kind is PromotionKind.PercentOff or PromotionKind.BuyXGetY ? p.Percent : null,
        p.Kind == PromotionKind.AmountOff ? p.Amount : null,
        p.Kind is PromotionKind.FixedPrice or PromotionKind.MultiBuy or PromotionKind.Bundle ? p.Price : null,
        p.BuyQuantity == 0 ? null : p.BuyQuantity, p.GetQuantity == 0 ? null : p.GetQuantity,
        p.StoreId, p.ValidFrom, p.ValidTo, p.Days, p.StartTime, p.EndTime, p.CustomerGroupId, p.RequiresCoupon, p.IsActive);

    public PromotionTerms ToTerms() => new(Name, Kind, Items, Components, Percent, Amount, Price, BuyQuantity, GetQuantity, StoreId, ValidFrom,
        ValidTo, Days, StartTime, EndTime, CustomerGroupId, RequiresCoupon, IsActive);
}

public sealed record CouponView(Guid Id, string Code, Guid PromotionId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, bool IsActive)
{
    public static CouponView From(Coupon c) => new(c.Id, c.Code, c.PromotionId, c.ValidFrom, c.ValidTo, c.IsActive);
}

public sealed record SaveCoupon(string Code, Guid PromotionId, DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidTo = null, bool IsActive = true);

public sealed record PriceListPrice(Guid ProductId, decimal Price);

public sealed record SavePriceList(string Name, IReadOnlyList<PriceListPrice>? Prices, Guid? StoreId = null, Guid? CustomerGroupId = null,
    DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidTo = null, bool IsActive = true);

public sealed record PriceListView(Guid Id, string Name, Guid? StoreId, Guid? CustomerGroupId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo,
    bool IsActive, IReadOnlyList<PriceListPrice> Prices)
{
    public static PriceListView From(PriceList p) => new(p.Id, p.Name, p.StoreId, p.CustomerGroupId, p.ValidFrom, p.ValidTo, p.IsActive,
        p.Items.OrderBy(i => i.ProductId).Select(i => new PriceListPrice(i.ProductId, i.Price)).ToList());
}
