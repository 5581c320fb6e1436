namespace Kasse.Domain.Sales;

/// <summary>
/// A modifier chosen for a sale line, copied from its option when the line was added, so the receipt, the kitchen and the
/// stock read what was sold even after the menu changes: the group and option names, the price change, and what it does to
/// stock (a combo's component product, or an ingredient added or put in place of another).
/// </summary>
public sealed record LineModifier(Guid GroupId, string Group, Guid OptionId, string Name, decimal PriceDelta, Guid? ProductId = null,
    Guid? IngredientId = null, Guid? ReplacesIngredientId = null, decimal? IngredientQuantity = null);
