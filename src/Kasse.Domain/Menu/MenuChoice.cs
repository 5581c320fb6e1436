using Kasse.Domain.Sales;
using Kasse.Domain.Stores;

namespace Kasse.Domain.Menu;

/// <summary>A combo component's VAT rate and list price: what the combo's set price is split by.</summary>
public sealed record ComboPart(StoreVatRate Rate, decimal ListPrice);

/// <summary>
/// What a guest chose for a menu item: its modifiers (<see cref="ModifierGroup.Choose"/>), a note to the kitchen, the
/// product's allergens, and for a combo the VAT rate and list price of each chosen component.
/// </summary>
public sealed record MenuChoice(IReadOnlyList<LineModifier> Modifiers, string? Note = null, Allergens Allergens = Allergens.None,
    IReadOnlyList<ComboPart>? ComboParts = null)
{
    public static readonly MenuChoice None = new([]);

    public decimal PriceDelta => Modifiers.Sum(m => m.PriceDelta);
}

/// <summary>
/// The VAT of a combo sold at a set price whose components carry different rates (a sandwich at 12 % and a beer at 25 %
/// somewhere else than Denmark): the set price is split over the rates in proportion to the components' list prices, to
/// the øre, so the VAT charged is what the parts sold alone would have carried at the same discount.
/// </summary>
public static class ComboVat
{
    /// <returns>Each rate with its share of <paramref name="setPrice"/>, largest first; shares add up to the set price exactly.</returns>
    public static IReadOnlyList<(StoreVatRate Rate, decimal Amount)> Split(decimal setPrice, IReadOnlyList<ComboPart> parts)
    {
        var byRate = parts.GroupBy(p => p.Rate.Percent).Select(g => (Rate: g.First().Rate, ListPrice: g.Sum(p => p.ListPrice))).ToList();
        if (byRate.Count <= 1 || byRate.Sum(r => r.ListPrice) == 0m)
            return byRate.Count == 0 ? [] : [(byRate[0].Rate, setPrice)];
        var shares = Allocation.Proportionally(Money.Money.ToMinorUnits(setPrice), byRate.Select(r => Money.Money.ToMinorUnits(r.ListPrice)).ToList());
        return byRate.Select((r, i) => (r.Rate, shares[i] / 100m)).OrderByDescending(r => r.Item2).ThenByDescending(r => r.Rate.Percent).ToList();
    }
}
