namespace Kasse.Data;

/// <summary>
/// A provider's fastest way to add many new rows (PostgreSQL: binary COPY; SQLite: one compiled INSERT run per row),
/// inside the open transaction and exactly as SaveChanges would write them.
/// </summary>
public interface IBulkCopy
{
    Task CopyAsync<T>(KasseDbContext db, IEnumerable<T> entities, CancellationToken ct) where T : class;
}
