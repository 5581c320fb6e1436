using System.Net;
using Microsoft.AspNetCore.Builder;
using Kasse.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasse.Server.Tests.Infrastructure;

/// <summary>
/// The real Kasse node on Kestrel on a free loopback port, over a real database, shared by one collection
/// of tests. Tests isolate themselves by creating their own store, register and products.
/// </summary>
public abstract class KasseServer(DatabaseProvider provider) : IAsyncLifetime
{
    private WebApplication? _app;
    private long _counter = Random.Shared.Next(1000, 9000) * 1000L;

    public DatabaseProvider Provider { get; } = provider;
    public TestDatabase Database { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public TestClock Clock { get; } = new();
    public IServiceProvider Services => _app!.Services;

    /// <summary>A number unique within this server's database, for SKUs and barcodes.</summary>
    public long NextNumber() => Interlocked.Increment(ref _counter);

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public KasseClient Client() => new(CreateClient(), this);

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider);
        var settings = new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = Provider.ToString(),
            [DatabaseSettings.ConnectionKey] = Database.ConnectionString,
            [KasseWebApp.SeedDemoKey] = "false",
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            // Open device payments are asked about every second, so recovery tests don't wait long.
            ["Kasse:Payments:RecoveryIntervalSeconds"] = "1",
        };
        _app = KasseWebApp.Create([], settings, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        await KasseWebApp.PrepareAsync(_app, CancellationToken.None);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        if (!IPAddress.IsLoopback(IPAddress.Parse(BaseAddress.Host)))
            throw new InvalidOperationException("Tests must only listen on loopback.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (Database is not null)
            await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteServer() : KasseServer(DatabaseProvider.Sqlite);

public sealed class PostgresServer() : KasseServer(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteServer>
{
    public const string Name = "Kasse on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "Kasse on PostgreSQL";
}
