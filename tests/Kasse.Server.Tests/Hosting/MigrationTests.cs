using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kasse.Server.Tests.Hosting;

/// <summary>
/// A new installation's database is made by the migrations alone (one Initial plus the hand-written search index per
/// provider): after `kasse migrate` the product search's index and the triggers that keep it right exist, and the
/// schema is the model's (EF finds nothing left to migrate).
/// </summary>
public sealed class MigrationTests
{
    /// <summary>Every migration, in the order both providers apply them; a new one is added here on purpose.</summary>
    private static readonly string[] Applied = ["Initial", "SearchIndexes", "Restaurant", "Menu", "TillGrid", "Kitchen", "Tips", "SplitBill", "AuditTextKeys", "SummaryTips", "TableOrdering", "Kiosk", "SecretsAtRest"];

    [Fact]
    public async Task A_new_sqlite_database_gets_the_search_index_and_its_triggers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var migrated = await KasseProcess.RunAsync("db", "migrate", "--database", "sqlite", "--connection", database.ConnectionString);

        Assert.True(migrated.ExitCode == 0, migrated.Error);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var objects = await NamesAsync(connection, """SELECT type || ':' || name FROM sqlite_master""");
        Assert.Contains("table:ProductSearch", objects);
        Assert.Contains("table:ProductSearchDeferred", objects);
        Assert.Contains("trigger:Products_search_insert", objects);
        Assert.Contains("trigger:Products_search_update", objects);
        Assert.Contains("trigger:Products_search_delete", objects);
        Assert.Equal(Applied, Migrations(await NamesAsync(connection, """SELECT "MigrationId" FROM "__EFMigrationsHistory" """)));
    }

    [Fact]
    public async Task A_new_postgres_database_gets_the_trigram_index()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

        var migrated = await KasseProcess.RunAsync("db", "migrate", "--database", "postgres", "--connection", database.ConnectionString);

        Assert.True(migrated.ExitCode == 0, migrated.Error);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Contains("pg_trgm", await NamesAsync(connection, "SELECT extname FROM pg_extension"));
        var index = Assert.Single(await NamesAsync(connection, """SELECT indexdef FROM pg_indexes WHERE indexname = 'IX_Products_SearchText_trgm'"""));
        Assert.Contains("gin_trgm_ops", index);
        Assert.Equal(Applied, Migrations(await NamesAsync(connection, """SELECT "MigrationId" FROM "__EFMigrationsHistory" """)));
    }

    /// <summary>
    /// A start on an up-to-date database only reads which migrations it has (EF's own Migrate would build the whole
    /// design-time model to compare it with the migrations, a second of every start); that path must still say so.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrating_an_up_to_date_database_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] arguments = ["db", "migrate", "--database", provider.ToString().ToLowerInvariant(), "--connection", database.ConnectionString];
        var first = await KasseProcess.RunAsync(arguments);
        Assert.True(first.ExitCode == 0, first.Error);

        var again = await KasseProcess.RunAsync(arguments);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("Database is up to date", again.Output);
        System.Data.Common.DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await using (connection)
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            Assert.Equal(Applied, Migrations(await NamesAsync(connection, """SELECT "MigrationId" FROM "__EFMigrationsHistory" """)));
        }
    }

    /// <summary>Migration ids without their timestamps, in the order they ran.</summary>
    private static List<string> Migrations(List<string> ids) => ids.Order(StringComparer.Ordinal).Select(id => id[(id.IndexOf('_') + 1)..]).ToList();

    private static async Task<List<string>> NamesAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            names.Add(reader.GetString(0));
        return names;
    }
}
