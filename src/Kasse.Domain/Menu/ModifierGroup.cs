using System.Globalization;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Menu;

/// <summary>
/// A choice a guest makes about a menu item, defined once per store and attached to many products: "Størrelse" (one of
/// S/M/L, required), "Mælk" (optional, one of), "Ekstra" (up to three), or a combo's "Vælg en drik" whose options are
/// products. Required means at least <see cref="MinChoices"/> (1 or more) options must be chosen.
/// </summary>
public sealed class ModifierGroup
{
    public const int MaxNameLength = 40;
    public const int MaxOptions = 30;

    private readonly List<ModifierOption> _options = [];

    private ModifierGroup() { Name = ""; }

    public ModifierGroup(Guid id, Guid storeId, string name, int minChoices, int maxChoices)
    {
        Id = id;
        StoreId = storeId;
        Change(name, minChoices, maxChoices);
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; }
    public int MinChoices { get; private set; }
    public int MaxChoices { get; private set; }
    public bool IsRequired => MinChoices > 0;

    /// <summary>Set when removed; products no longer offer it, and sales that used it keep their own copy of the choice.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public IReadOnlyList<ModifierOption> Options => _options;

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Name))]
    public void Change(string name, int minChoices, int maxChoices)
    {
        Name = Text.Required(name, MaxNameLength, "menu.group-name", "A modifier group's name");
        if (minChoices < 0 || maxChoices < 1 || minChoices > maxChoices || maxChoices > MaxOptions)
            throw DomainException.Invalid(MenuErrors.GroupChoices,
                $"A group is chosen between minChoices and maxChoices times: 0 ≤ min ≤ max, 1 ≤ max ≤ {MaxOptions}; got min {minChoices}, max {maxChoices}.");
        MinChoices = minChoices;
        MaxChoices = maxChoices;
    }

    /// <summary>Replaces the options; an option given with the id of an existing one keeps that id (sales name options by id).</summary>
    public void ReplaceOptions(IReadOnlyList<ModifierOption> options)
    {
        if (options.Count == 0 || options.Count > MaxOptions)
            throw DomainException.Invalid(MenuErrors.GroupOptions, $"A group has 1 to {MaxOptions} options; got {options.Count}.");
        if (options.Select(o => o.Name.ToUpperInvariant()).Distinct().Count() != options.Count)
            throw DomainException.Invalid(MenuErrors.OptionNameRepeated, "Two options of a group have the same name; give each its own.");
        if (MinChoices > options.Count)
            throw DomainException.Invalid(MenuErrors.GroupChoices, $"The group asks for at least {MinChoices} choices but has only {options.Count} options.");
        _options.Clear();
        for (var i = 0; i < options.Count; i++)
            _options.Add(options[i].In(Id, i));
    }

    public void Delete(DateTimeOffset at) => DeletedAt ??= at;

    /// <summary>
    /// What a guest chose from the groups a product offers, checked against each group's min and max, as the line keeps it.
    /// </summary>
    public static IReadOnlyList<LineModifier> Choose(IReadOnlyList<ModifierGroup> offered, IReadOnlyList<Guid> chosenOptionIds)
    {
        if (chosenOptionIds.Distinct().Count() != chosenOptionIds.Count)
            throw DomainException.Invalid(MenuErrors.OptionRepeated, "An option was chosen twice; choose each option once.");
        var byId = offered.SelectMany(g => g.Options.Select(o => (Group: g, Option: o))).ToDictionary(x => x.Option.Id);
        var unknown = chosenOptionIds.FirstOrDefault(id => !byId.ContainsKey(id));
        if (unknown != Guid.Empty)
            throw DomainException.Invalid(MenuErrors.OptionNotOffered, $"Option {unknown} is not offered for this product; choose from its modifier groups.");
        var chosen = new List<LineModifier>();
        foreach (var group in offered)
        {
            var picked = group.Options.Where(o => chosenOptionIds.Contains(o.Id)).ToList();
            if (picked.Count < group.MinChoices && group.MinChoices == 1)
                throw DomainException.Invalid(MenuErrors.ChoiceRequired, $"Choose {group.Name}: it is required.");
            if (picked.Count < group.MinChoices)
                throw DomainException.Invalid(MenuErrors.ChoiceRequired, $"Choose at least {group.MinChoices} of {group.Name}.");
            if (picked.Count > group.MaxChoices)
                throw DomainException.Invalid(MenuErrors.TooManyChoices, $"Choose at most {group.MaxChoices} of {group.Name}; {picked.Count} were chosen.");
            chosen.AddRange(picked.Select(o => new LineModifier(group.Id, group.Name, o.Id, o.Name, o.PriceDelta, o.ProductId,
                o.IngredientId, o.ReplacesIngredientId, o.IngredientQuantity)));
        }
        return chosen;
    }
}

