using Kasse.Application.Hosting;
using Kasse.Data;
using Kasse.Data.Postgres;
using Kasse.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasse.Server.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where Kasse keeps its data. Defaults to a SQLite file in the user's data folder; PostgreSQL by setting
/// <c>Kasse:Database:Provider=Postgres</c> and a connection string (or <c>--database postgres --connection …</c>).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Kasse:Database:Provider";
    public const string ConnectionKey = "Kasse:Database:ConnectionString";
    public const string DataDirectoryKey = "Kasse:DataDirectory";

    /// <summary>From validated options (<see cref="KasseOptions"/>): a missing connection string means the SQLite file in the data folder.</summary>
    public static DatabaseSettings From(DatabaseOptions database, NodeOptions node)
    {
        var provider = ParseProvider(database.Provider)
            ?? throw new InvalidOperationException($"{ProviderKey} must be sqlite or postgres, not '{database.Provider}'.");
        var connection = database.ConnectionString;
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException($"PostgreSQL needs a connection string: set {ConnectionKey} (e.g. Host=localhost;Database=kasse;Username=kasse;Password=…).");
            var directory = DataDirectory(node);
            Directory.CreateDirectory(directory);
            connection = $"Data Source={Path.Combine(directory, "kasse.db")}";
        }
        return new DatabaseSettings(provider, connection);
    }

    /// <summary>sqlite (also when not set) or postgres/postgresql; null for anything else.</summary>
    public static DatabaseProvider? ParseProvider(string? text) =>
        string.IsNullOrWhiteSpace(text) ? DatabaseProvider.Sqlite
        : text.Trim().Equals("postgresql", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres
        : Enum.TryParse<DatabaseProvider>(text.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
        : null;

    public static string DataDirectory(NodeOptions node) =>
        node.DataDirectory is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "kasse");

    public void Configure(DbContextOptionsBuilder options)
    {
        _ = Provider switch
        {
            DatabaseProvider.Sqlite => options.UseKasseSqlite(ConnectionString),
            DatabaseProvider.Postgres => options.UseKassePostgres(ConnectionString),
        };
    }

    /// <summary>What to tell a person about where data lives, without the password.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => "SQLite " + ConnectionString.Replace("Data Source=", "", StringComparison.OrdinalIgnoreCase),
        DatabaseProvider.Postgres => "PostgreSQL " + string.Join(';', ConnectionString.Split(';')
            .Where(part => !part.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase))),
    };
}

public static class DatabaseSetup
{
    public static IServiceCollection AddKasseDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddDbContext<KasseDbContext>(settings.Configure);
        services.TryAddSingleton(settings);
        // Backups of this database (kasse backup / restore, the schedule, the copy before a migration).
        services.TryAddSingleton<Operations.DatabaseBackups>();
        // The provider's own adapters: how to add many rows at once, and how to look products up by a fragment of text.
        _ = settings.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddKasseSqliteAdapters(),
            DatabaseProvider.Postgres => services.AddKassePostgresAdapters(),
        };
        return services;
    }

    /// <summary>
    /// Brings the schema up to date. Refuses, touching nothing, a database that a newer Kasse has migrated (a migration
    /// this build does not have); backs up a database that already has a schema before it migrates it (docs/operations.md).
    /// </summary>
    /// <param name="backUpFirst">False only where the data was just restored from a backup.</param>
    /// <returns>The backup made before migrating, if one was.</returns>
    public static async Task<string?> MigrateAsync(IServiceProvider services, CancellationToken ct, bool backUpFirst = true)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if (applied.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
            throw new SchemaNewerThanKasseException(unknown, known.Max(StringComparer.Ordinal) ?? "none");
        // EF's Migrate also compares the model with the migrations' snapshot, building the full design-time model to do so:
        // a second or more of every start. An up-to-date database needs none of it; a new one (every test's) still gets the check.
        var pending = known.Where(id => !applied.Contains(id)).ToList();
        if (pending.Count == 0)
            return null;
        string? backedUp = null;
        if (backUpFirst && applied.Count > 0 && services.GetService<Operations.DatabaseBackups>() is { } backups)
        {
            var backup = await backups.BackupAsync("before-migration", null, ct);
            services.GetService<ILoggerFactory>()?.CreateLogger(typeof(DatabaseSetup)).LogInformation(
                "Backed the database up to {Backup} before migrating it", backup.Path);
            backedUp = backup.Path;
        }
        await db.Database.MigrateAsync(ct);
        // The migration widened the columns; the secrets saved in clear before it are encrypted here, with the key ring.
        if (pending.Any(m => m.EndsWith("_" + SecretsAtRestMigration, StringComparison.Ordinal)))
            await ProtectSecretsAsync(services, ct);
        return backedUp;
    }

    /// <summary>
    /// Encrypts the secrets still kept in clear (<see cref="SecretsAtRest"/>), then rewrites their tables, so the
    /// clear values do not linger in the database's free pages (SQLite) or dead rows (PostgreSQL).
    /// </summary>
    public static async Task<int> ProtectSecretsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var count = await scope.ServiceProvider.GetRequiredService<SecretsAtRest>().ProtectClearValuesAsync(ct);
        if (count == 0)
            return 0;
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }
        else
            await db.Database.ExecuteSqlRawAsync("VACUUM FULL \"WebhookSubscriptions\", \"AccountingConnectors\", \"SigningKeys\"", ct);
        return count;
    }

    /// <summary>The migration after which webhook secrets, accounting tokens and signing keys are kept encrypted.</summary>
    public const string SecretsAtRestMigration = "SecretsAtRest";
}

/// <summary>The database has a migration this build of Kasse does not know: a newer Kasse made it. Nothing was touched.</summary>
public sealed class SchemaNewerThanKasseException(IReadOnlyList<string> unknown, string newestKnown) : Exception(
    $"The database's schema is newer than this Kasse: it has the migration(s) {string.Join(", ", unknown)}, which this build does not know "
    + $"(its newest is {newestKnown}). A newer Kasse has used this database; run that version (or a later one), or restore a backup made by "
    + "this version. The database was not changed.")
{
    public const int ExitCode = 3;
}
