using M = Kasse.Domain.Money.Money;

namespace Kasse.Domain.Promotions;

/// <summary>
/// Finds the customer's price for a basket. The rules (docs/promotions.md):
/// <list type="number">
/// <item>The lowest price of any running price list for the store and customer group replaces a higher catalogue price.</item>
/// <item>Then promotions, each item (each piece) taken by at most one promotion: promotions don't stack on one item.</item>
/// <item>The promotion that saves the most on the items still free goes first, then the next, until none saves anything;
///   with up to <see cref="ExhaustiveLimit"/> competing promotions every order is tried and the cheapest wins.</item>
/// <item>Ties go to the lower promotion id, and items are taken most expensive first (by product and line id on equal prices),
///   so the same basket always gets the same price, whatever order it was scanned in.</item>
/// </list>
/// All arithmetic is in whole øre; no line is ever taken below zero or priced above its catalogue price.
/// </summary>
public static class PromotionPricer
{
    public const int ExhaustiveLimit = 5;

    public static PricingResult Price(IReadOnlyList<BasketLine> basket, IReadOnlyList<Promotion> promotions, IReadOnlyList<PriceList> priceLists,
        PricingContext context)
    {
        var lines = basket.Where(l => !l.Excluded && l.Quantity > 0m && l.UnitPrice > 0m)
            .OrderBy(l => l.Position)
            .ThenBy(l => l.LineId)
            .ToList();
        var adjustments = new List<PriceAdjustment>();
        var state = new BasketState(lines);
        ApplyPriceLists(state, priceLists, context, adjustments);

        var candidates = promotions
            .Where(p => (p.StoreId is null || p.StoreId == context.StoreId)
                && (p.CustomerGroupId is null || p.CustomerGroupId == context.CustomerGroupId)
                && (!p.RequiresCoupon || context.UnlockedPromotionIds.Contains(p.Id))
                && lines.Any(l => p.Covers(l.ProductId, l.CategoryId))
                && p.IsRunningAt(context.Now, context.StoreZone))
            .OrderBy(p => p.Id)
            .ToList();
        var best = Greedy(state, candidates);
        if (candidates.Count is > 1 and <= ExhaustiveLimit)
            foreach (var order in Permutations(candidates))
            {
                var tried = InOrder(state, order);
                if (tried.Saving > best.Saving)
                    best = tried;
            }
        adjustments.AddRange(best.Applications.SelectMany(a => a.Adjustments));
        return new PricingResult(adjustments
            .Where(a => a.Amount != 0m)
            .OrderBy(a => a.Source).ThenBy(a => a.SourceId).ThenBy(a => a.LineId)
            .ToList());
    }

    internal sealed record Application(Promotion Promotion, long Saving, IReadOnlyList<(int Line, decimal Quantity)> Taken,
        IReadOnlyList<PriceAdjustment> Adjustments);

    private sealed record Outcome(IReadOnlyList<Application> Applications)
    {
        public long Saving => Applications.Sum(a => a.Saving);
    }

    /// <summary>
    /// Best saving first. A promotion's saving only changes when items it covers are taken, so after each step only the
    /// promotions sharing a line with the one applied are worked out again (this keeps a 100-line basket against
    /// 1,000 promotions in milliseconds).
    /// </summary>
    private static Outcome Greedy(BasketState start, List<Promotion> candidates)
    {
        var state = start.Copy();
        var covered = candidates.Select(p => CoveredLines(p, state)).ToList();
        var evaluations = candidates.Select(p => PromotionApplication.Evaluate(p, state)).ToList();
        var left = Enumerable.Range(0, candidates.Count).ToList();
        var applied = new List<Application>();
        while (left.Count > 0)
        {
            var bestIndex = -1;
            foreach (var i in left)
                if (evaluations[i] is { Saving: > 0 } evaluation && (bestIndex < 0 || evaluation.Saving > evaluations[bestIndex]!.Saving))
                    bestIndex = i;
            if (bestIndex < 0)
                break;
            var best = evaluations[bestIndex]!;
            state.Take(best.Taken);
            applied.Add(best);
            left.Remove(bestIndex);
            var touched = best.Taken.Select(t => t.Line).ToHashSet();
            foreach (var i in left)
                if (covered[i].Overlaps(touched))
                    evaluations[i] = PromotionApplication.Evaluate(candidates[i], state);
        }
        return new Outcome(applied);
    }

