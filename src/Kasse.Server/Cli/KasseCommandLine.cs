using System.CommandLine;
using Kasse.Application;
using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Fiscal;
using Kasse.Data;
using Microsoft.EntityFrameworkCore;
using Kasse.Server.Hosting;

namespace Kasse.Server.Cli;

/// <summary><c>kasse</c> serves by default; sub-commands do the admin work.</summary>
public static class KasseCommandLine
{
    private static readonly Option<string?> Database = new("--database")
    {
        Description = "sqlite (default) or postgres",
        Recursive = true,
    };

    private static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Database connection string (required for postgres)",
        Recursive = true,
    };

    private static readonly Option<string?> DataDirectory = new("--data")
    {
        Description = "Folder for the SQLite file and other local data (default: the user's data folder/kasse)",
        Recursive = true,
    };

    public static RootCommand Create()
    {
        var root = new RootCommand("Kasse point of sale. Without a sub-command it serves the API and UI (ASP.NET options such as --urls pass through).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(Database);
        root.Options.Add(Connection);
        root.Options.Add(DataDirectory);
        root.SetAction((parse, ct) => ServeAsync(parse, ct));

        var serve = new Command("serve", "Serve the API and UI (the default)") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((parse, ct) => ServeAsync(parse, ct));
        root.Subcommands.Add(serve);

        var db = new Command("db", "Database administration");
        var migrate = new Command("migrate", "Create or upgrade the database schema");
        migrate.SetAction(MigrateAsync);
        db.Subcommands.Add(migrate);
        root.Subcommands.Add(db);

        var seed = new Command("seed", "Fill the database with sample data");
        var demo = new Command("demo", "Create the demo store, register, cashier and ~200 products (safe to repeat)");
        demo.Options.Add(SecondStore);
        demo.SetAction(SeedDemoAsync);
        seed.Subcommands.Add(demo);
        root.Subcommands.Add(seed);

        var journal = new Command("journal", "The fiscal journal");
        var verify = new Command("verify", "Re-compute every store's hash chain, check every receipt, every X/Z report against what it covers and its signed anchor, "
            + "and the company's transaction counter; exit 1 if anything is broken");
        verify.Options.Add(VerifyStore);
        verify.SetAction(VerifyJournalAsync);
        journal.Subcommands.Add(verify);
        root.Subcommands.Add(journal);
        root.Subcommands.Add(BackupCommand.Backup(BuildServicesFor));
        root.Subcommands.Add(BackupCommand.Restore(BuildServicesFor));
        root.Subcommands.Add(ExportCommand.Create(parse => BuildServices(parse, out _)));

        root.Subcommands.Add(ApiKeyCommand());
        root.Subcommands.Add(UserCommand());
        root.Subcommands.Add(ReportsCommand.Create(parse => BuildServices(parse, out _)));

        var import = new Command("import", "Import data from files");
        var products = new Command("products", "Import products from CSV: sku;name;category;price;vat_rate;unit;barcodes;cost_price");
        var file = new Argument<FileInfo>("file") { Description = "The CSV file (UTF-8, ; or , separated)" };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Import the good rows even if some rows have errors" };
        products.Arguments.Add(file);
        products.Options.Add(skip);
        products.SetAction((parse, ct) => ImportProductsAsync(parse.GetRequiredValue(file), parse.GetValue(skip), parse, ct));
        import.Subcommands.Add(products);
        root.Subcommands.Add(import);
        return root;
    }

    private static Command ApiKeyCommand()
    {
        var apiKey = new Command("api-key", "API keys for integrations (the command line is the machine's administrator)");
        var create = new Command("create", "Make an API key and print it once; only its hash is stored");
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. webshop", Required = true };
        var role = new Option<string>("--role") { Description = "The role whose permissions the key gets, e.g. Owner, Manager, Cashier", Required = true };
        var (stores, allStores) = StoreOptions("key");
        var scopeOption = new Option<Kasse.Domain.Staff.Permission[]>("--scope")
        {
            Description = "Only these of the role's permissions (repeat for several), e.g. ViewMetrics for a monitoring system",
            AllowMultipleArgumentsPerToken = true,
        };
        create.Options.Add(name);
        create.Options.Add(role);
        create.Options.Add(scopeOption);
        create.Options.Add(stores);
        create.Options.Add(allStores);
        create.SetAction(async (parse, ct) =>
        {
            await using var services = BuildServices(parse, out _);
            await DatabaseSetup.MigrateAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            return await RefusedAsync(parse, async () =>
            {
                var key = await scope.ServiceProvider.GetRequiredService<Kasse.Application.Staff.ApiKeyService>()
                    .CreateAsync(parse.GetRequiredValue(name), parse.GetRequiredValue(role), parse.GetValue(scopeOption) is { Length: > 0 } only ? only : null, parse.GetValue(stores), parse.GetValue(allStores),
                        Kasse.Application.Staff.Actor.Local.Name, ct);
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"API key '{key.Key.Name}' ({key.Key.Role}, {Reach(key.Key.AllStores, key.Key.Stores)}) made. It is shown only now; send it in the X-Api-Key header:");
                await parse.InvocationConfiguration.Output.WriteLineAsync(key.Secret);
            });
        });
        apiKey.Subcommands.Add(create);
        return apiKey;
    }

    private static Command UserCommand()
    {
        var user = new Command("user", "Employees (the command line is the machine's administrator)");
        var add = new Command("add", "Add an employee with a role, a PIN, optionally a back-office login, and the stores they work in");
        var name = new Option<string>("--name") { Description = "The employee's name as receipts show it", Required = true };
        var role = new Option<string>("--role") { Description = "Owner, Manager, Supervisor, Cashier, Accountant or a custom role", Required = true };
        var pin = new Option<string>("--pin") { Description = "4 to 6 digits for the till", Required = true };
        var userName = new Option<string?>("--user-name") { Description = "A back-office login (needs --password)" };
        var password = new Option<string?>("--password") { Description = "The back-office password, at least 12 characters" };
        var (stores, allStores) = StoreOptions("employee");
        foreach (var option in new Option[] { name, role, pin, userName, password, stores, allStores })
            add.Options.Add(option);
        add.SetAction(async (parse, ct) =>
        {
            await using var services = BuildServices(parse, out _);
            await DatabaseSetup.MigrateAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            var employees = scope.ServiceProvider.GetRequiredService<Kasse.Application.Staff.EmployeeService>();
            return await RefusedAsync(parse, async () =>
            {
                Kasse.Domain.Staff.Employee.EnsureValidPin(parse.GetRequiredValue(pin));
                var employee = await employees.CreateAsync(Guid.CreateVersion7(), parse.GetRequiredValue(name), parse.GetRequiredValue(role),
                    parse.GetRequiredValue(pin), Kasse.Domain.Languages.Danish, parse.GetValue(stores), parse.GetValue(allStores), ct);
                if (parse.GetValue(password) is { } secret)
                    employee = await employees.ChangeAsync(employee.Id, null, null, parse.GetValue(userName), secret, null, ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"{employee.Name} ({employee.Role}, {Reach(employee.AllStores, employee.Stores)}) added with id {employee.Id}.");
            });
        });
        user.Subcommands.Add(add);
        return user;
    }

    private static (Option<Guid[]> Stores, Option<bool> AllStores) StoreOptions(string what) => (
        new Option<Guid[]>("--store")
        {
            Description = $"A store id the {what} works in (repeat for several); left out in a one-store shop, that store",
            AllowMultipleArgumentsPerToken = true,
        },
        new Option<bool>("--all-stores") { Description = $"The {what} works in every store (Owner and Accountant only)" });

    private static string Reach(bool allStores, IReadOnlyList<Guid>? stores) =>
        allStores ? "every store" : "store " + string.Join(", ", stores ?? []);

    /// <summary>A rule's refusal is a message and exit code 1, not a stack trace.</summary>
    private static async Task<int> RefusedAsync(ParseResult parse, Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (Kasse.Domain.DomainException e)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"{e.Message} ({e.Code})");
            return 1;
        }
    }

    private static async Task<int> ServeAsync(ParseResult parse, CancellationToken ct)
    {
        var app = KasseWebApp.Create([.. parse.UnmatchedTokens], Settings(parse));
        KasseOptions.Check(app.Services);
        // kasse restore refuses while this is held (a SQLite file; on PostgreSQL it sees the server's sessions).
        using var inUse = Operations.DatabaseInUse.Hold(app.Services.GetRequiredService<DatabaseSettings>());
        await KasseWebApp.PrepareAsync(app, ct);
        app.Logger.LogInformation("Kasse keeps its data in {Database}", app.Services.GetRequiredService<DatabaseSettings>().Describe());
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> MigrateAsync(ParseResult parse, CancellationToken ct)
    {
        await using var services = BuildServices(parse, out var settings);
        if (await DatabaseSetup.MigrateAsync(services, ct) is { } backup)
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Backed the database up to {backup} before migrating it.");
        await parse.InvocationConfiguration.Output.WriteLineAsync($"Database is up to date: {settings.Describe()}");
        return 0;
    }

    private static readonly Option<bool> SecondStore = new("--second-store")
    {
        Description = "Also create a second demo store (a café) with its own register and cashier, to see how stores limit employees and keys",
    };

    private static async Task<int> SeedDemoAsync(ParseResult parse, CancellationToken ct)
    {
        await using var services = BuildServices(parse, out _);
        await DatabaseSetup.MigrateAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var result = await seeder.SeedAsync(ct);
        await parse.InvocationConfiguration.Output.WriteLineAsync(
            $"Demo store {(result.StoreCreated ? "created" : "already there")}: {result.Products.Created} products added, {result.Products.Updated} updated. "
            + $"Register {DemoSeeder.RegisterId}, cashier {DemoSeeder.EmployeeId} (PIN {DemoSeeder.EmployeePin}).");
        if (parse.GetValue(SecondStore))
        {
            await seeder.SeedSecondStoreAsync(ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Second demo store {DemoSeeder.CafeStoreId}: register {DemoSeeder.CafeRegisterId}, cashier {DemoSeeder.CafeCashierId} (PIN {DemoSeeder.CafeCashierPin}) "
                + "who works only there; Mette works only in the first store; the demo API key reaches both.");
        }
        return 0;
    }

    private static readonly Option<Guid?> VerifyStore = new("--store")
    {
        Description = "Verify this store only (its company's transaction counter included); without it, every store",
    };

    private static async Task<int> VerifyJournalAsync(ParseResult parse, CancellationToken ct)
    {
        await using var services = BuildServices(parse, out var settings);
        await DatabaseSetup.MigrateAsync(services, ct);
        return await VerifyJournalAsync(parse, services, settings, parse.GetValue(VerifyStore), ct);
    }

    /// <summary>What <c>kasse journal verify</c> does, on a database already migrated (also after <c>kasse restore</c>).</summary>
    internal static async Task<int> VerifyJournalAsync(ParseResult parse, IServiceProvider services, DatabaseSettings settings, Guid? only, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var verifier = scope.ServiceProvider.GetRequiredService<JournalVerifier>();
        var intact = true;
        var stores = await db.Stores.AsNoTracking().Where(s => only == null || s.Id == only).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        if (only is not null && stores.Count == 0)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"No store has id {only}.");
            return 2;
        }
        foreach (var store in stores)
        {
            var result = await verifier.VerifyAsync(store.Id, ct);
            foreach (var broken in result.Breaks)
            {
                intact = false;
                await parse.InvocationConfiguration.Error.WriteLineAsync(broken.Sequence > 0
                    ? $"{store.Name}: BROKEN at entry {broken.Sequence}: {broken.Problem}"
                    : $"{store.Name}: BROKEN: {broken.Problem}");
            }
            if (result.IsIntact)
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"{store.Name}: intact — {result.EntriesChecked} journal entries, {result.SalesChecked} receipts checked.");
            foreach (var note in result.Notes)
                await parse.InvocationConfiguration.Output.WriteLineAsync($"{store.Name}: note: {note}");
        }
        await parse.InvocationConfiguration.Output.WriteLineAsync(intact ? $"Journal verified: {settings.Describe()}" : "The journal is NOT intact.");
        return intact ? 0 : 1;
    }

    private static async Task<int> ImportProductsAsync(FileInfo file, bool skipBadRows, ParseResult parse, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (!file.Exists)
        {
            await error.WriteLineAsync($"No such file: {file.FullName}");
            return 2;
        }
        await using var services = BuildServices(parse, out _);
        await DatabaseSetup.MigrateAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        await using var stream = file.OpenRead();
        var report = await scope.ServiceProvider.GetRequiredService<ProductImporter>().ImportAsync(stream, skipBadRows, ct);
        foreach (var problem in report.Errors)
            await error.WriteLineAsync($"{file.Name}: {problem}");
        if (!report.Imported)
        {
            await error.WriteLineAsync($"Nothing was imported: {report.Errors.Count} error(s). Fix them, or run again with --skip-bad-rows to import the good rows.");
            return 1;
        }
        await output.WriteLineAsync($"Imported {file.Name}: {report.Created} created, {report.Updated} updated, {report.Skipped} bad row(s) skipped.");
        return 0;
    }

    private static Dictionary<string, string?> Settings(ParseResult parse)
    {
        var settings = new Dictionary<string, string?>();
        if (parse.GetValue(Database) is { } provider)
            settings[DatabaseSettings.ProviderKey] = provider;
        if (parse.GetValue(Connection) is { } connection)
            settings[DatabaseSettings.ConnectionKey] = connection;
        if (parse.GetValue(DataDirectory) is { } data)
            settings[DatabaseSettings.DataDirectoryKey] = data;
        return settings;
    }

    private static ServiceProvider BuildServicesFor(ParseResult parse) => BuildServices(parse, out _);

    private static ServiceProvider BuildServices(ParseResult parse, out DatabaseSettings settings)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(Settings(parse))
            .Build();
        settings = KasseOptions.DatabaseFrom(configuration);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddKasseOptions();
        services.AddKasseDatabase(settings);
        services.AddKasseKeyRing();
        services.AddKasseApplication();
        var provider = services.BuildServiceProvider();
        KasseOptions.Check(provider);
        return provider;
    }
}
