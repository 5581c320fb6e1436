using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Data.Sqlite;

public static class SqliteDatabase
{
    /// <remarks>
    /// The model is the compiled one in CompiledModel/, made from KasseDbContext's configuration by `dotnet ef dbcontext
    /// optimize` (README, "For developers"): building it at every start was a large part of a start-up. The EF tools
    /// (migrations, optimize) still build it from the configuration.
    /// </remarks>
    public static DbContextOptionsBuilder UseKasseSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseModel(CompiledModel.KasseDbContextModel.Instance).UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(DurableConnection.Instance, CachedDataCommits.Instance)
            .IgnoreCountingWarning();

    /// <summary>SQLite's adapters behind Kasse.Data's ports, for every service collection that uses <see cref="UseKasseSqlite"/>.</summary>
    public static IServiceCollection AddKasseSqliteAdapters(this IServiceCollection services) => services
        .AddSingleton<IBulkCopy, SqliteBulkCopy>()
        .AddSingleton<IProductSearchIndex, SqliteProductSearchIndex>();

    /// <summary>
    /// Every connection writes durably: WAL so tills read while one writes, synchronous=FULL so a completed
    /// sale survives a power cut, and a busy timeout so writers queue instead of failing.
    /// </summary>
    private sealed class DurableConnection : DbConnectionInterceptor
    {
        public static readonly DurableConnection Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Configure(connection);
            return Task.CompletedTask;
        }

        /// <summary>Handles of pooled connections already set up: WAL, busy timeout and foreign keys stay with the handle.</summary>
        private static readonly ConditionalWeakTable<object, object> Prepared = new();

        private static void Configure(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            var handle = ((SqliteConnection)connection).Handle;
            var first = handle is not null && !Prepared.TryGetValue(handle, out _);
            // synchronous on every open, because a pooled handle may come back from a less durable transaction.
            command.CommandText = first || handle is null
                ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;"
                : "PRAGMA synchronous=FULL;";
            command.ExecuteNonQuery();
            if (first)
                Prepared.AddOrUpdate(handle!, true);
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --project src/Kasse.Data.Sqlite</c> build the model.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<KasseDbContext>
{
    public KasseDbContext CreateDbContext(string[] args) =>
        new(((DbContextOptionsBuilder<KasseDbContext>)new DbContextOptionsBuilder<KasseDbContext>().UseKasseSqlite("Data Source=design-time.db")).Options);
}
