using System.Globalization;
using Kasse.Domain.Catalog;

namespace Kasse.Domain.Inventory;

/// <summary>The units a recipe may be written in; each converts to the ingredient's stock unit (kg, litre or piece).</summary>
public enum RecipeUnit
{
    Gram,
    Kilogram,
    Millilitre,
    Litre,
    Piece,
}

public static class RecipeUnits
{
    public static RecipeUnit Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "g" or "gram" => RecipeUnit.Gram,
        "kg" or "kilogram" => RecipeUnit.Kilogram,
        "ml" or "millilitre" or "milliliter" => RecipeUnit.Millilitre,
        "l" or "litre" or "liter" => RecipeUnit.Litre,
        "pcs" or "piece" or "stk" => RecipeUnit.Piece,
        _ => throw DomainException.Invalid(RecipeErrors.Unit, $"'{text}' is not a recipe unit; use g, kg, ml, l or pcs."),
    };

    /// <summary>The quantity in the ingredient's own stock unit: 18 g of coffee sold by the kg is 0.018.</summary>
    public static decimal ToStockUnit(decimal quantity, RecipeUnit unit, Unit stockUnit, string ingredientName) => (unit, stockUnit) switch
    {
        (RecipeUnit.Gram, Unit.Kilogram) => quantity / 1000m,
        (RecipeUnit.Kilogram, Unit.Kilogram) => quantity,
        (RecipeUnit.Millilitre, Unit.Litre) => quantity / 1000m,
        (RecipeUnit.Litre, Unit.Litre) => quantity,
        (RecipeUnit.Piece, Unit.Piece) => quantity,
        _ => throw DomainException.Invalid(RecipeErrors.Unit,
            $"{ingredientName} is stocked in {stockUnit.Symbol()}; {unit.ToString().ToLowerInvariant()} can't be converted to that."),
    };
}

/// <summary>
/// A bill of materials: selling one of the product uses its ingredients instead of itself. A recipe may make several
/// portions (yield), and each ingredient may have a waste factor (the milk left in the jug).
/// </summary>
public sealed class Recipe
{
    private readonly List<RecipeComponent> _components = [];

    private Recipe() { }

    public Recipe(Guid productId) => ProductId = productId;

    public Guid ProductId { get; private set; }

    /// <summary>Portions the recipe makes; each sold unit uses 1/yield of it.</summary>
    public decimal Yield { get; private set; } = 1m;
    public IReadOnlyList<RecipeComponent> Components => _components;

    public void Replace(decimal yield, IEnumerable<(Guid IngredientId, decimal Quantity, RecipeUnit Unit, decimal WastePercent)> components)
    {
        Yield = Quantities.Positive(yield, "recipe.yield", "The yield");
        _components.Clear();
        foreach (var (ingredientId, quantity, unit, waste) in components)
        {
            if (ingredientId == ProductId)
                throw DomainException.Invalid(RecipeErrors.Self, "A product can't be an ingredient of itself.");
            if (_components.Any(c => c.IngredientId == ingredientId))
                throw DomainException.Invalid(RecipeErrors.Duplicate, $"Ingredient {ingredientId} is listed twice; give it once.");
            if (waste is < 0m or >= 100m)
                throw DomainException.Invalid(RecipeErrors.Waste, $"A waste factor must be from 0 up to (not including) 100 %; got {waste.ToString(CultureInfo.InvariantCulture)}.");
            _components.Add(new RecipeComponent(Guid.CreateVersion7(), ProductId, ingredientId,
                Quantities.Positive(quantity, "recipe.quantity", "An ingredient quantity"), unit, waste));
        }
        if (_components.Count == 0)
            throw DomainException.Invalid(RecipeErrors.Empty, "A recipe needs at least one ingredient.");
    }

    /// <summary>How much of an ingredient one sold unit uses, in its stock unit: quantity × (1 + waste) ÷ yield, to three decimals.</summary>
    public decimal PerSoldUnit(RecipeComponent component, Unit ingredientStockUnit, string ingredientName) =>
        RecipeUnits.ToStockUnit(component.Quantity, component.Unit, ingredientStockUnit, ingredientName) * (1m + component.WastePercent / 100m) / Yield;
}

public sealed class RecipeComponent
{
    private RecipeComponent() { }

    internal RecipeComponent(Guid id, Guid recipeProductId, Guid ingredientId, decimal quantity, RecipeUnit unit, decimal wastePercent)
    {
        Id = id;
        RecipeProductId = recipeProductId;
        IngredientId = ingredientId;
        Quantity = quantity;
        Unit = unit;
        WastePercent = wastePercent;
    }

    public Guid Id { get; private set; }
    public Guid RecipeProductId { get; private set; }
    public Guid IngredientId { get; private set; }
    public decimal Quantity { get; private set; }
    public RecipeUnit Unit { get; private set; }
    public decimal WastePercent { get; private set; }
}
