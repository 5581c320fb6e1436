namespace Kasse.Domain.Inventory;

/// <summary>How much to order of one product at one location, from its reorder settings, recent sales and the supplier's terms.</summary>
public static class ReorderMath
{
    /// <summary>
    /// Nothing while on hand plus what is already on order is above the reorder point. Otherwise enough to get back to the
    /// reorder point plus what will sell during the lead time, at least the reorder quantity and the supplier's minimum,
    /// rounded up to whole packs.
    /// </summary>
    public static decimal Suggest(decimal onHand, decimal onOrder, decimal reorderPoint, decimal? reorderQuantity,
        decimal dailySales, int leadTimeDays, decimal packSize, decimal minimumOrder)
    {
        var available = onHand + onOrder;
        if (available > reorderPoint)
            return 0m;
        var need = reorderPoint - available + dailySales * leadTimeDays;
        var quantity = Math.Max(Math.Max(need, reorderQuantity ?? 0m), minimumOrder);
        if (quantity <= 0m)
            quantity = packSize;
        var packs = Math.Ceiling(Quantities.Round(quantity / packSize));
        return packs * packSize;
    }

    /// <summary>Days the stock lasts at the recent rate of sale; null when nothing sold (it lasts indefinitely).</summary>
    public static decimal? DaysOfCover(decimal onHand, decimal dailySales) =>
        dailySales <= 0m ? null : Math.Round(Math.Max(onHand, 0m) / dailySales, 1, MidpointRounding.AwayFromZero);
}
