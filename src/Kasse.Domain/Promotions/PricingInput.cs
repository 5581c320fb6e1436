namespace Kasse.Domain.Promotions;

/// <summary>
/// One line of the basket as the pricer sees it. <paramref name="CountsInPieces"/> is false for items sold by weight
/// or volume: they take part in per-item promotions but not in counted ones (multi-buy, buy X get Y, bundles).
/// A line that already has a manual discount is <paramref name="Excluded"/>: the cashier's discount replaces promotions.
/// <paramref name="Position"/> is the line's place on the sale (the order it was scanned): where equal lines share a saving
/// unevenly, the odd øre go by it, the same however fast the lines came (line ids made within one millisecond are not in
/// the order they were made).
/// </summary>
public sealed record BasketLine(Guid LineId, Guid? ProductId, Guid? CategoryId, decimal Quantity, decimal UnitPrice, bool CountsInPieces,
    bool Excluded = false, int Position = 0);

/// <summary>Who buys, where and when: what decides which promotions and price lists run.</summary>
public sealed record PricingContext(DateTimeOffset Now, TimeZoneInfo StoreZone, Guid StoreId, Guid? CustomerGroupId,
    IReadOnlySet<Guid> UnlockedPromotionIds);

public enum AdjustmentSource
{
    PriceList,
    Promotion,
}

/// <summary>What one promotion or price list takes off one line, in kroner (positive).</summary>
public sealed record PriceAdjustment(Guid LineId, AdjustmentSource Source, Guid SourceId, string Name, decimal Amount);

public sealed record PricingResult(IReadOnlyList<PriceAdjustment> Adjustments)
{
    public decimal Saving => Adjustments.Sum(a => a.Amount);
}
