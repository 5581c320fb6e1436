using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Data.Postgres;

public static class PostgresDatabase
{
    /// <remarks>
    /// The model is the compiled one in CompiledModel/, made from KasseDbContext's configuration by `dotnet ef dbcontext
    /// optimize` (README, "For developers"): building it at every start was a large part of a start-up. The EF tools
    /// (migrations, optimize) still build it from the configuration.
    /// </remarks>
    public static DbContextOptionsBuilder UseKassePostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseModel(CompiledModel.KasseDbContextModel.Instance).UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name)
            // A sale loads its few lines and payments in one round trip.
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(CachedDataCommits.Instance)
            .IgnoreCountingWarning();

    /// <summary>PostgreSQL's adapters behind Kasse.Data's ports, for every service collection that uses <see cref="UseKassePostgres"/>.</summary>
    public static IServiceCollection AddKassePostgresAdapters(this IServiceCollection services) => services
        .AddSingleton<IBulkCopy, PostgresBulkCopy>()
        .AddSingleton<IProductSearchIndex, PostgresProductSearchIndex>();
}

/// <summary>Lets <c>dotnet ef migrations add … --project src/Kasse.Data.Postgres</c> build the model.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<KasseDbContext>
{
    public KasseDbContext CreateDbContext(string[] args) =>
        new(((DbContextOptionsBuilder<KasseDbContext>)new DbContextOptionsBuilder<KasseDbContext>().UseKassePostgres("Host=localhost;Database=kasse_design")).Options);
}