    private static HashSet<int> CoveredLines(Promotion promotion, BasketState state) =>
        Enumerable.Range(0, state.Lines.Count).Where(i => promotion.Covers(state.Lines[i].ProductId, state.Lines[i].CategoryId)).ToHashSet();

    private static Outcome InOrder(BasketState start, IReadOnlyList<Promotion> order)
    {
        var state = start.Copy();
        var applied = new List<Application>();
        foreach (var promotion in order)
        {
            var application = PromotionApplication.Evaluate(promotion, state);
            if (application is null || application.Saving <= 0)
                continue;
            state.Take(application.Taken);
            applied.Add(application);
        }
        return new Outcome(applied);
    }

    private static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, k) => k != i).ToList();
            foreach (var tail in Permutations(rest))
                yield return [items[i], .. tail];
        }
    }

    private static void ApplyPriceLists(BasketState state, IReadOnlyList<PriceList> priceLists, PricingContext context, List<PriceAdjustment> adjustments)
    {
        var running = priceLists
            .Where(p => (p.StoreId is null || p.StoreId == context.StoreId)
                && (p.CustomerGroupId is null || p.CustomerGroupId == context.CustomerGroupId)
                && p.IsValidAt(context.Now))
            .OrderBy(p => p.Id)
            .ToList();
        if (running.Count == 0)
            return;
        for (var i = 0; i < state.Lines.Count; i++)
        {
            var line = state.Lines[i];
            if (line.ProductId is not { } productId)
                continue;
            (PriceList List, decimal Price)? lowest = null;
            foreach (var list in running)
                foreach (var item in list.Items)
                    if (item.ProductId == productId && item.Price < line.UnitPrice && (lowest is null || item.Price < lowest.Value.Price))
                        lowest = (list, item.Price);
            if (lowest is not { } found)
                continue;
            var before = M.ToMinorUnits(M.RoundToMinor(line.UnitPrice * line.Quantity));
            var after = M.ToMinorUnits(M.RoundToMinor(found.Price * line.Quantity));
            state.SetUnitPrice(i, found.Price, after);
            adjustments.Add(new PriceAdjustment(line.LineId, AdjustmentSource.PriceList, found.List.Id, found.List.Name, Minor(before - after)));
        }
    }

    internal static decimal Minor(long minor) => minor / 100m;

    /// <summary>The basket as promotions consume it: each line's price after price lists and the quantity still free.</summary>
    internal sealed class BasketState
    {
        public BasketState(List<BasketLine> lines)
        {
            Lines = lines;
            UnitPrice = lines.Select(l => M.ToMinorUnits(l.UnitPrice)).ToArray();
            Value = lines.Select(l => M.ToMinorUnits(M.RoundToMinor(l.UnitPrice * l.Quantity))).ToArray();
            Free = lines.Select(l => l.Quantity).ToArray();
        }

        private BasketState(BasketState other)
        {
            Lines = other.Lines;
            UnitPrice = (long[])other.UnitPrice.Clone();
            Value = (long[])other.Value.Clone();
            Free = (decimal[])other.Free.Clone();
        }

        public List<BasketLine> Lines { get; }

        /// <summary>Øre per unit after price lists.</summary>
        public long[] UnitPrice { get; }

        /// <summary>Øre of the whole line after price lists: the most promotions may take off it.</summary>
        public long[] Value { get; }

        public decimal[] Free { get; }

        public BasketState Copy() => new(this);

        public void SetUnitPrice(int line, decimal price, long value)
        {
            UnitPrice[line] = M.ToMinorUnits(price);
            Value[line] = value;
        }

        public void Take(IEnumerable<(int Line, decimal Quantity)> taken)
        {
            foreach (var (line, quantity) in taken)
                Free[line] -= quantity;
        }
    }
}
