using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Catalog;

/// <summary>The till's first tab, "Favourites": the products a manager chose, in the order they arranged.</summary>
public sealed class FavouriteService(KasseDbContext db)
{
    /// <summary>A tab a cashier takes in at a glance; beyond this, search and the categories are quicker.</summary>
    public const int MaxCount = 60;

    /// <param name="activeOnly">The till shows only what can be sold; the back office also shows products taken off sale.</param>
    public async Task<IReadOnlyList<ProductView>> ListAsync(bool activeOnly, CancellationToken ct)
    {
        var products = await db.FavouriteProducts.AsNoTracking()
            .Join(db.Products, f => f.ProductId, p => p.Id, (f, p) => new { f.Position, Product = p })
            .Where(x => !activeOnly || x.Product.IsActive)
            .OrderBy(x => x.Position)
            .Select(x => x.Product)
            .ToListAsync(ct);
        return products.Select(ProductView.From).ToList();
    }

    /// <summary>Replaces the favourites with <paramref name="productIds"/>, in that order.</summary>
    public Task<IReadOnlyList<ProductView>> SetAsync(IReadOnlyList<Guid> productIds, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (productIds.Count > MaxCount)
            throw DomainException.Invalid(FavouriteErrors.TooMany, $"The favourites hold at most {MaxCount} products; {productIds.Count} were given.");
        if (productIds.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw DomainException.Invalid(FavouriteErrors.Duplicate, $"Product {twice.Key} is among the favourites twice; keep it once.");
        var known = await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (productIds.FirstOrDefault(id => !known.Contains(id)) is var unknown && unknown != Guid.Empty)
            throw DomainException.NotFound(FavouriteErrors.UnknownProduct, $"No product has id {unknown}.");
        await db.FavouriteProducts.ExecuteDeleteAsync(ct);
        for (var i = 0; i < productIds.Count; i++)
            db.FavouriteProducts.Add(new FavouriteProduct(productIds[i], i));
        await db.SaveChangesAsync(ct);
        return await ListAsync(activeOnly: false, ct);
    }, ct);
}
