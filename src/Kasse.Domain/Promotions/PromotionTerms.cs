namespace Kasse.Domain.Promotions;

/// <summary>Everything a person sets on a promotion; validated by <see cref="Promotion"/>.</summary>
public sealed record PromotionTerms(
    string Name,
    PromotionKind Kind,
    ItemSelector? Items,
    IReadOnlyList<BundleComponent>? Components = null,
    decimal? Percent = null,
    decimal? Amount = null,
    decimal? Price = null,
    int? BuyQuantity = null,
    int? GetQuantity = null,
    Guid? StoreId = null,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidTo = null,
    Weekdays Days = Weekdays.All,
    TimeOnly? StartTime = null,
    TimeOnly? EndTime = null,
    Guid? CustomerGroupId = null,
    bool RequiresCoupon = false,
    bool IsActive = true);
