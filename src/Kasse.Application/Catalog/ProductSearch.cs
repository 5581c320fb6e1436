using Kasse.Data;
using Kasse.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Catalog;

/// <summary>
/// Finds active products by a fragment of their name or SKU, or by a barcode, through indexes so it stays fast with a
/// million products: text matches anywhere in the name or SKU, through the provider's <see cref="IProductSearchIndex"/>.
/// Matching is on <see cref="Product.SearchText"/>, already folded to lower case, so "RØD" finds "Rødgrød".
/// </summary>
/// <remarks>
/// A search takes at most <see cref="CatalogService.MaxCount"/> matches, as the index yields them, and pages through those
/// in name order (ordinal): sorting a hundred thousand matches by name for one screen costs more than the 20 ms a cashier can wait,
/// and a search that broad says "1000+" so the cashier types on. A narrower search pages through all its matches.
/// </remarks>
internal sealed class ProductSearch(KasseDbContext db, IProductSearchIndex index)
{
    private const int Limit = CatalogService.MaxCount;

    public async Task<ProductPage> SearchAsync(string? query, Guid? categoryId, bool includeInactive, int skip, int take, CancellationToken ct)
    {
        // Control characters are never part of a name, SKU or barcode (and PostgreSQL refuses a NUL in text): searched without them.
        var q = new string((query ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        var folded = Product.Fold(q);
        var active = db.Products.AsNoTracking().Where(p => includeInactive || p.IsActive);
        if (categoryId is not null)
            active = active.Where(p => p.CategoryId == categoryId);

        List<Guid> ids;
        int counted;
        if (q.Length == 0)
        {
            counted = await active.Take(Limit + 1).CountAsync(ct);
            ids = await active.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(skip).Take(take).Select(p => p.Id).ToListAsync(ct);
        }
        else
        {
            var candidates = await index.ContainingAsync(db, folded, categoryId, includeInactive, Limit + 1, ct);
            // A barcode as typed: at most one product owns it (unique index on Code).
            var owner = await db.ProductBarcodes.AsNoTracking().Where(b => b.Code == q).Select(b => (Guid?)b.ProductId).FirstOrDefaultAsync(ct);
            if (owner is not null && candidates.All(c => c.Id != owner))
                candidates.InsertRange(0, await active.Where(p => p.Id == owner).Select(p => new ProductMatch { Id = p.Id, Name = p.Name }).ToListAsync(ct));
            counted = candidates.Count;
            ids = candidates.Take(Limit)
                .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id)
                .Skip(skip).Take(take).Select(c => c.Id).ToList();
        }

        var found = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var items = ids.Where(found.ContainsKey).Select(id => ProductView.From(found[id])).ToList();
        return new ProductPage(items, Math.Min(counted, Limit), skip, take, counted > Limit);
    }
}
