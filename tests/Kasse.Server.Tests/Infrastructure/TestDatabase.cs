using Kasse.Server.Hosting;
using Npgsql;

namespace Kasse.Server.Tests.Infrastructure;

/// <summary>A fresh, real database for one test run: a SQLite file, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "KASSE_TEST_POSTGRES";
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=kasse;Password=kasse;Database=postgres";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The database file, on SQLite.</summary>
    public string FilePath => Path.Combine(_sqliteFolder ?? throw new InvalidOperationException("Only a SQLite database is a file."), "kasse.db");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var name = "kasse_test_" + Guid.NewGuid().ToString("N")[..12];
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
            {
                var folder = Path.Combine(Path.GetTempPath(), name);
                Directory.CreateDirectory(folder);
                return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "kasse.db")}", folder, null, null);
            }
            case DatabaseProvider.Postgres:
            {
                var admin = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } configured ? configured : DefaultPostgres;
                try
                {
                    await using var connection = new NpgsqlConnection(admin);
                    await connection.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
                    await create.ExecuteNonQueryAsync();
                }
                catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException)
                {
                    throw new InvalidOperationException(
                        $"PostgreSQL is needed for these tests and is not reachable ({e.Message}). Run ./test.sh, which installs and starts it, "
                        + $"or set {PostgresVariable} to a connection string for a role that may CREATE DATABASE.", e);
                }
                var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
                return new TestDatabase(provider, builder.ConnectionString, null, admin, name);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(provider));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteFolder, recursive: true); } catch (IOException) { }
        }
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
