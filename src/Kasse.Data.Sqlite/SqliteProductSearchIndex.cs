using Microsoft.EntityFrameworkCore;

namespace Kasse.Data.Sqlite;

/// <summary>
/// SQLite's name-search index, the FTS5 trigram table <c>ProductSearch</c> (migration SearchIndexes), kept by triggers.
/// </summary>
public sealed class SqliteProductSearchIndex : IProductSearchIndex
{
    /// <summary>Trigram indexes need three characters.</summary>
    public const int ContainsFrom = 3;

    /// <summary>
    /// Three letters or more through the FTS5 index (GLOB, since the index is case-sensitive on folded text). One or two
    /// characters, which no trigram index can look up, LIKE scans until the limit (quick for common letters, slower for a
    /// rare pair in a big catalogue).
    /// </summary>
    public Task<List<ProductMatch>> ContainingAsync(KasseDbContext db, string folded, Guid? categoryId, bool includeInactive, int limit, CancellationToken ct)
    {
        if (folded.Length < ContainsFrom)
            return ProductLikeSearch.ContainingAsync(db, folded, categoryId, includeInactive, limit, ct);
        var pattern = "*" + EscapeGlob(folded) + "*";
        return db.Database.SqlQuery<ProductMatch>($"""
            SELECT p."Id", p."Name" FROM "ProductSearch" s JOIN "Products" p ON p.rowid = s.rowid
            WHERE s."SearchText" GLOB {pattern} AND (p."IsActive" OR {includeInactive}) AND ({categoryId} IS NULL OR p."CategoryId" = {categoryId})
            LIMIT {limit}
            """).ToListAsync(ct);
    }

    /// <summary>
    /// A bulk import defers the insert trigger inside its own transaction and indexes its new products in one statement at
    /// the end, which is several times quicker than row by row.
    /// </summary>
    public async Task<long?> DeferAsync(KasseDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Deferring the search index needs the importer's transaction, so nobody else sees it deferred.");
        var from = await db.Database.SqlQuery<long>($"""SELECT coalesce(max(rowid), 0) AS "Value" FROM "Products" """).SingleAsync(ct);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "ProductSearchDeferred" ("FromRowid") VALUES ({from})""", ct);
        return from;
    }

    public async Task CatchUpAsync(KasseDbContext db, long? from, CancellationToken ct)
    {
        if (from is null)
            return;
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ProductSearch"(rowid, "SearchText") SELECT rowid, "SearchText" FROM "Products" WHERE rowid > {from}""", ct);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "ProductSearchDeferred" """, ct);
    }

    /// <summary>GLOB's wildcards as literal characters: [*], [?] and [[].</summary>
    private static string EscapeGlob(string text) =>
        text.Replace("[", "[[]", StringComparison.Ordinal).Replace("*", "[*]", StringComparison.Ordinal).Replace("?", "[?]", StringComparison.Ordinal);
}
