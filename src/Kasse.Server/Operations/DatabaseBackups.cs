using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Kasse.Data;
using Kasse.Server.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kasse.Server.Operations;

/// <summary>A backup or restore that cannot be done; the message says why and what to do, and nothing was changed.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// What a manifest beside each backup file says: which file, its SHA-256, the database and schema it came from. A
/// restore checks the file against it before it touches the database.
/// </summary>
public sealed record BackupManifest(string File, string Sha256, long Bytes, DatabaseProvider Provider, string Schema, DateTimeOffset CreatedUtc,
    string Reason, string KasseVersion)
{
    public const string Suffix = ".manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BackupManifest? Read(string path) => JsonSerializer.Deserialize<BackupManifest>(System.IO.File.ReadAllText(path), Json);
}

/// <summary>One backup file with its manifest.</summary>
public sealed record BackupSet(string Path, BackupManifest Manifest);

/// <summary>
/// Backs up and restores the database Kasse is configured for. SQLite through SQLite's online backup API, which copies
/// a consistent snapshot while tills keep selling (WAL readers never block the writer); PostgreSQL through
/// <c>pg_dump</c> in its custom format, one transaction's snapshot, restored with <c>pg_restore</c> in one transaction.
/// Every file is named <c>kasse-{UTC time}-{schema}.{sqlite|pgdump}</c> and has a manifest with its SHA-256 beside it.
/// </summary>
public sealed class DatabaseBackups(DatabaseSettings database, IOptions<BackupOptions> options, IOptions<NodeOptions> node,
    IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string PostgresClientPackage = "postgresql-client";
    private const string NamePrefix = "kasse-";

    public string Folder => options.Value.Folder is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(DatabaseSettings.DataDirectory(node.Value), "backups");

    /// <summary>Makes a backup in <paramref name="folder"/> (default <see cref="Folder"/>) and writes its manifest last, so a set with a manifest is whole.</summary>
    public async Task<BackupSet> BackupAsync(string reason, string? folder, CancellationToken ct)
    {
        folder = Path.GetFullPath(folder ?? Folder);
        Directory.CreateDirectory(folder);
        var schema = await SchemaAsync(ct);
        var created = clock.GetUtcNow();
        var extension = database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "pgdump";
        var name = $"{NamePrefix}{created.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-{schema}.{extension}";
        var path = Path.Combine(folder, name);
        var partial = path + ".partial";
        try
        {
            if (database.Provider == DatabaseProvider.Sqlite)
                await BackupSqliteAsync(partial, ct);
            else
                await BackupPostgresAsync(partial, ct);
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }
        var manifest = new BackupManifest(name, await Sha256Async(path, ct), new FileInfo(path).Length, database.Provider, schema, created, reason,
            typeof(DatabaseBackups).Assembly.GetName().Version?.ToString() ?? "");
        await File.WriteAllTextAsync(path + BackupManifest.Suffix, manifest.ToJson(), ct);
        return new BackupSet(path, manifest);
    }

    /// <summary>The Kasse backups in a folder (those with a manifest), newest first.</summary>
    public static List<BackupSet> List(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        var sets = new List<BackupSet>();
        foreach (var manifestPath in Directory.EnumerateFiles(folder, NamePrefix + "*" + BackupManifest.Suffix))
        {
            var path = manifestPath[..^BackupManifest.Suffix.Length];
            try
            {
                if (File.Exists(path) && BackupManifest.Read(manifestPath) is { } manifest)
                    sets.Add(new BackupSet(path, manifest));
            }
            catch (JsonException)
            {
                // Not one of ours (or half-written by someone else): retention leaves it alone.
            }
        }
        // The name starts with the UTC time in a fixed width, so the order of names is the order of time.
        return [.. sets.OrderByDescending(s => Path.GetFileName(s.Path), StringComparer.Ordinal)];
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups in the folder; answers what it deleted.</summary>
    public static List<string> Prune(string folder, int keep)
    {
        var deleted = new List<string>();
        foreach (var old in List(folder).Skip(keep))
        {
            File.Delete(old.Path + BackupManifest.Suffix);
            File.Delete(old.Path);
            deleted.Add(old.Path);
        }
        return deleted;
    }

    /// <summary>
    /// Checks a backup against its manifest, then replaces the database's content with it. Refuses (and changes nothing)
    /// when the file does not match its checksum, came from the other kind of database or from a newer Kasse, or when a
    /// Kasse server is using the database. A database that holds data is backed up first (reason <c>before-restore</c>).
    /// </summary>
    public async Task<(BackupManifest Restored, BackupSet? Before)> RestoreAsync(string file, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        var manifest = await CheckAsync(file, ct);
        using (var scope = scopes.CreateScope())
        {
            var known = scope.ServiceProvider.GetRequiredService<KasseDbContext>().Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (manifest.Schema != EmptySchema && !known.Contains(manifest.Schema))
                throw new BackupException($"The backup's schema {manifest.Schema} is newer than this Kasse knows; restore it with the Kasse version that made it "
                    + $"({manifest.KasseVersion}) or a later one. Nothing was changed.");
        }
        await EnsureNotInUseAsync(ct);
        BackupSet? before = null;
        if (await HasSchemaAsync(ct))
            before = await BackupAsync("before-restore", null, ct);
        if (database.Provider == DatabaseProvider.Sqlite)
            await RestoreSqliteAsync(file, ct);
        else
            await RestorePostgresAsync(file, ct);
        return (manifest, before);
    }

    /// <summary>Reads the manifest beside <paramref name="file"/> and checks the file's size and SHA-256 against it.</summary>
    public async Task<BackupManifest> CheckAsync(string file, CancellationToken ct)
    {
        if (!File.Exists(file))
            throw new BackupException($"There is no backup file {file}.");
        var manifestPath = file + BackupManifest.Suffix;
        if (!File.Exists(manifestPath))
            throw new BackupException($"The backup {file} has no manifest ({Path.GetFileName(manifestPath)}) beside it, so it cannot be checked. Nothing was changed.");
        BackupManifest manifest;
        try
        {
            manifest = BackupManifest.Read(manifestPath) ?? throw new BackupException($"The manifest {manifestPath} is empty. Nothing was changed.");
        }
        catch (JsonException e)
        {
            throw new BackupException($"The manifest {manifestPath} cannot be read ({e.Message}). Nothing was changed.", e);
        }
        var actual = await Sha256Async(file, ct);
        if (!string.Equals(actual, manifest.Sha256, StringComparison.OrdinalIgnoreCase) || new FileInfo(file).Length != manifest.Bytes)
            throw new BackupException($"The backup {Path.GetFileName(file)} is damaged: its SHA-256 is {actual}, its manifest says {manifest.Sha256}. "
                + "Nothing was changed; restore another backup.");
        if (manifest.Provider != database.Provider)
            throw new BackupException($"The backup {Path.GetFileName(file)} is of a {manifest.Provider} database, and Kasse is set up for {database.Provider}. "
                + "Nothing was changed.");
        return manifest;
    }

    private const string EmptySchema = "empty";

    /// <summary>The newest migration applied: the schema version a backup carries in its name and manifest.</summary>
    private async Task<string> SchemaAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        return applied.Count == 0 ? EmptySchema : applied.Max(StringComparer.Ordinal)!;
    }

    private async Task<bool> HasSchemaAsync(CancellationToken ct)
    {
        // A file that is missing or empty (0 bytes) holds nothing, and EF's look at it would fail on the empty one.
        if (database.Provider == DatabaseProvider.Sqlite && (!File.Exists(SqliteFile()) || new FileInfo(SqliteFile()).Length == 0))
            return false;
        return await SchemaAsync(ct) != EmptySchema;
    }

    private string SqliteFile() => new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

    private SqliteConnection SqliteConnection(SqliteOpenMode mode) => new(new SqliteConnectionStringBuilder(database.ConnectionString)
    {
        Mode = mode,
        Pooling = false,
    }.ToString());

    private async Task BackupSqliteAsync(string destinationPath, CancellationToken ct)
    {
        if (!File.Exists(SqliteFile()))
            throw new BackupException($"There is no database file {SqliteFile()} to back up.");
        await using var source = SqliteConnection(SqliteOpenMode.ReadWrite);
        await source.OpenAsync(ct);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationPath, Pooling = false }.ToString());
        await destination.OpenAsync(ct);
        // One step over the whole file: one read transaction, so the copy is one consistent moment of a database tills write to.
        source.BackupDatabase(destination);
        // The copy is one self-contained file (no -wal beside it), and it is checked before it counts as a backup.
        await using var command = destination.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE; PRAGMA quick_check;";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.GetString(0) != "ok")
            throw new BackupException("The copy of the SQLite database failed its integrity check; the database itself may be damaged (run PRAGMA integrity_check).");
    }

    private async Task RestoreSqliteAsync(string file, CancellationToken ct)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await source.OpenAsync(ct);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(SqliteFile()))!);
        await using var destination = SqliteConnection(SqliteOpenMode.ReadWriteCreate);
        await destination.OpenAsync(ct);
        // The backup API replaces every page of the destination in one transaction of its own: all or nothing.
        source.BackupDatabase(destination);
        await using var command = destination.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task BackupPostgresAsync(string destinationPath, CancellationToken ct) =>
        await RunPostgresToolAsync("pg_dump", ["--format=custom", "--no-password", "--file", destinationPath], ct);

    private async Task RestorePostgresAsync(string file, CancellationToken ct)
    {
        // --clean drops what the backup holds before making it again, all in one transaction: a failure leaves the database as it was.
        await RunPostgresToolAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
            "--no-password", "--dbname", PostgresConnection().Database!, file], ct);
        NpgsqlConnection.ClearAllPools();
    }

    private NpgsqlConnectionStringBuilder PostgresConnection() => new(database.ConnectionString);

    /// <summary>Runs a PostgreSQL client tool with the connection passed in libpq's environment variables (so no password shows in a process list).</summary>
    private async Task RunPostgresToolAsync(string tool, string[] arguments, CancellationToken ct)
    {
        var executable = FindOnPath(tool) ?? throw new BackupException(
            $"{tool} was not found on PATH. Backing up and restoring PostgreSQL needs PostgreSQL's client tools, of the server's major version or newer: "
            + $"on Debian or Ubuntu install the package {PostgresClientPackage} (apt-get install {PostgresClientPackage}); on Windows, PostgreSQL's "
            + "installer's command line tools, with their bin folder on PATH.");
        var connection = PostgresConnection();
        var info = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        if (tool == "pg_dump")
            info.ArgumentList.Add(connection.Database ?? throw new BackupException("The PostgreSQL connection string names no Database."));
        Set(info, "PGHOST", connection.Host);
        Set(info, "PGPORT", connection.Port.ToString(CultureInfo.InvariantCulture));
        Set(info, "PGUSER", connection.Username);
        Set(info, "PGPASSWORD", connection.Password);
        Set(info, "PGDATABASE", connection.Database);
        Set(info, "PGSSLMODE", connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        Set(info, "PGCONNECT_TIMEOUT", "15");
        using var process = Process.Start(info) ?? throw new BackupException($"{tool} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new BackupException($"{tool} failed (exit code {process.ExitCode}): {(await error).Trim()} {(await output).Trim()}".Trim());
    }

    private static void Set(ProcessStartInfo info, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
            info.Environment.Remove(name);
        else
            info.Environment[name] = value;
    }

    private static string? FindOnPath(string tool)
    {
        var names = OperatingSystem.IsWindows() ? new[] { tool + ".exe" } : [tool];
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// A restore under a running server would be overwritten by what the server holds in memory, or break its sales: on
    /// SQLite the server holds a lock on a file beside the database (<see cref="DatabaseInUse"/>); on PostgreSQL any other
    /// session on the database counts.
    /// </summary>
    private async Task EnsureNotInUseAsync(CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            if (DatabaseInUse.IsHeld(database))
                throw new BackupException($"A Kasse server is using {SqliteFile()}. Stop it first (and every till's Kasse that uses this file); nothing was changed.");
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var builder = PostgresConnection();
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            + "AND pid <> pg_backend_pid() AND backend_type = 'client backend'", connection);
        // A server stopped a moment ago may still have a session PostgreSQL has not yet seen close: look again for a few seconds.
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var others = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (others == 0)
                return;
            if (patience.Elapsed > TimeSpan.FromSeconds(5))
                throw new BackupException($"{others} other session(s) are connected to the database {builder.Database}: stop every Kasse server that uses it first. "
                    + "Nothing was changed.");
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}

/// <summary>
/// While a server serves a SQLite file it holds an exclusive lock on <c>{file}.in-use</c> beside it; the operating
/// system lets go of it when the process ends, however it ends, so a crash leaves no stale flag.
/// </summary>
public static class DatabaseInUse
{
    public static IDisposable? Hold(DatabaseSettings database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
            return null;
        var path = FlagPath(database);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
    }

    public static bool IsHeld(DatabaseSettings database)
    {
        var path = FlagPath(database);
        if (!File.Exists(path))
            return false;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static string FlagPath(DatabaseSettings database) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource) + ".in-use";
}
