namespace Kasse.Data;

/// <summary>
/// A provider's fastest way to add many new rows (PostgreSQL: binary COPY), inside the open transaction and exactly
/// as SaveChanges would write them. Without one, the importer uses batched INSERTs.
/// </summary>
public interface IBulkCopy
{
    Task CopyAsync<T>(KasseDbContext db, IEnumerable<T> entities, CancellationToken ct) where T : class;
}
