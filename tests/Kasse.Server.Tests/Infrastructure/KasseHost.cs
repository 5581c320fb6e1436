using System.Net;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasse.Server.Tests.Infrastructure;

/// <summary>
/// The test host: one real Kasse node in this process, on Kestrel on a free loopback port, over a real database.
/// Every test that needs a node starts it here — the shared servers (<see cref="KasseServer"/>, the browser
/// tests' server) and a test's node of its own (other settings, a second node, a restart over the same database).
/// </summary>
public sealed class KasseHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KasseHost(WebApplication app, IReadOnlyList<Uri> addresses, RecentLog log)
    {
        _app = app;
        Addresses = addresses;
        Log = log;
    }

    /// <summary>The node's recent warnings and errors, for a failing test's message.</summary>
    public RecentLog Log { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Where it listens: one plain HTTP address unless the settings name other endpoints (HTTPS).</summary>
    public IReadOnlyList<Uri> Addresses { get; }
    public Uri BaseAddress => Addresses[0];

    /// <summary>
    /// Migrates the database (and seeds the demo store when <see cref="KasseWebApp.SeedDemoKey"/> says so; by
    /// default it does not), starts the node and answers once it listens.
    /// </summary>
    /// <param name="settings">Added to, or replacing, the test defaults (no demo, loopback port 0, warnings only).</param>
    /// <param name="clock">The node's TimeProvider; the system clock when null.</param>
    /// <param name="connectionString">Null for SQLite in the folder named by <see cref="DatabaseSettings.DataDirectoryKey"/>, as <c>kasse --data</c> does.</param>
    public static async Task<KasseHost> StartAsync(DatabaseProvider provider, string? connectionString,
        IEnumerable<KeyValuePair<string, string?>>? settings = null, TimeProvider? clock = null)
    {
        var all = new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = provider.ToString(),
            [KasseWebApp.SeedDemoKey] = "false",
            ["Kasse:StartDemoDevices"] = "false",
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (connectionString is not null)
            all[DatabaseSettings.ConnectionKey] = connectionString;
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        var log = new RecentLog();
        var app = KasseWebApp.Create([], all, services =>
        {
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(log);
            if (clock is not null)
                services.Replace(ServiceDescriptor.Singleton(clock));
        });
        try
        {
            await KasseWebApp.PrepareAsync(app, CancellationToken.None);
            await app.StartAsync();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
            if (addresses.Any(a => !IPAddress.IsLoopback(IPAddress.Parse(a.Host))))
                throw new InvalidOperationException("Tests must only listen on loopback.");
            return new KasseHost(app, addresses, log);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for the node, with the API key when one is given.</summary>
    public HttpClient CreateClient(string? apiKey = null, HttpMessageHandler? handler = null)
    {
        var http = new HttpClient(handler ?? new HttpClientHandler(), disposeHandler: true) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
            http.DefaultRequestHeaders.Add(ApiKeyService.Header, apiKey);
        return http;
    }

    /// <summary>A fresh API key of the role for the given stores; null makes an Owner's or Accountant's key chain-wide.</summary>
    public async Task<string> NewApiKeyAsync(string role, IReadOnlyCollection<Guid>? stores = null, params Permission[] scope)
    {
        await using var services = Services.CreateAsyncScope();
        var key = await services.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync($"test {role} {Guid.CreateVersion7()}", role, scope.Length > 0 ? scope : null, stores, stores is null, "test fixture", CancellationToken.None);
        return key.Secret;
    }

    /// <summary>A client signed in as an owner (by a fresh chain-wide API key).</summary>
    public async Task<HttpClient> OwnerClientAsync() => CreateClient(await NewApiKeyAsync(nameof(Role.Owner)));

    /// <summary>Stops the node as a shutdown of the shop's PC does (background work ends, the journal records the stop).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
