using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Menu;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Menu;

/// <param name="ProductId">A combo component: the product this option sells inside the combo's set price.</param>
/// <param name="IngredientId">The ingredient the option adds (with <paramref name="IngredientQuantity"/>) or puts in place of
/// <paramref name="ReplacesIngredientId"/>.</param>
/// <param name="IngredientQuantity">Per item sold, in the ingredient's stock unit (kg, l or pieces); for a replacement, left
/// out means as much as the recipe used of the ingredient it replaces.</param>
public sealed record ModifierOptionView(Guid Id, string Name, decimal PriceDelta, Guid? ProductId = null, Guid? IngredientId = null,
    Guid? ReplacesIngredientId = null, decimal? IngredientQuantity = null)
{
    public static ModifierOptionView From(ModifierOption o) =>
        new(o.Id, o.Name, o.PriceDelta, o.ProductId, o.IngredientId, o.ReplacesIngredientId, o.IngredientQuantity);
}

/// <param name="MinChoices">At least this many options are chosen; above 0 the group is required.</param>
public sealed record ModifierGroupView(Guid Id, Guid StoreId, string Name, int MinChoices, int MaxChoices, bool IsRequired,
    IReadOnlyList<ModifierOptionView> Options)
{
    public static ModifierGroupView From(ModifierGroup g) => new(g.Id, g.StoreId, g.Name, g.MinChoices, g.MaxChoices, g.IsRequired,
        g.Options.OrderBy(o => o.Position).Select(ModifierOptionView.From).ToList());
}

/// <param name="Id">Keep an existing option's id when changing it (sales name options by id); left out, a new one is made.</param>
public sealed record SaveModifierOption(string Name, decimal PriceDelta = 0m, Guid? Id = null, Guid? ProductId = null, Guid? IngredientId = null,
    Guid? ReplacesIngredientId = null, decimal? IngredientQuantity = null);

/// <param name="MinChoices">0 for an optional group, 1 or more for a required one.</param>
public sealed record SaveModifierGroup(string Name, int MinChoices, int MaxChoices, IReadOnlyList<SaveModifierOption> Options);

/// <summary>A product's menu settings: its allergens, whether it is a combo, and the store's modifier groups it offers.</summary>
public sealed record ProductMenuView(Guid ProductId, IReadOnlyList<Allergens> Allergens, bool IsCombo, IReadOnlyList<ModifierGroupView> Groups);

/// <param name="GroupIds">The store's modifier groups the product offers, in the order the till asks them.</param>
public sealed record SaveProductMenu(IReadOnlyList<Allergens>? Allergens = null, bool IsCombo = false, IReadOnlyList<Guid>? GroupIds = null);

