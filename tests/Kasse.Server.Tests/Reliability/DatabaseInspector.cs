using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kasse.Server.Tests.Reliability;

/// <summary>Reads a Kasse database directly, behind Kasse's back, to check what a crash or a hostile request left there.</summary>
public static class DatabaseInspector
{
    public static Task<DbConnection> OpenAsync(TestDatabase database) => OpenAsync(database.Provider, database.ConnectionString);

    public static async Task<DbConnection> OpenAsync(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(connectionString + ";Pooling=False")
            : new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<List<object?[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = await reader.IsDBNullAsync(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static async Task<List<string>> TablesAsync(DbConnection connection, DatabaseProvider provider) =>
        [.. (await QueryAsync(connection, provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"))
            .Select(r => (string)r[0]!)];

    /// <summary>A hash per table over all its rows (sorted as text): compare two of them to see which tables changed.</summary>
    public static async Task<Dictionary<string, string>> TableHashesAsync(TestDatabase database)
    {
        await using var connection = await OpenAsync(database);
        return await TableHashesAsync(connection, database.Provider);
    }

    /// <summary>As above, on an open connection; PostgreSQL hashes on the server, in one round trip.</summary>
    public static async Task<Dictionary<string, string>> TableHashesAsync(DbConnection connection, DatabaseProvider provider)
    {
        var tables = await TablesAsync(connection, provider);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (provider == DatabaseProvider.Postgres)
        {
            var sql = string.Join(" UNION ALL ", tables.Select(t =>
                $"SELECT '{t}', md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) FROM \"{t}\" x"));
            foreach (var row in await QueryAsync(connection, sql))
                hashes[(string)row[0]!] = (string)row[1]!;
            return hashes;
        }
        foreach (var table in tables)
        {
            var rows = (await QueryAsync(connection, $"SELECT * FROM \"{table}\""))
                .Select(r => string.Join('\u001f', r.Select(Text))).Order(StringComparer.Ordinal);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var row in rows)
                sha.AppendData(Encoding.UTF8.GetBytes(row + "\n"));
            hashes[table] = Convert.ToHexString(sha.GetHashAndReset());
        }
        return hashes;
    }

    /// <summary>The tables whose content differs between two <see cref="TableHashesAsync"/>.</summary>
    public static List<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal)];

    private static string Text(object? value) => value switch
    {
        null => "∅",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
