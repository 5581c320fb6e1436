using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Inventory;

/// <summary>Bills of materials: a caffè latte uses 18 g coffee and 200 ml milk from stock instead of itself.</summary>
public sealed class RecipeService(KasseDbContext db)
{
    public async Task<RecipeView> GetAsync(Guid productId, CancellationToken ct) =>
        await ViewAsync(await db.Recipes.AsNoTracking().FirstOrDefaultAsync(r => r.ProductId == productId, ct)
            ?? throw DomainException.NotFound(RecipeErrors.NotFound, $"Product {productId} has no recipe."), ct);

    public Task<RecipeView> SaveAsync(Guid productId, SaveRecipe command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        await StockService.FindProductAsync(db, productId, ct);
        var ingredientIds = command.Components.Select(c => c.ProductId).Distinct().ToList();
        var ingredients = await db.Products.AsNoTracking().Where(p => ingredientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var missing = ingredientIds.FirstOrDefault(id => !ingredients.ContainsKey(id));
        if (missing != Guid.Empty)
            throw DomainException.NotFound(ProductErrors.NotFound, $"No product has id {missing}; every ingredient must be a product in the catalogue.");
        if (await db.Recipes.AnyAsync(r => ingredientIds.Contains(r.ProductId), ct))
            throw DomainException.Invalid(RecipeErrors.Nested, "An ingredient has a recipe of its own; recipes use stocked ingredients, one level deep.");
        var recipe = await db.Recipes.FirstOrDefaultAsync(r => r.ProductId == productId, ct);
        if (recipe is not null)
        {
            db.RecipeComponents.RemoveRange(recipe.Components);
            db.Recipes.Remove(recipe);
            await db.SaveChangesAsync(ct);
        }
        recipe = new Recipe(productId);
        recipe.Replace(command.Yield, command.Components.Select(c => (c.ProductId, c.Quantity, RecipeUnits.Parse(c.Unit), c.WastePercent)));
        foreach (var component in recipe.Components)
        {
            var ingredient = ingredients[component.IngredientId];
            recipe.PerSoldUnit(component, ingredient.Unit, ingredient.Name); // refuses g for a product stocked in litres
        }
        db.Recipes.Add(recipe);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(recipe, ct);
    }, ct);

    public Task DeleteAsync(Guid productId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var recipe = await db.Recipes.FirstOrDefaultAsync(r => r.ProductId == productId, ct)
            ?? throw DomainException.NotFound(RecipeErrors.NotFound, $"Product {productId} has no recipe.");
        db.Recipes.Remove(recipe);
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);

    private async Task<RecipeView> ViewAsync(Recipe recipe, CancellationToken ct)
    {
        var ids = recipe.Components.Select(c => c.IngredientId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return new RecipeView(recipe.ProductId, recipe.Yield, recipe.Components.Select(c => new RecipeComponentView(c.IngredientId,
            products[c.IngredientId].Name, c.Quantity, c.Unit, c.WastePercent,
            Quantities.Round(recipe.PerSoldUnit(c, products[c.IngredientId].Unit, products[c.IngredientId].Name)))).ToList());
    }
}
