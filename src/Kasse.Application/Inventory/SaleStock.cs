using System.Globalization;
using Kasse.Application.Reporting;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Inventory;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Inventory;

/// <summary>
/// What leaves the shelf for a set of sold quantities: the product itself, or its recipe's ingredients; a menu item's
/// modifiers change that (an option adds an ingredient or puts one in place of another), and a combo's chosen components
/// leave the shelf instead of the combo.
/// </summary>
public sealed class StockUsage(KasseDbContext db, ProductShapesCache shapes)
{
    public Task<IReadOnlyDictionary<Guid, decimal>> OfAsync(IEnumerable<(Guid ProductId, decimal Quantity)> sold, CancellationToken ct) =>
        OfLinesAsync(sold.Select(s => (s.ProductId, s.Quantity, (IReadOnlyList<LineModifier>)[])), ct);

    public async Task<IReadOnlyDictionary<Guid, decimal>> OfLinesAsync(IEnumerable<(Guid ProductId, decimal Quantity, IReadOnlyList<LineModifier> Modifiers)> sold,
        CancellationToken ct)
    {
        var lines = sold.ToList();
        var ids = lines.Select(l => l.ProductId).Concat(lines.SelectMany(l => l.Modifiers).Select(m => m.ProductId).OfType<Guid>()).Distinct().ToList();
        // Most products have neither a recipe nor combo components: no query for those (the shapes are kept in memory).
        var (withRecipes, allCombos) = await shapes.GetAsync(db, ct);
        var recipeIds = ids.Where(withRecipes.Contains).ToList();
        var recipes = recipeIds.Count == 0 ? [] : await db.Recipes.AsNoTracking().Where(r => recipeIds.Contains(r.ProductId)).ToListAsync(ct);
        var combos = ids.Where(allCombos.Contains).ToHashSet();
        var ingredientIds = recipes.SelectMany(r => r.Components).Select(c => c.IngredientId).Distinct().ToList();
        var ingredients = ingredientIds.Count == 0 ? [] : await db.Products.AsNoTracking().Where(p => ingredientIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Unit, p.Name }).ToDictionaryAsync(p => p.Id, p => (p.Unit, p.Name), ct);
        var usage = new Dictionary<Guid, decimal>();
        void Use(Guid productId, decimal quantity) => usage[productId] = usage.GetValueOrDefault(productId) + quantity;

        // What one product's recipe uses per sold unit, or the product itself.
        Dictionary<Guid, decimal> PerUnit(Guid productId)
        {
            var recipe = recipes.FirstOrDefault(r => r.ProductId == productId);
            if (recipe is null)
                return new() { [productId] = 1m };
            return recipe.Components.GroupBy(c => c.IngredientId).ToDictionary(g => g.Key,
                g => g.Sum(c => recipe.PerSoldUnit(c, ingredients[c.IngredientId].Unit, ingredients[c.IngredientId].Name)));
        }

        foreach (var (productId, quantity, modifiers) in lines)
        {
            var own = combos.Contains(productId) ? [] : PerUnit(productId);
            foreach (var modifier in modifiers)
            {
                if (modifier.ProductId is { } component)
                    foreach (var (id, perUnit) in PerUnit(component))
                        own[id] = own.GetValueOrDefault(id) + perUnit;
                if (modifier.IngredientId is not { } ingredient)
                    continue;
                var replaced = 0m;
                if (modifier.ReplacesIngredientId is { } replacedId && own.Remove(replacedId, out var was))
                    replaced = was;
                own[ingredient] = own.GetValueOrDefault(ingredient) + (modifier.IngredientQuantity ?? replaced);
            }
            foreach (var (id, perUnit) in own)
                Use(id, quantity * perUnit);
        }
        return usage.Where(u => u.Value != 0m).ToDictionary(u => u.Key, u => Quantities.Round(u.Value));
    }
}

/// <summary>
/// Moves stock for every completed sale and return, in the completing transaction: out of the register's selling
/// location for a sale, back into it for a return. Training sales never touch stock.
/// </summary>
public sealed class SaleStockStep(KasseDbContext db, StockLedger ledger, LocationService locations, StockUsage usage, IProductFactsSource products)
    : ISaleCompletionStep
{
    /// <summary>A popular product's stock level is in many tills' sales at once.</summary>
    public SharedRows Shares => SharedRows.SomeTills;

    public async Task OnCompletedAsync(Sale sale, Store store, CancellationToken ct)
    {
        if (sale.IsTraining)
            return;
        var sold = sale.Lines.Where(l => l.ProductId is not null).Select(l => (l.ProductId!.Value, l.Quantity, l.Modifiers)).ToList();
        if (sold.Count == 0 || await db.StockMovements.AnyAsync(m => m.ReferenceId == sale.Id, ct))
            return;
        var location = await locations.SellingLocationAsync(store.Id, sale.RegisterId, ct);
        var used = await usage.OfLinesAsync(sold, ct);
        var ids = used.Keys.ToList();
        // The same read the day's summaries make next (one query for both, IProductFactsSource keeps it for the command).
        var facts = await products.ForAsync(ids, ct);
        var costs = facts.ToDictionary(f => f.Key, f => f.Value.UnitCost);
        var reason = sale.Kind == SaleKind.Return ? "Return" : null;
        await ledger.BookAsync(used.Select(u => new StockMove(location, u.Key, u.Value > 0m ? MovementKind.Sale : MovementKind.Return,
            -u.Value, reason, sale.Id, costs.GetValueOrDefault(u.Key))), ct);
    }
}