/// <summary>
/// The menu of a café or restaurant: a store's modifier groups (size, milk, extras, a combo's choices) and, per product, its
/// allergens, whether it is a combo, and the groups it offers. Reading it is for everyone who sells; changing it needs
/// EditProducts and is audited. When a line is added to a sale, <see cref="ChoiceAsync"/> checks what was chosen.
/// </summary>
public sealed class MenuService(KasseDbContext db, AuditTrail audit, CurrentActor actor, TimeProvider clock, MenuProductsCache menuProducts,
    RecipeAllergensCache recipeAllergens)
{
    public async Task<IReadOnlyList<ModifierGroupView>> GroupsAsync(Guid storeId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Browse);
        actor.Value.EnsureMayActIn(storeId);
        await StoreService.FindStoreAsync(db, storeId, ct);
        var groups = await db.ModifierGroups.AsNoTracking().Where(g => g.StoreId == storeId && g.DeletedAt == null).ToListAsync(ct);
        return groups.OrderBy(g => g.Name, StringComparer.CurrentCulture).Select(ModifierGroupView.From).ToList();
    }

    public async Task<ModifierGroupView> AddGroupAsync(Guid storeId, SaveModifierGroup command, CancellationToken ct)
    {
        Manage(storeId);
        await StoreService.FindStoreAsync(db, storeId, ct);
        var group = new ModifierGroup(Guid.CreateVersion7(), storeId, command.Name, command.MinChoices, command.MaxChoices);
        group.ReplaceOptions(await OptionsAsync(command.Options, [], ct));
        await EnsureNameFreeAsync(storeId, group.Name, null, ct);
        db.ModifierGroups.Add(group);
        audit.Record(AuditAction.SettingChanged, AuditTexts.ModifierGroupAdded(group.Name), subject: "modifier-group:" + group.Id, storeId: storeId,
            after: ModifierGroupView.From(group));
        await db.SaveChangesAsync(ct);
        return ModifierGroupView.From(group);
    }

    public async Task<ModifierGroupView> ChangeGroupAsync(Guid storeId, Guid groupId, SaveModifierGroup command, CancellationToken ct)
    {
        Manage(storeId);
        var group = await FindGroupAsync(storeId, groupId, ct);
        var before = ModifierGroupView.From(group);
        group.Change(command.Name, command.MinChoices, command.MaxChoices);
        var options = await OptionsAsync(command.Options, group.Options.Select(o => o.Id).ToHashSet(), ct);
        db.ModifierOptions.RemoveRange(group.Options);
        await db.SaveChangesAsync(ct);
        group.ReplaceOptions(options);
        db.ModifierOptions.AddRange(group.Options);
        await EnsureNameFreeAsync(storeId, group.Name, group.Id, ct);
        audit.Record(AuditAction.SettingChanged, AuditTexts.ModifierGroupChanged(group.Name), subject: "modifier-group:" + group.Id, storeId: storeId,
            before: before, after: ModifierGroupView.From(group));
        await db.SaveChangesAsync(ct);
        return ModifierGroupView.From(group);
    }

    /// <summary>Removed groups stay in the database (sales that used them keep their own copy of the choice); products stop offering them.</summary>
    public async Task DeleteGroupAsync(Guid storeId, Guid groupId, CancellationToken ct)
    {
        Manage(storeId);
        var group = await FindGroupAsync(storeId, groupId, ct);
        group.Delete(clock.Now());
        db.ProductModifierGroups.RemoveRange(await db.ProductModifierGroups.Where(l => l.GroupId == groupId).ToListAsync(ct));
        audit.Record(AuditAction.SettingChanged, AuditTexts.ModifierGroupRemoved(group.Name), subject: "modifier-group:" + group.Id, storeId: storeId,
            before: ModifierGroupView.From(group));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A product's allergens, combo flag and the groups of this store it offers (in order).</summary>
    public async Task<ProductMenuView> ProductMenuAsync(Guid storeId, Guid productId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Browse);
        actor.Value.EnsureMayActIn(storeId);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw ProductNotFound(productId);
        return new ProductMenuView(product.Id, AllergenNames.Split(product.Allergens), product.IsCombo,
            (await OfferedAsync(storeId, productId, ct)).Select(ModifierGroupView.From).ToList());
    }

    public async Task<ProductMenuView> SaveProductMenuAsync(Guid storeId, Guid productId, SaveProductMenu command, CancellationToken ct)
    {
        Manage(storeId);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw ProductNotFound(productId);
        var groupIds = command.GroupIds ?? [];
        if (groupIds.Distinct().Count() != groupIds.Count)
            throw DomainException.Invalid(MenuErrors.GroupRepeated, "A group is attached to a product once; remove the repeated id.");
        var groups = await db.ModifierGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id) && g.StoreId == storeId && g.DeletedAt == null).ToListAsync(ct);
        var missing = groupIds.FirstOrDefault(id => groups.All(g => g.Id != id));
        if (missing != Guid.Empty)
            throw DomainException.NotFound(MenuErrors.GroupNotFound, $"The store has no modifier group {missing}.");
        var before = new { product.Allergens, product.IsCombo };
        product.SetMenu((command.Allergens ?? []).Aggregate(Allergens.None, (all, a) => all | a), command.IsCombo);
        if (product.IsCombo && groups.SelectMany(g => g.Options).Any(o => o.ProductId is null))
            throw DomainException.Invalid(MenuErrors.ComboOptions, "A combo's groups offer component products: every option of its groups names a productId.");
        var storeGroups = await db.ModifierGroups.Where(g => g.StoreId == storeId).Select(g => g.Id).ToListAsync(ct);
        db.ProductModifierGroups.RemoveRange(await db.ProductModifierGroups.Where(l => l.ProductId == productId && storeGroups.Contains(l.GroupId)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.ProductModifierGroups.AddRange(groupIds.Select((id, i) => new ProductModifierGroup(productId, id, i)));
        audit.Record(AuditAction.SettingChanged, AuditTexts.ProductMenuChanged(product.Name), subject: "product:" + product.Id, storeId: storeId,
            before: before, after: new { product.Allergens, product.IsCombo, GroupIds = groupIds });
        await db.SaveChangesAsync(ct);
        return await ProductMenuAsync(storeId, productId, ct);
    }

    /// <summary>
    /// The allergens a line of the product would carry with these options chosen (those it does not offer are left out), so
    /// the till's modifier dialog shows what the line will say while the guest chooses.
    /// </summary>
    public async Task<IReadOnlyList<Allergens>> AllergensAsync(Guid storeId, Guid productId, IReadOnlyList<Guid> optionIds, CancellationToken ct)
    {
        actor.Value.Require(Permission.Browse);
        actor.Value.EnsureMayActIn(storeId);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw ProductNotFound(productId);
        var chosen = (await OfferedAsync(storeId, productId, ct))
            .SelectMany(g => g.Options.Where(o => optionIds.Contains(o.Id)).Select(o => new LineModifier(g.Id, g.Name, o.Id, o.Name, o.PriceDelta, o.ProductId,
                o.IngredientId, o.ReplacesIngredientId, o.IngredientQuantity)))
            .ToList();
        return AllergenNames.Split(await AllergensOfAsync(product, chosen, ct));
    }

    /// <summary>Whether tapping the product asks for its modifiers first (the till's modifier dialog).</summary>
    public async Task<bool> OffersModifiersAsync(Guid storeId, Guid productId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return await (from l in db.ProductModifierGroups
                      join g in db.ModifierGroups on l.GroupId equals g.Id
                      where l.ProductId == productId && g.StoreId == storeId && g.DeletedAt == null
                      select l).AnyAsync(ct);
    }

    /// <summary>The store's groups a product offers, in the order it offers them (none for most shop products).</summary>
    public async Task<IReadOnlyList<ModifierGroup>> OfferedAsync(Guid storeId, Guid productId, CancellationToken ct)
    {
        // A shop's scan must read nothing from the database: most products offer no groups, which memory knows.
        if (!(await menuProducts.GetAsync(db, ct)).Contains(productId))
            return [];
        var links = await db.ProductModifierGroups.AsNoTracking().Where(l => l.ProductId == productId).ToListAsync(ct);
        if (links.Count == 0)
            return [];
        var ids = links.Select(l => l.GroupId).ToList();
        var groups = await db.ModifierGroups.AsNoTracking().Where(g => ids.Contains(g.Id) && g.StoreId == storeId && g.DeletedAt == null).ToListAsync(ct);
        return groups.OrderBy(g => links.First(l => l.GroupId == g.Id).Position).ToList();
    }

    /// <summary>
    /// What a line of this product carries: the chosen options checked against its groups (required ones, min and max), the
    /// note, the allergens (<see cref="AllergensOfAsync"/>; a combo's include its chosen components'), and a combo's components with their VAT and list price.
    /// </summary>
    public async Task<MenuChoice> ChoiceAsync(Store store, Product product, IReadOnlyList<Guid>? optionIds, string? note, CancellationToken ct)
    {
        var offered = await OfferedAsync(store.Id, product.Id, ct);
        var modifiers = offered.Count == 0 && optionIds is not { Count: > 0 } ? [] : ModifierGroup.Choose(offered, optionIds ?? []);
        var allergens = await AllergensOfAsync(product, modifiers, ct);
        List<ComboPart>? parts = null;
        var componentIds = modifiers.Where(m => m.ProductId is not null).Select(m => m.ProductId!.Value).ToList();
        if (componentIds.Count > 0 && product.IsCombo)
        {
            var components = await db.Products.AsNoTracking().Where(p => componentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            parts = componentIds.Where(components.ContainsKey).Select(id => new ComboPart(store.VatRateFor(components[id].VatPercent), components[id].Price)).ToList();
        }
        return new MenuChoice(modifiers, note, allergens, parts);
    }

    /// <summary>
    /// A menu item's allergens: its own, its recipe's ingredients' (less those a chosen option puts another ingredient in
    /// place of: oat drink instead of milk), the ingredients the chosen options add or put in, and a combo's chosen components'.
    /// </summary>
    private async Task<Allergens> AllergensOfAsync(Product product, IReadOnlyList<LineModifier> modifiers, CancellationToken ct)
    {
        var allergens = product.Allergens;
        var replaced = modifiers.Where(m => m.ReplacesIngredientId is not null).Select(m => m.ReplacesIngredientId!.Value).ToHashSet();
        if ((await recipeAllergens.GetAsync(db, ct)).TryGetValue(product.Id, out var recipe))
            allergens = recipe.Where(i => !replaced.Contains(i.IngredientId)).Aggregate(allergens, (all, i) => all | i.Allergens);
        // What the options put in: their ingredients, and a combo's chosen components.
        var added = modifiers.SelectMany(m => new[] { m.IngredientId, m.ProductId }).OfType<Guid>().Distinct().ToList();
        if (added.Count > 0)
            allergens = (await db.Products.AsNoTracking().Where(p => added.Contains(p.Id)).Select(p => p.Allergens).ToListAsync(ct))
                .Aggregate(allergens, (all, a) => all | a);
        return allergens;
    }

    private async Task<List<ModifierOption>> OptionsAsync(IReadOnlyList<SaveModifierOption>? options, HashSet<Guid> own, CancellationToken ct)
    {
        options ??= [];
        var productIds = options.SelectMany(o => new[] { o.ProductId, o.IngredientId, o.ReplacesIngredientId }).OfType<Guid>().Distinct().ToList();
        var known = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var unknown = productIds.FirstOrDefault(id => !known.Contains(id));
        if (unknown != Guid.Empty)
            throw DomainException.NotFound(ProductErrors.NotFound, $"No product has id {unknown}; an option's product and ingredients are products in the catalogue.");
        var ids = options.Where(o => o.Id is not null).Select(o => o.Id!.Value).ToList();
        if (ids.Distinct().Count() != ids.Count)
            throw DomainException.Invalid(MenuErrors.OptionId, "Two options have the same id; leave the id out for a new option.");
        var taken = ids.Where(id => !own.Contains(id)).ToList();
        if (taken.Count > 0 && await db.ModifierOptions.AnyAsync(o => taken.Contains(o.Id), ct))
            throw DomainException.Conflict(MenuErrors.OptionId, "An option id belongs to another group; leave the id out for a new option.");
        return options.Select(o => new ModifierOption(o.Id ?? Guid.CreateVersion7(), o.Name, o.PriceDelta, o.ProductId, o.IngredientId,
            o.ReplacesIngredientId, o.IngredientQuantity)).ToList();
    }

    private void Manage(Guid storeId)
    {
        actor.Value.Require(Permission.EditProducts);
        actor.Value.EnsureMayActIn(storeId);
    }

    private async Task<ModifierGroup> FindGroupAsync(Guid storeId, Guid groupId, CancellationToken ct) =>
        await db.ModifierGroups.FirstOrDefaultAsync(g => g.Id == groupId && g.StoreId == storeId && g.DeletedAt == null, ct)
            ?? throw DomainException.NotFound(MenuErrors.GroupNotFound, $"The store has no modifier group {groupId}.");

    private async Task EnsureNameFreeAsync(Guid storeId, string name, Guid? self, CancellationToken ct)
    {
        var names = await db.ModifierGroups.AsNoTracking().Where(g => g.StoreId == storeId && g.DeletedAt == null && g.Id != self)
            .Select(g => g.Name).ToListAsync(ct);
        if (names.Any(n => string.Equals(n, name, StringComparison.CurrentCultureIgnoreCase)))
            throw DomainException.Conflict(MenuErrors.GroupNameTaken, $"The store already has a modifier group named {name}; choose another name.");
    }

    private static DomainException ProductNotFound(Guid id) => DomainException.NotFound(ProductErrors.NotFound, $"No product has id {id}.");
}

/// <summary>
/// The products that offer any modifier group, kept in memory so adding a line of any other product (every scan in a shop)
/// reads nothing about menus. Read again when a product, a group or a product's groups change, and after 10 s at the latest.
/// </summary>
public sealed class MenuProductsCache(TimeProvider clock)
{
    private readonly HotPathCache<int, IReadOnlySet<Guid>> _offering = new(CachedData.Products, clock);

    public Task<IReadOnlySet<Guid>> GetAsync(KasseDbContext db, CancellationToken ct) =>
        _offering.GetAsync(0, async () => (IReadOnlySet<Guid>)(await db.ProductModifierGroups.AsNoTracking()
            .Select(l => l.ProductId).Distinct().ToListAsync(ct)).ToHashSet());
}
