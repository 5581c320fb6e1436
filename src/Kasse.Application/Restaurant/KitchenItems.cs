using Kasse.Application.Sales;

namespace Kasse.Application.Restaurant;

/// <summary>What a ticket item says beside the name and quantity: the line's modifiers, its note to the kitchen and its allergens.</summary>
public sealed record KitchenItemDetails(IReadOnlyList<string> Modifiers, string? Note, IReadOnlyList<string> Allergens)
{
    public static readonly KitchenItemDetails None = new([], null, []);
}

/// <summary>The one place a sale line becomes what a kitchen ticket tells the cook.</summary>
public static class KitchenItems
{
    /// <summary>
    /// The line's modifiers, note and allergens for its ticket item. Sale lines do not carry them yet; when they do
    /// (<c>SaleLineView.Modifiers</c>, <c>Note</c>, <c>Allergens</c>), map them here and every screen and printed ticket shows them.
    /// </summary>
    public static KitchenItemDetails FromLine(SaleLineView line) => KitchenItemDetails.None;
}
