using Kasse.Data;
using Kasse.Domain.Menu;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Menu;

/// <summary>
/// For each product with a recipe, the recipe's ingredients that carry allergens, kept in memory so adding a line (every
/// scan) reads nothing about recipes. Read again when a product or a recipe changes (both raise
/// <see cref="CachedData.Products"/>), and after 10 s at the latest.
/// </summary>
public sealed class RecipeAllergensCache(TimeProvider clock)
{
    private readonly HotPathCache<int, IReadOnlyDictionary<Guid, IReadOnlyList<(Guid IngredientId, Allergens Allergens)>>> _recipes =
        new(CachedData.Products, clock);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<(Guid IngredientId, Allergens Allergens)>>> GetAsync(KasseDbContext db, CancellationToken ct) =>
        _recipes.GetAsync(0, async () =>
        {
            var rows = await (from c in db.RecipeComponents.AsNoTracking()
                              join p in db.Products.AsNoTracking() on c.IngredientId equals p.Id
                              where p.Allergens != Allergens.None
                              select new { c.RecipeProductId, c.IngredientId, p.Allergens }).ToListAsync(ct);
            return (IReadOnlyDictionary<Guid, IReadOnlyList<(Guid, Allergens)>>)rows.GroupBy(r => r.RecipeProductId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<(Guid, Allergens)>)g.Select(r => (r.IngredientId, r.Allergens)).ToList());
        });
}
