using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kasse.Data.Postgres;

/// <summary>
/// New rows through <c>COPY … FROM STDIN (FORMAT BINARY)</c>: one stream per table instead of a statement per row,
/// with each value converted by EF's own mapping (money to øre, enums to text) so rows are what SaveChanges writes.
/// </summary>
public sealed class PostgresBulkCopy : IBulkCopy
{
    public async Task CopyAsync<T>(KasseDbContext db, IEnumerable<T> entities, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Name: p.GetColumnName(table)!))
            .ToArray();
        if (columns.Any(c => c.Property.IsShadowProperty()))
            throw new InvalidOperationException($"{typeof(T).Name} has shadow properties; bulk copy can't read them.");
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Bulk copies run inside the import's transaction.");

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY {Quote(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => Quote(c.Name, null)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in entities)
        {
            await importer.StartRowAsync(ct);
            foreach (var (property, mapping, _) in columns)
            {
                var value = property.GetGetter().GetClrValue(row);
                if (value is not null && mapping.Converter is { } converter)
                    value = converter.ConvertToProvider(value);
                if (value is null)
                    await importer.WriteNullAsync(ct);
                else
                    await importer.WriteAsync(value, mapping.StoreTypeNameBase, ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static string Quote(string name, string? schema) =>
        (schema is null ? "" : "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\".")
        + "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
