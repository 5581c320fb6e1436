using Kasse.Application.Demo;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Domain.Staff;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Ui.Receipts;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Browser.Tests.Infrastructure;

/// <summary>
/// The real Kasse node on Kestrel on a free loopback port, over a fresh real database with the demo store, and
/// Debian's Chromium to drive it. Shared by one collection; each test makes its own register (and so its own
/// till and customer display) and a fresh browser context.
/// </summary>
public abstract class BrowserServer(DatabaseProvider provider) : IAsyncLifetime
{
    public const string CashierPin = "2468";
    public const string SupervisorPin = "4321";

    private KasseHost? _host;
    private IPlaywright? _playwright;

    public DatabaseProvider Provider { get; } = provider;
    public TestDatabase Database { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An owner's API key, for tests that also call the HTTP API (every API call needs a key or a session).</summary>
    public string OwnerApiKey { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => _host!.Services;

    /// <summary>What the server logged at warning or above lately, for a failure message.</summary>
    public string ServerLog() => _host?.Log.Text() ?? "(the server is not running)";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, BrowserServer> Running = new();

    /// <summary>The server a page is on (by its address), for helpers that only hold the page.</summary>
    public static BrowserServer? Of(IPage page) =>
        Uri.TryCreate(page.Url, UriKind.Absolute, out var url) && Running.TryGetValue(url.GetLeftPart(UriPartial.Authority), out var server) ? server : null;
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "kasse_mail_" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A second cashier (role Cashier) and a supervisor, besides the demo's manager Mette.</summary>
    public Guid CashierId { get; } = Guid.CreateVersion7();
    public Guid SupervisorId { get; } = Guid.CreateVersion7();
    public const string CashierName = "Ole Kasse";
    public const string SupervisorName = "Sara Leder";

    /// <summary>The cashier's back-office login (a cashier may sign in, but sees little there).</summary>
    public const string CashierUserName = "ole";
    public const string CashierPassword = "ole-test-password";

    /// <summary>An owner with a back-office login, for the pages only the owner may use (roles, API keys).</summary>
    public Guid OwnerId { get; } = Guid.CreateVersion7();
    public const string OwnerUserName = "ejer";
    public const string OwnerPassword = "ejer-test-password";

    public async ValueTask InitializeAsync()
    {
        // The browser first: without it nothing here can run, and the message says how to get it.
        (_playwright, Browser) = await Chromium.LaunchAsync();
        Database = await TestDatabase.CreateAsync(Provider);
        _host = await KasseHost.StartAsync(Provider, Database.ConnectionString, new Dictionary<string, string?>
        {
            [KasseWebApp.SeedDemoKey] = "true",
            [ReceiptMailSettings.FolderKey] = MailFolder,
            // Every test signs in from 127.0.0.1; the limit itself is tested on a server of its own.
            [Kasse.Server.Security.KasseSecurity.SignInPermitsKey] = "100000",
            // The self-service kiosk asks "are you still there?" after 8 s without a touch and starts over 4 s later (KioskBrowserTests).
            ["Kasse:Kiosk:IdleSeconds"] = "8",
            ["Kasse:Kiosk:WarningSeconds"] = "4",
        });
        BaseAddress = _host.BaseAddress;
        Running[BaseAddress.GetLeftPart(UriPartial.Authority)] = this;
        await using var scope = Services.CreateAsyncScope();
        var employees = scope.ServiceProvider.GetRequiredService<EmployeeService>();
        // Named, not left to "the only store": some tests add a second store while others still add people.
        await employees.CreateAsync(CashierId, CashierName, nameof(Role.Cashier), CashierPin, Kasse.Domain.Languages.Danish, [DemoSeeder.StoreId], false, CancellationToken.None);
        await employees.CreateAsync(SupervisorId, SupervisorName, nameof(Role.Supervisor), SupervisorPin, Kasse.Domain.Languages.Danish, [DemoSeeder.StoreId], false,
            CancellationToken.None);
        await employees.ChangeAsync(CashierId, null, null, CashierUserName, CashierPassword, null, CancellationToken.None);
        await employees.CreateAsync(OwnerId, "Eva Ejer", nameof(Role.Owner), "8642", CancellationToken.None);
        await employees.ChangeAsync(OwnerId, null, null, OwnerUserName, OwnerPassword, null, CancellationToken.None);
        OwnerApiKey = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync("browser tests", nameof(Role.Owner), null, null, true, "test", CancellationToken.None)).Secret;
    }

    /// <summary>
    /// A register of the demo store for one test, so its till and display start empty. Its drawer session is open (with
    /// no float), as in a shop mid-day, so cash is taken without the opening float's question; a test of the float, the
    /// count or the Z report asks for <paramref name="drawerOpen"/> false.
    /// </summary>
    public async Task<RegisterView> NewRegisterAsync(string name, bool drawerOpen = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var register = await scope.ServiceProvider.GetRequiredService<StoreService>()
            .CreateRegisterAsync(DemoSeeder.StoreId, Guid.CreateVersion7(), name, CancellationToken.None);
        if (drawerOpen)
            await scope.ServiceProvider.GetRequiredService<Kasse.Application.CashControl.CashControlService>()
                .OpenSessionAsync(register.Id, new Kasse.Application.CashControl.OpenSession(Guid.CreateVersion7(), 0m), CancellationToken.None);
        return register;
    }

    public async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A fresh browser context (its own storage, like a separate till PC) with one page.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = width < 800,
            Locale = "da-DK",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A fresh browser context signed in to the back office with a password (by default the demo's manager, who
    /// may use every back-office page).
    /// </summary>
    public async Task<IPage> NewBackOfficePageAsync(int width = 1366, int height = 900, string userName = DemoSeeder.EmployeeUserName,
        string password = DemoSeeder.EmployeePassword)
    {
        var page = await NewPageAsync(width, height);
        await SignInToBackOfficeAsync(page, userName, password);
        return page;
    }

    /// <summary>A fresh browser context signed in to the back office as the owner.</summary>
    public Task<IPage> NewOwnerPageAsync(int width = 1366, int height = 900) =>
        NewBackOfficePageAsync(width, height, OwnerUserName, OwnerPassword);

    /// <summary>Signs in on the back office's sign-in page and waits for the back office to open.</summary>
    public static async Task SignInToBackOfficeAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/backoffice/sign-in");
        await page.Locator("#user-name").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        // The click waits for the form's navigation, which checks the password hash: slow on a loaded machine, like the page after it.
        await page.GetByTestId("sign-in-submit").ClickAsync(new LocatorClickOptions { Timeout = 30_000 });
        await page.Locator("[data-testid=backoffice]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_host is not null)
        {
            Running.TryRemove(BaseAddress.GetLeftPart(UriPartial.Authority), out _);
            await _host.DisposeAsync();
        }
        if (Database is not null)
            await Database.DisposeAsync();
        try { Directory.Delete(MailFolder, recursive: true); } catch (DirectoryNotFoundException) { }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteBrowserServer() : BrowserServer(DatabaseProvider.Sqlite);

public sealed class PostgresBrowserServer() : BrowserServer(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteBrowserCollection : ICollectionFixture<SqliteBrowserServer>
{
    public const string Name = "Browser on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresBrowserCollection : ICollectionFixture<PostgresBrowserServer>
{
    public const string Name = "Browser on PostgreSQL";
}
