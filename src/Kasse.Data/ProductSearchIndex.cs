using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

/// <summary>
/// SQLite's name-search index (FTS5 table <c>ProductSearch</c>, migration SearchIndexes) is kept by triggers; a bulk import
/// defers the insert trigger inside its own transaction and indexes its new products in one statement at the end,
/// which is several times quicker than row by row. On PostgreSQL the indexes are ordinary ones and nothing is deferred.
/// </summary>
public static class ProductSearchIndex
{
    /// <summary>Stops indexing new products one by one until <see cref="CatchUpAsync"/>; returns where to catch up from.</summary>
    public static async Task<long?> DeferAsync(KasseDbContext db, CancellationToken ct)
    {
        if (!WriteTransaction.IsSqlite(db))
            return null;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Deferring the search index needs the importer's transaction, so nobody else sees it deferred.");
        var from = await db.Database.SqlQuery<long>($"""SELECT coalesce(max(rowid), 0) AS "Value" FROM "Products" """).SingleAsync(ct);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "ProductSearchDeferred" ("FromRowid") VALUES ({from})""", ct);
        return from;
    }

    /// <summary>Indexes the products inserted since <see cref="DeferAsync"/> and turns row-by-row indexing back on.</summary>
    public static async Task CatchUpAsync(KasseDbContext db, long? from, CancellationToken ct)
    {
        if (from is null)
            return;
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ProductSearch"(rowid, "SearchText") SELECT rowid, "SearchText" FROM "Products" WHERE rowid > {from}""", ct);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "ProductSearchDeferred" """, ct);
    }
}
