using Kasse.Server.Hosting;
using Kasse.Server.Operations;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Reliability;

namespace Kasse.Server.Tests.Operations;

/// <summary>
/// A migration guards the data: it refuses a database a newer Kasse has migrated (exit 3, nothing touched, and the
/// server does not start on it), and it backs up a database that has data before it changes its schema.
/// </summary>
public sealed class MigrationGuardTests : IDisposable
{
    private const string FutureMigration = "29991231235959_FromANewerKasse";
    private readonly string _data = Directory.CreateTempSubdirectory("kasse-migrate-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    private string[] Database(TestDatabase database) =>
        ["--database", database.Provider.ToString(), "--connection", database.ConnectionString, "--data", _data];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_database_with_a_migration_this_Kasse_does_not_know_is_refused_and_left_untouched(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await KasseProcess.RunAsync(["seed", "demo", .. Database(database)]);
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        await ExecuteAsync(database, $"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('{FutureMigration}', '99.0.0')""");
        var before = await DatabaseInspector.TableHashesAsync(database);

        var migrate = await KasseProcess.RunAsync(["db", "migrate", .. Database(database)]);
        var serve = await KasseProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:0", .. Database(database)]);

        Assert.Equal(SchemaNewerThanKasseException.ExitCode, migrate.ExitCode);
        Assert.Contains("newer than this Kasse", migrate.Error);
        Assert.Contains(FutureMigration, migrate.Error);
        Assert.Contains("not changed", migrate.Error);
        Assert.Equal(SchemaNewerThanKasseException.ExitCode, serve.ExitCode);
        Assert.Contains(FutureMigration, serve.Error);
        Assert.Empty(DatabaseInspector.Changed(before, await DatabaseInspector.TableHashesAsync(database)));
        Assert.False(Directory.Exists(Path.Combine(_data, "backups")), "A refused migration made a backup, so it did something.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_pending_migration_on_a_database_with_data_is_preceded_by_a_backup_of_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await KasseProcess.RunAsync(["seed", "demo", .. Database(database)]);
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        // The database as an older Kasse left it: without the SummaryTips migration (its Down, and its row in the history).
        await ExecuteAsync(database, """ALTER TABLE "SalesSummaries" DROP COLUMN "Tips" """);
        await ExecuteAsync(database, """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_SummaryTips'""");

        var migrate = await KasseProcess.RunAsync(["db", "migrate", .. Database(database)]);

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("Backed the database up to", migrate.Output);
        var backup = Assert.Single(DatabaseBackups.List(Path.Combine(_data, "backups")));
        Assert.Equal("before-migration", backup.Manifest.Reason);
        Assert.DoesNotContain("SummaryTips", backup.Manifest.Schema);
        Assert.Contains(backup.Manifest.Schema, Path.GetFileName(backup.Path));
        await using var connection = await DatabaseInspector.OpenAsync(database);
        var history = await DatabaseInspector.QueryAsync(connection, """SELECT "MigrationId" FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_SummaryTips'""");
        Assert.Single(history);
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = await DatabaseInspector.OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
