using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Hosting;
using Kasse.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Infrastructure;

/// <summary>
/// The real Kasse node on Kestrel on a free loopback port, over a real database, shared by one collection
/// of tests. Tests isolate themselves by creating their own store, register and products.
/// </summary>
public abstract class KasseServer(DatabaseProvider provider) : IAsyncLifetime
{
    private KasseHost? _host;
    private long _counter = Random.Shared.Next(1000, 9000) * 1000L;

    public DatabaseProvider Provider { get; } = provider;
    public TestDatabase Database { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public TestClock Clock { get; } = new();
    public IServiceProvider Services => _host!.Services;

    /// <summary>A number unique within this server's database, for SKUs and barcodes.</summary>
    public long NextNumber() => Interlocked.Increment(ref _counter);

    /// <summary>The owner's API key, made at start: the default client may do everything.</summary>
    public string OwnerKey { get; private set; } = null!;

    /// <summary>A client signed in as the owner (by API key), as most tests want.</summary>
    public HttpClient CreateClient() => CreateClient(OwnerKey);

    public HttpClient CreateClient(string? apiKey)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
            http.DefaultRequestHeaders.Add(ApiKeyService.Header, apiKey);
        return http;
    }

    public KasseClient Client() => new(CreateClient(), this);

    /// <summary>A client with no credentials at all.</summary>
    public KasseClient AnonymousClient() => new(CreateClient(apiKey: null), this);

    /// <summary>
    /// A client holding a fresh API key of the given role (built-in or custom): chain-wide for an Owner or
    /// Accountant, otherwise limited to a store of its own (see <see cref="ClientAsAsync(string, Guid, Permission[])"/> for a shop's).
    /// </summary>
    public async Task<KasseClient> ClientAsAsync(string role, params Permission[] scope) => new(CreateClient(await NewApiKeyAsync(role, scope)), this);

    /// <summary>A till's PIN session: a client signed in at the register as that employee, with a cookie jar of its own.</summary>
    public async Task<KasseClient> SignedInAtAsync(Guid registerId, Guid employeeId, string pin)
    {
        var client = SessionClient();
        await KasseClient.Read<object>(await client.PostAsync($"/api/v1/registers/{registerId}/sign-in", new { employeeId, pin }));
        return client;
    }

    /// <summary>A client holding a fresh API key of the given role that works in one store only.</summary>
    public async Task<KasseClient> ClientAsAsync(string role, Guid store, params Permission[] scope) =>
        new(CreateClient(await NewApiKeyAsync(role, [store], scope)), this);

    public async Task<string> NewApiKeyAsync(string role, params Permission[] scope) =>
        await NewApiKeyAsync(role, StoreAccess.MayBeChainWide(role) ? null : [await NewStoreAsync()], scope);

    /// <summary>A key for the given stores; null makes an Owner's or Accountant's key chain-wide.</summary>
    public async Task<string> NewApiKeyAsync(string role, IReadOnlyCollection<Guid>? stores, params Permission[] scope)
    {
        await using var scopeServices = Services.CreateAsyncScope();
        var key = await scopeServices.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync($"test {role} {NextNumber()}", role, scope.Length > 0 ? scope : null, stores, stores is null, "test fixture", CancellationToken.None);
        return key.Secret;
    }

    /// <summary>An empty store, for a key that must work somewhere but not in the test's shop.</summary>
    public async Task<Guid> NewStoreAsync()
    {
        await using var scopeServices = Services.CreateAsyncScope();
        var n = NextNumber();
        var store = await scopeServices.ServiceProvider.GetRequiredService<Kasse.Application.Stores.StoreService>().CreateAsync(
            new Kasse.Application.Stores.CreateStore(Guid.CreateVersion7(), $"Nøglebutik {n}", "Torvet 1, 4000 Roskilde", "8765" + (n % 10000).ToString("D4",
                System.Globalization.CultureInfo.InvariantCulture), "DK"), CancellationToken.None);
        return store.Id;
    }

    /// <summary>A client with its own cookie jar, for PIN or password sessions (no API key).</summary>
    public KasseClient SessionClient() => new(new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
    { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) }, this);

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider);
        var settings = new Dictionary<string, string?>
        {
            // Open device payments are asked about every second, so recovery tests don't wait long.
            ["Kasse:Payments:RecoveryIntervalSeconds"] = "1",
            // Every test comes from 127.0.0.1; the limit itself is tested on a server of its own.
            [KasseSecurity.SignInPermitsKey] = "100000",
        };
        Configure(settings);
        _host = await KasseHost.StartAsync(Provider, Database.ConnectionString, settings, Clock);
        BaseAddress = _host.BaseAddress;
        OwnerKey = await NewApiKeyAsync(nameof(Role.Owner));
    }

    /// <summary>A server of its own may change settings (e.g. faster webhook retries) before it starts.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
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