/// <summary>What an option does to the recipe of the item it is chosen for, so ingredient stock stays right.</summary>
public enum RecipeChange
{
    /// <summary>Nothing ("no onion" is left for the cook; the recipe stays as it is).</summary>
    None,

    /// <summary>Uses an ingredient besides the recipe's (an extra shot: 9 g more coffee).</summary>
    Add,

    /// <summary>Uses one ingredient instead of another of the recipe (oat milk instead of milk).</summary>
    Replace,
}

/// <summary>
/// One choice of a <see cref="ModifierGroup"/>: its name, what it adds to the price (0 for "uden løg", negative for a
/// smaller size), and optionally a component product (a combo's bread) or a change of the recipe.
/// </summary>
public sealed class ModifierOption
{
    public const int MaxNameLength = 40;

    private ModifierOption() { Name = ""; }

    /// <param name="productId">A combo component: choosing it sells (and takes from stock) this product inside the set price.</param>
    /// <param name="ingredientId">The ingredient added or put in place of <paramref name="replacesIngredientId"/>.</param>
    /// <param name="ingredientQuantity">How much of the ingredient per item sold, in its stock unit; for a replacement, left
    /// out means the same quantity as the recipe's ingredient it replaces.</param>
    public ModifierOption(Guid id, string name, decimal priceDelta, Guid? productId = null, Guid? ingredientId = null,
        Guid? replacesIngredientId = null, decimal? ingredientQuantity = null)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(MenuErrors.OptionId, "An option's id must not be empty.");
        Id = id;
        Name = Text.Required(name, MaxNameLength, "menu.option-name", "An option's name");
        if (Math.Abs(priceDelta) > Catalog.Product.MaxPrice || Money.Money.RoundToMinor(priceDelta) != priceDelta)
            throw DomainException.Invalid(MenuErrors.OptionPrice,
                $"An option's price change must be whole øre within ±{Catalog.Product.MaxPrice.ToString("N0", CultureInfo.InvariantCulture)}; got {priceDelta.ToString(CultureInfo.InvariantCulture)}.");
        PriceDelta = priceDelta;
        ProductId = productId;
        if (replacesIngredientId is not null && ingredientId is null)
            throw DomainException.Invalid(MenuErrors.OptionRecipe, "An option that replaces an ingredient names the ingredient used instead (ingredientId).");
        if (ingredientQuantity is { } quantity && (quantity <= 0m || quantity > 100_000m))
            throw DomainException.Invalid(MenuErrors.OptionRecipe, "An option's ingredient quantity is above 0 and at most 100000 (in the ingredient's stock unit).");
        if (ingredientId is not null && replacesIngredientId is null && ingredientQuantity is null)
            throw DomainException.Invalid(MenuErrors.OptionRecipe, "An option that adds an ingredient says how much (ingredientQuantity, in its stock unit).");
        IngredientId = ingredientId;
        ReplacesIngredientId = replacesIngredientId;
        IngredientQuantity = ingredientQuantity;
    }

    public Guid Id { get; private set; }
    public Guid GroupId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; }
    public decimal PriceDelta { get; private set; }
    public Guid? ProductId { get; private set; }
    public Guid? IngredientId { get; private set; }
    public Guid? ReplacesIngredientId { get; private set; }
    public decimal? IngredientQuantity { get; private set; }

    public RecipeChange RecipeChange => IngredientId is null ? RecipeChange.None
        : ReplacesIngredientId is null ? RecipeChange.Add : RecipeChange.Replace;

    internal ModifierOption In(Guid groupId, int position)
    {
        GroupId = groupId;
        Position = position;
        return this;
    }
}

/// <summary>A product offers a store's modifier group (many products share "Mælk"), in this order in the dialog.</summary>
public sealed class ProductModifierGroup
{
    private ProductModifierGroup() { }

    public ProductModifierGroup(Guid productId, Guid groupId, int position)
    {
        ProductId = productId;
        GroupId = groupId;
        Position = position;
    }

    public Guid ProductId { get; private set; }
    public Guid GroupId { get; private set; }
    public int Position { get; private set; }
}
