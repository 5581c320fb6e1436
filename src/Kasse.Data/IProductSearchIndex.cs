using Kasse.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

/// <summary>
/// The provider's index over <see cref="Product.SearchText"/> (migration SearchIndexes): SQLite's FTS5 trigram table
/// <c>ProductSearch</c>, kept by triggers, or PostgreSQL's pg_trgm index. Both look up fragments of three characters or more.
/// </summary>
public interface IProductSearchIndex
{
    /// <summary>
    /// Up to <paramref name="limit"/> products (active ones unless <paramref name="includeInactive"/>, of the category if one
    /// is given) whose search text contains <paramref name="folded"/>, already folded with <see cref="Product.Fold"/>, in the
    /// order the index yields them.
    /// </summary>
    Task<List<ProductMatch>> ContainingAsync(KasseDbContext db, string folded, Guid? categoryId, bool includeInactive, int limit, CancellationToken ct);

    /// <summary>
    /// In a bulk import's transaction: stops indexing new products one by one until <see cref="CatchUpAsync"/>; returns where
    /// to catch up from, or null where nothing is deferred.
    /// </summary>
    Task<long?> DeferAsync(KasseDbContext db, CancellationToken ct);

    /// <summary>Indexes the products inserted since <see cref="DeferAsync"/> and turns row-by-row indexing back on.</summary>
    Task CatchUpAsync(KasseDbContext db, long? from, CancellationToken ct);
}

/// <summary>A product a search found, with what its results are sorted by.</summary>
public sealed class ProductMatch
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
}

/// <summary>Matching every provider can run: LIKE '%…%' on the folded search text, through whatever index serves it.</summary>
public static class ProductLikeSearch
{
    private const string LikeEscape = "\\";

    public static Task<List<ProductMatch>> ContainingAsync(KasseDbContext db, string folded, Guid? categoryId, bool includeInactive, int limit, CancellationToken ct)
    {
        var contains = "%" + EscapeLike(folded) + "%";
        var products = db.Products.AsNoTracking().Where(p => includeInactive || p.IsActive);
        if (categoryId is not null)
            products = products.Where(p => p.CategoryId == categoryId);
        return products.Where(p => EF.Functions.Like(p.SearchText, contains, LikeEscape))
            .Take(limit).Select(p => new ProductMatch { Id = p.Id, Name = p.Name }).ToListAsync(ct);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
