namespace Kasse.Data.Postgres;

/// <summary>
/// PostgreSQL's name-search index is an ordinary pg_trgm GIN index (migration SearchIndexes), which serves LIKE '%…%'
/// itself and is kept by PostgreSQL: nothing to defer during an import.
/// </summary>
public sealed class PostgresProductSearchIndex : IProductSearchIndex
{
    public Task<List<ProductMatch>> ContainingAsync(KasseDbContext db, string folded, Guid? categoryId, bool includeInactive, int limit, CancellationToken ct) =>
        ProductLikeSearch.ContainingAsync(db, folded, categoryId, includeInactive, limit, ct);

    public Task<long?> DeferAsync(KasseDbContext db, CancellationToken ct) => Task.FromResult<long?>(null);

    public Task CatchUpAsync(KasseDbContext db, long? from, CancellationToken ct) => Task.CompletedTask;
}
