using Kasse.Data;
using Kasse.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Catalog;

/// <summary>
/// Finds active products by a fragment of their name or SKU, or by a barcode, in name order, through indexes
/// so it stays fast with a million products (migration SearchIndexes):
/// three or more characters match anywhere, through trigrams (SQLite FTS5 <c>ProductSearch</c> table, PostgreSQL
/// pg_trgm); one or two characters match the beginning of the name, through an ordinary index, since a trigram
/// index can't look up fewer than three. Matching is on <see cref="Product.SearchText"/>, already folded to lower
/// case, so "RØD" finds "Rødgrød".
/// </summary>
internal sealed class ProductSearch(KasseDbContext db)
{
    /// <summary>Trigram indexes need three characters.</summary>
    public const int ContainsFrom = 3;

    public async Task<ProductPage> SearchAsync(string? query, Guid? categoryId, int skip, int take, CancellationToken ct)
    {
        var q = query?.Trim() ?? "";
        var folded = Product.Fold(q);
        // A barcode as typed: at most one product owns it (unique index on Code).
        Guid? owner = q.Length == 0 ? null
            : await db.ProductBarcodes.AsNoTracking().Where(b => b.Code == q).Select(b => (Guid?)b.ProductId).FirstOrDefaultAsync(ct);

        List<Guid> ids;
        int counted;
        if (q.Length >= ContainsFrom && WriteTransaction.IsSqlite(db))
        {
            var phrase = FtsPhrase(folded);
            counted = await db.Database.SqlQuery<int>($"""
                SELECT count(*) AS "Value" FROM (
                  SELECT p."Id" FROM "ProductSearch" s JOIN "Products" p ON p.rowid = s.rowid
                  WHERE "ProductSearch" MATCH {phrase} AND p."IsActive" AND ({categoryId} IS NULL OR p."CategoryId" = {categoryId})
                  UNION
                  SELECT p."Id" FROM "Products" p
                  WHERE p."Id" = {owner} AND p."IsActive" AND ({categoryId} IS NULL OR p."CategoryId" = {categoryId})
                  LIMIT {CatalogService.MaxCount + 1})
                """).SingleAsync(ct);
            ids = await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM (
                  SELECT p."Id", p."Name" FROM "ProductSearch" s JOIN "Products" p ON p.rowid = s.rowid
                  WHERE "ProductSearch" MATCH {phrase} AND p."IsActive" AND ({categoryId} IS NULL OR p."CategoryId" = {categoryId})
                  UNION
                  SELECT p."Id", p."Name" FROM "Products" p
                  WHERE p."Id" = {owner} AND p."IsActive" AND ({categoryId} IS NULL OR p."CategoryId" = {categoryId}))
                ORDER BY "Name", "Id" LIMIT {take} OFFSET {skip}
                """).ToListAsync(ct);
        }
        else
        {
            var matching = Matching(q, folded, categoryId, owner);
            counted = await matching.Take(CatalogService.MaxCount + 1).CountAsync(ct);
            ids = await matching.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(skip).Take(take).Select(p => p.Id).ToListAsync(ct);
        }

        var found = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var items = ids.Where(found.ContainsKey).Select(id => ProductView.From(found[id])).ToList();
        return new ProductPage(items, Math.Min(counted, CatalogService.MaxCount), skip, take, counted > CatalogService.MaxCount);
    }

    /// <summary>The LINQ form: PostgreSQL (LIKE through pg_trgm and text_pattern_ops), and short or empty queries on SQLite.</summary>
    private IQueryable<Product> Matching(string q, string folded, Guid? categoryId, Guid? owner)
    {
        var products = db.Products.AsNoTracking().Where(p => p.IsActive);
        if (categoryId is not null)
            products = products.Where(p => p.CategoryId == categoryId);
        if (q.Length == 0)
            return products;
        if (folded.Length >= ContainsFrom)
        {
            var contains = "%" + EscapeLike(folded) + "%";
            return products.Where(p => EF.Functions.Like(p.SearchText, contains, LikeEscape) || p.Id == owner);
        }
        if (WriteTransaction.IsSqlite(db))
        {
            // A range on the SearchText index; SQLite's LIKE can't use an index with its default case-insensitive LIKE.
            var upTo = folded + char.ConvertFromUtf32(0x10FFFF);
            return products.Where(p => (string.Compare(p.SearchText, folded) >= 0 && string.Compare(p.SearchText, upTo) < 0) || p.Id == owner);
        }
        var prefix = EscapeLike(folded) + "%";
        return products.Where(p => EF.Functions.Like(p.SearchText, prefix, LikeEscape) || p.Id == owner);
    }

    private const string LikeEscape = "\\";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>An FTS5 string (phrase): with the trigram tokenizer it matches the text anywhere, quotes doubled.</summary>
    private static string FtsPhrase(string folded) => "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
