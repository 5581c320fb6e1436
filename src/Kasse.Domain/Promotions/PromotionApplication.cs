using Kasse.Domain.Sales;
using static Kasse.Domain.Promotions.PromotionPricer;

namespace Kasse.Domain.Promotions;

/// <summary>What one promotion saves on the items of a basket that are still free, applied as often as it fits.</summary>
internal static class PromotionApplication
{
    private readonly record struct Unit(int Line, long Price);

    public static Application? Evaluate(Promotion promotion, BasketState state) => promotion.Kind switch
    {
        PromotionKind.PercentOff or PromotionKind.AmountOff or PromotionKind.FixedPrice => PerItem(promotion, state),
        PromotionKind.MultiBuy => Counted(promotion, state, promotion.BuyQuantity, chunk => chunk.Sum(u => u.Price) - Ore(promotion.Price)),
        PromotionKind.BuyXGetY => Counted(promotion, state, promotion.BuyQuantity + promotion.GetQuantity,
            chunk => Percent(chunk.Skip(promotion.BuyQuantity).Sum(u => u.Price), promotion.Percent)),
        PromotionKind.Bundle => Bundle(promotion, state),
    };

    private static Application? PerItem(Promotion promotion, BasketState state)
    {
        var savings = new Dictionary<int, long>();
        var taken = new List<(int, decimal)>();
        for (var i = 0; i < state.Lines.Count; i++)
        {
            var line = state.Lines[i];
            var free = state.Free[i];
            if (free <= 0m || !promotion.Items.Covers(line.ProductId, line.CategoryId))
                continue;
            var value = free == line.Quantity ? state.Value[i] : Round(state.UnitPrice[i] * free);
            var saving = promotion.Kind switch
            {
                PromotionKind.PercentOff => Percent(value, promotion.Percent),
                PromotionKind.AmountOff => Math.Min(value, Round(Ore(promotion.Amount) * free)),
                _ => Math.Max(0L, value - Round(Ore(promotion.Price) * free)),
            };
            if (saving <= 0)
                continue;
            savings[i] = saving;
            taken.Add((i, free));
        }
        return Result(promotion, state, savings, taken);
    }

    /// <summary>Chunks of <paramref name="size"/> items, most expensive first, for as long as a chunk saves something.</summary>
    private static Application? Counted(Promotion promotion, BasketState state, int size, Func<List<Unit>, long> savingOf)
    {
        var units = FreeUnits(state, promotion.Items);
        var savings = new Dictionary<int, long>();
        var taken = new Dictionary<int, decimal>();
        for (var start = 0; start + size <= units.Count; start += size)
        {
            var chunk = units.GetRange(start, size);
            var saving = Math.Min(savingOf(chunk), chunk.Sum(u => u.Price));
            if (saving <= 0)
                break;
            Share(saving, chunk, savings, taken);
        }
        return Result(promotion, state, savings, taken.Select(t => (t.Key, t.Value)).ToList());
    }

    /// <summary>Fills each component with the most expensive free items it covers, one bundle after another.</summary>
    private static Application? Bundle(Promotion promotion, BasketState state)
    {
        var pools = promotion.Components.Select(c => FreeUnits(state, c.Items)).ToList();
        var used = new Dictionary<int, decimal>();
        var savings = new Dictionary<int, long>();
        var taken = new Dictionary<int, decimal>();
        while (true)
        {
            var chosen = new List<Unit>();
            var usedNow = new Dictionary<int, decimal>(used);
            foreach (var (component, pool) in promotion.Components.Zip(pools))
            {
                var need = component.Quantity;
                foreach (var unit in pool)
                {
                    if (need == 0)
                        break;
                    var available = decimal.Truncate(state.Free[unit.Line]) - usedNow.GetValueOrDefault(unit.Line);
                    if (available < 1m)
                        continue;
                    usedNow[unit.Line] = usedNow.GetValueOrDefault(unit.Line) + 1m;
                    chosen.Add(unit);
                    need--;
                }
                if (need > 0)
                    return Result(promotion, state, savings, taken.Select(t => (t.Key, t.Value)).ToList());
            }
            var saving = chosen.Sum(u => u.Price) - Ore(promotion.Price);
            if (saving <= 0)
                return Result(promotion, state, savings, taken.Select(t => (t.Key, t.Value)).ToList());
            used = usedNow;
            Share(saving, chosen, savings, taken);
        }
    }

    /// <summary>The free pieces of covered lines, one entry per piece, most expensive first; equal prices by product, then in the basket's order.</summary>
    private static List<Unit> FreeUnits(BasketState state, ItemSelector items)
    {
        var units = new List<Unit>();
        var order = Enumerable.Range(0, state.Lines.Count)
            .Where(i => state.Lines[i].CountsInPieces && state.Free[i] >= 1m && items.Covers(state.Lines[i].ProductId, state.Lines[i].CategoryId))
            .OrderByDescending(i => state.UnitPrice[i])
            .ThenBy(i => state.Lines[i].ProductId ?? Guid.Empty)
            .ThenBy(i => i); // the pricer's order: the lines' places on the sale
        foreach (var i in order)
            for (var k = 0; k < (int)decimal.Truncate(state.Free[i]); k++)
                units.Add(new Unit(i, state.UnitPrice[i]));
        return units;
    }

    /// <summary>A chunk's saving spread over its items by price, so a partial return gives back each item's fair share.</summary>
    private static void Share(long saving, List<Unit> chunk, Dictionary<int, long> savings, Dictionary<int, decimal> taken)
    {
        var parts = Allocation.Proportionally(saving, chunk.Select(u => u.Price).ToList());
        for (var k = 0; k < chunk.Count; k++)
        {
            savings[chunk[k].Line] = savings.GetValueOrDefault(chunk[k].Line) + parts[k];
            taken[chunk[k].Line] = taken.GetValueOrDefault(chunk[k].Line) + 1m;
        }
    }

    private static Application? Result(Promotion promotion, BasketState state, Dictionary<int, long> savings, List<(int, decimal)> taken)
    {
        if (savings.Count == 0)
            return null;
        var adjustments = savings.OrderBy(s => s.Key)
            .Select(s => new PriceAdjustment(state.Lines[s.Key].LineId, AdjustmentSource.Promotion, promotion.Id, promotion.Name, Minor(s.Value)))
            .ToList();
        return new Application(promotion, savings.Values.Sum(), taken, adjustments);
    }

    private static long Ore(decimal kroner) => Kasse.Domain.Money.Money.ToMinorUnits(kroner);

    private static long Round(decimal ore) => (long)Math.Round(ore, 0, MidpointRounding.AwayFromZero);

    private static long Percent(long ore, decimal percent) => Round(ore * percent / 100m);
}
