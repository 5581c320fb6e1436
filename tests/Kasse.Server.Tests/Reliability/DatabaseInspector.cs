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

    /// <summary>A SHA-256 over every row of every table (rows sorted as text), and the row count per table for the message.</summary>
    public static async Task<(string Hash, string Counts)> ContentHashAsync(TestDatabase database, params string[] except)
    {
        await using var connection = await OpenAsync(database);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counts = new StringBuilder();
        foreach (var table in await TablesAsync(connection, database.Provider))
        {
            if (except.Contains(table, StringComparer.Ordinal))
                continue;
            var rows = (await QueryAsync(connection, $"SELECT * FROM \"{table}\""))
                .Select(r => string.Join('\u001f', r.Select(Text))).Order(StringComparer.Ordinal).ToList();
            sha.AppendData(Encoding.UTF8.GetBytes(table + "\n"));
            foreach (var row in rows)
                sha.AppendData(Encoding.UTF8.GetBytes(row + "\n"));
            counts.Append(CultureInfo.InvariantCulture, $"{table}={rows.Count} ");
        }
        return (Convert.ToHexString(sha.GetHashAndReset()), counts.ToString());
    }

    private static string Text(object? value) => value switch
    {
        null => "∅",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