/// <summary>
/// Refuses a line that asks for more than is in stock of a product whose policy at the selling location is Block, when
/// the line is added or raised (never when it is lowered or removed, so a cashier can always get out). The completion
/// checks again, atomically, because another till may sell the last unit in between, and it also checks the
/// ingredients of recipes, which this quick check on the till's hot path leaves out.
/// </summary>
public sealed class SaleStockCheck(KasseDbContext db, LocationService locations, BlockedProductsCache blockedProducts) : IOpenSaleStep
{
    public async Task OnChangedAsync(Sale sale, Store store, IReadOnlyDictionary<Guid, decimal> quantitiesBefore, CancellationToken ct)
    {
        if (sale.IsTraining || sale.Kind == SaleKind.Return)
            return;
        var raised = sale.Lines.Where(l => l.ProductId is not null && Raised(l, quantitiesBefore)).Select(l => l.ProductId!.Value).ToHashSet();
        if (raised.Count == 0)
            return;
        // No query in the common case: nothing on the sale is blocked anywhere.
        raised.IntersectWith(await blockedProducts.GetAsync(db, ct));
        if (raised.Count == 0)
            return;
        var blocked = await (from l in db.StockLevels.AsNoTracking()
                             where raised.Contains(l.ProductId) && l.BelowZero == BelowZeroPolicy.Block
                             join p in db.Products on l.ProductId equals p.Id
                             select new { l.LocationId, l.ProductId, l.OnHand, p.Name }).ToListAsync(ct);
        if (blocked.Count == 0)
            return;
        var location = await locations.SellingLocationAsync(store.Id, sale.RegisterId, ct);
        foreach (var level in blocked.Where(b => b.LocationId == location))
        {
            var needed = sale.Lines.Where(l => l.ProductId == level.ProductId).Sum(l => l.Quantity);
            if (needed > level.OnHand)
                throw DomainException.Conflict(StockErrors.Insufficient, string.Create(CultureInfo.InvariantCulture,
                    $"Only {level.OnHand:0.###} of {level.Name} is in stock here, and it may not be sold below zero. Lower the quantity or sell something else."));
        }
    }

    private static bool Raised(SaleLine line, IReadOnlyDictionary<Guid, decimal> quantitiesBefore) =>
        !quantitiesBefore.TryGetValue(line.Id, out var before) || line.Quantity > before;
}

/// <summary>
/// The products that may not be sold below zero at some location, kept in memory so a scan on the till's write turn
/// needs no stock query unless one of them is on the sale. Read again when a stock policy changes.
/// </summary>
public sealed class BlockedProductsCache(TimeProvider clock)
{
    private readonly HotPathCache<int, IReadOnlySet<Guid>> _blocked = new(CachedData.StockPolicies, clock);

    public Task<IReadOnlySet<Guid>> GetAsync(KasseDbContext db, CancellationToken ct) =>
        _blocked.GetAsync(0, async () => (IReadOnlySet<Guid>)(await db.StockLevels.AsNoTracking()
            .Where(l => l.BelowZero == BelowZeroPolicy.Block).Select(l => l.ProductId).Distinct().ToListAsync(ct)).ToHashSet());
}

/// <summary>
/// Which products have a recipe and which are combos, kept in memory so a completion's stock usage reads recipes only for
/// the products that have one. Read again when a product or recipe changes (<see cref="CachedData.Products"/>).
/// </summary>
public sealed class ProductShapesCache(TimeProvider clock)
{
    private readonly HotPathCache<int, (IReadOnlySet<Guid> WithRecipes, IReadOnlySet<Guid> Combos)> _shapes = new(CachedData.Products, clock);

    public Task<(IReadOnlySet<Guid> WithRecipes, IReadOnlySet<Guid> Combos)> GetAsync(KasseDbContext db, CancellationToken ct) =>
        _shapes.GetAsync(0, async () =>
        {
            var withRecipes = (await db.Recipes.AsNoTracking().Select(r => r.ProductId).ToListAsync(ct)).ToHashSet();
            // Through the menu links (a few rows), not a scan of every product. A combo's components are its groups'
            // options; one marked a combo but offering no groups has no components, and its own product leaves the shelf.
            var combos = (await (from l in db.ProductModifierGroups.AsNoTracking()
                                 join p in db.Products.AsNoTracking() on l.ProductId equals p.Id
                                 where p.IsCombo
                                 select p.Id).Distinct().ToListAsync(ct)).ToHashSet();
            return ((IReadOnlySet<Guid>)withRecipes, (IReadOnlySet<Guid>)combos);
        });
}
