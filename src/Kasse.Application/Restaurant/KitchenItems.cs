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
    /// The line's modifiers (each option's own name: "Havremælk", "Uden løg", a combo's component), its note and its allergens
    /// for its ticket item. The ticket keeps them as text in the kitchen's language, Danish, as its screens and printers
    /// show them; later menu edits never change a ticket.
    /// </summary>
    public static KitchenItemDetails FromLine(SaleLineView line) =>
        line.Modifiers.Count == 0 && line.Note is null && line.Allergens.Count == 0
            ? KitchenItemDetails.None
            : new(line.Modifiers.Select(m => m.Name).ToList(), line.Note,
                line.Allergens.Select(a => Kasse.Domain.Menu.AllergenNames.Name(a, "da")).ToList());
}
