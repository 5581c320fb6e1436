using System.Text.Json;
using System.Text.Json.Serialization;
using Kasse.Application;
using Kasse.Application.Demo;
using Kasse.Application.Fiscal;
using Kasse.Devices;
using Kasse.Devices.Payments;
using Kasse.Server.Api;
using Kasse.Server.Operations;
using Kasse.Server.Ui;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

namespace Kasse.Server.Hosting;

/// <summary>The composition root of the Kasse node: API, problem details, idempotency, database.</summary>
public static class KasseWebApp
{
    public const string SeedDemoKey = NodeOptions.Section + ":" + nameof(NodeOptions.SeedDemoOnFirstStart);
    public const string DefaultUrl = "http://localhost:5080";
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <param name="configureServices">Replaces parts for tests (e.g. the clock); null in production.</param>
    public static WebApplication Create(string[] args, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        // The application is `kasse` even when a test assembly hosts it, so its static web assets (the UI's CSS and
        // scripts, Blazor's own script) are found by name from the build output as well as from a published folder.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(KasseWebApp).Assembly.GetName().Name,
        });
        // Static assets come from the build's manifest only. The runtime fallback for files added after the build
        // is a catch-all GET route, and it would turn the API's "405 method not allowed" into a 404.
        builder.Configuration.AddInMemoryCollection([new("DisableStaticAssetNotFoundRuntimeFallback", "true")]);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseStaticWebAssets();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        // Started by Windows' service manager, kasse reports its state to it and logs to the event log; otherwise this does nothing.
        builder.Host.UseWindowsService(service => service.ServiceName = "Kasse");
        builder.Services.AddKasseOptions();
        var database = KasseOptions.DatabaseFrom(builder.Configuration);
        builder.Services.AddSingleton(database);
        builder.Services.AddKasseDatabase(database);
        builder.Services.AddKasseKeyRing();
        builder.Services.AddPaymentDevices();
        configureServices?.Invoke(builder.Services);
        builder.Services.AddKasseApplication();
        builder.AddKasseSecurity();
        builder.AddKasseTelemetry();
        builder.Services.AddHostedService<JournalLifecycle>();
        builder.Services.AddKasseDevices();
        builder.Services.AddHostedService<PendingPaymentRecovery>();
        builder.Services.AddHostedService<DemoDevices>();
        builder.Services.AddHostedService<FraudSweep>();
        builder.Services.AddHostedService<WebhookDelivery>();
        builder.Services.AddScoped<StoreResolver>();
        builder.Services.AddHostedService<IdempotencyPruning>();
        builder.Services.AddHostedService<Operations.BackupSchedule>();
        builder.Services.AddKasseHealth();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = StatusProblems.Describe);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bad input must reach the problem handler with its reason, not end as an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddKasseUi();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Kasse API";
            document.Info.Description = "Point of sale: catalogue, stores and registers, sales, payments (cash, card terminal, MobilePay) and returns. "
                + "Errors are application/problem+json. Requests that create something take a client-chosen id or an Idempotency-Key header.";
            // Every call but sign-in and health needs a key (or a session cookie); the reference page's "try it" sends it.
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKey"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.ApiKey,
                In = Microsoft.OpenApi.ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key made by the owner (kasse api-key create, or POST /api/v1/api-keys).",
            };
            document.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("ApiKey", document)] = [] }];
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseKasseSecurity();
        app.UseKasseUi();
        // Sign-in is never replayed from a stored answer: each attempt must count.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api") && context.GetEndpoint()?.Metadata.GetMetadata<AnonymousBecause>() is null,
            api => api.UseMiddleware<IdempotencyMiddleware>());

        app.MapOpenApi().AllowAnonymous("the API description is public, like the README");
        app.MapScalarApiReference(options => options.WithTitle("Kasse API")).AllowAnonymous("the API reference page only renders the public description");
        app.MapGet("/health", () => TypedResults.Ok(HealthAnswer.Ok)).WithTags("Health").AllowAnonymous("load balancers and monitors check health without a key");
        app.MapKasseHealth();
        app.MapGroup("/api/v1").WithStoreBoundary().MapStores().MapCatalog().MapSales().MapReturns().MapStaff().MapAuth().MapAudit().MapTimeClock().MapFraud().MapWebhooks().MapFiscal()
            .MapExport().MapCashControl().MapPrinting().MapPayments().MapAccounting().MapSalesReports().MapInventory().MapPurchasing().MapStockWork().MapCustomers().MapGiftCards().MapPromotions().MapFloor().MapKitchen().MapMenu().MapTipsAndOrderTypes().MapSplitBill().MapGuestOrdering();
        app.MapKasseUi();
        app.MapKasseTelemetry();
        return app;
    }

    /// <summary>What /health answers: {"status":"ok"}. A named type, because the compile-time request delegates cannot name an anonymous one.</summary>
    public sealed record HealthAnswer(string Status)
    {
        public static readonly HealthAnswer Ok = new("ok");
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        // Enum values are names only: a number such as 7 would not be a payment method anyone can read.
        json.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        // A misspelt or missing field is an error the client sees, not a silent default.
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.RespectRequiredConstructorParameters = true;
        json.RespectNullableAnnotations = true;
        // {"quantity":1,"quantity":2} is ambiguous; refuse it rather than guess which one was meant.
        json.AllowDuplicateProperties = false;
    }

    /// <summary>Migrates the database and, on the very first start, creates the demo store.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct)
    {
        await DatabaseSetup.MigrateAsync(app.Services, ct);
        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NodeOptions>>().Value.SeedDemoOnFirstStart)
            return;
        await using var scope = app.Services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(ct);
        if (seeded is not null)
            app.Logger.LogInformation("Created the demo store with {Products} products. Register {Register}, cashier PIN {Pin}; back office {User} / {Password} (demo only).",
                seeded.Products.Created, DemoSeeder.RegisterId, DemoSeeder.EmployeePin, DemoSeeder.EmployeeUserName, DemoSeeder.EmployeePassword);
        if (await scope.ServiceProvider.GetRequiredService<Kasse.Data.KasseDbContext>().ApiKeys.AnyAsync(k => k.Name == DemoSeeder.DemoApiKeyName && k.RevokedAt == null, ct))
            app.Logger.LogWarning("DEMO ONLY: the API key {Key} is published in the README and opens this database with owner rights. "
                + "Revoke it (DELETE /api/v1/api-keys/{{id}}) before real use.", DemoSeeder.DemoApiKey);
    }
}
