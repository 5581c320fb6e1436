using System.Text.Json;
using Kasse.Server.Hosting;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kasse.Server.Operations;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers a trivial query and the
/// data folder's disk has room), for load balancers, container orchestrators and monitors. Anonymous, so they say
/// nothing secret: each check's name, status and a short description, never a connection string or an error's text.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    /// <summary>A probe reads; another method is 405 like everywhere else.</summary>
    private static readonly HttpMethodMetadata ReadOnly = new(["GET", "HEAD"]);

    public static IServiceCollection AddKasseHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<DiskHealthCheck>("disk", tags: [Ready]);
        return services;
    }

    public static WebApplication MapKasseHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithMetadata(ReadOnly).WithTags("Health").AllowAnonymous("load balancers and monitors check health without a key");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .WithMetadata(ReadOnly).WithTags("Health").AllowAnonymous("load balancers and monitors check health without a key");
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var answer = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(answer, JsonSerializerOptions.Web));
    }
}

/// <summary>
/// Opens a connection of its own and runs a trivial query. On SQLite a new, unpooled connection that may not create
/// the file: a pooled one keeps a file open that is gone from the disk.
/// </summary>
public sealed class DatabaseHealthCheck(DatabaseSettings database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            System.Data.Common.DbConnection connection = database.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString())
                : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = 5 }.ToString());
            await using (connection)
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = """SELECT COUNT(*) FROM "__EFMigrationsHistory" """;
                await command.ExecuteScalarAsync(cancellationToken);
            }
            return HealthCheckResult.Healthy($"The {database.Provider} database answers.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException or TimeoutException
            or OperationCanceledException)
        {
            // Only the kind of failure: the message may name hosts or paths, and the answer is anonymous.
            return HealthCheckResult.Unhealthy($"The {database.Provider} database does not answer ({e.GetType().Name}).");
        }
    }
}

/// <summary>Free space on the disks of the data folder and the SQLite file against <c>Kasse:Health:MinFreeDiskMegabytes</c>.</summary>
public sealed class DiskHealthCheck(DatabaseSettings database, IOptions<NodeOptions> node, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folders = new List<string> { DatabaseSettings.DataDirectory(node.Value) };
        if (database.Provider == DatabaseProvider.Sqlite)
            folders.Add(Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource))!);
        var wanted = options.Value.MinFreeDiskMegabytes;
        long? least = null;
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var free = new DriveInfo(folder).AvailableFreeSpace / (1024 * 1024);
            least = least is null ? free : Math.Min(least.Value, free);
        }
        if (least is null)
            return Task.FromResult(HealthCheckResult.Unhealthy("The data folder is not there."));
        var text = $"{least} MB free for the data (at least {wanted} MB wanted).";
        return Task.FromResult(least >= wanted ? HealthCheckResult.Healthy(text) : HealthCheckResult.Unhealthy(text));
    }
}
