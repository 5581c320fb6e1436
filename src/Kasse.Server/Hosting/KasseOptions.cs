using System.ComponentModel.DataAnnotations;
using Kasse.Application.Fiscal;
using Kasse.Application.Payments;
using Kasse.Application.Webhooks;
using Kasse.Server.Ui.Receipts;
using Microsoft.Extensions.Options;

namespace Kasse.Server.Hosting;

// Every setting Kasse reads, one class per section of appsettings.json / Kasse__… environment variables. Each is bound
// and validated by the options pattern; a bad value stops start-up with a message that names the setting (see
// KasseOptions.Add). The services keep taking the small records they always had, made from the validated options.

/// <summary><c>Kasse:DataDirectory</c>, <c>Kasse:SeedDemoOnFirstStart</c>, <c>Kasse:StartDemoDevices</c>.</summary>
public sealed class NodeOptions
{
    public const string Section = "Kasse";

    /// <summary>Where the SQLite file, the receipt outbox and other local files live; default the user's local data folder + kasse.</summary>
    public string? DataDirectory { get; set; }

    public bool SeedDemoOnFirstStart { get; set; } = true;

    /// <summary>
    /// Starts the card terminal, MobilePay and printer simulators from tools/ for the demo register, on free loopback
    /// ports, as long as the demo register still uses the demo's simulated devices (DemoDevices).
    /// </summary>
    public bool StartDemoDevices { get; set; } = true;
}

/// <summary><c>Kasse:Database:*</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Kasse:Database";

    /// <summary>sqlite (default) or postgres.</summary>
    public string? Provider { get; set; }

    public string? ConnectionString { get; set; }
}

/// <summary><c>Kasse:Fiscal:*</c>: the business's signing certificate (docs/fiscal.md).</summary>
public sealed class FiscalOptions
{
    public const string Section = "Kasse:Fiscal";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public SigningSettings ToSettings() => new(CertificatePath, CertificatePassword);
}

/// <summary><c>Kasse:Payments:*</c>: defaults for registers without their own payment devices, and recovery.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Kasse:Payments";

    public DeviceOptions Card { get; set; } = new();

    public DeviceOptions MobilePay { get; set; } = new();

    [Range(1, 600, ErrorMessage = "Kasse:Payments:TimeoutSeconds must be between {1} and {2}.")]
    public int TimeoutSeconds { get; set; } = Kasse.Domain.Payments.PaymentDeviceSettings.DefaultTimeoutSeconds;

    /// <summary>How often payments whose answer was lost are asked about again.</summary>
    [Range(1, 3600, ErrorMessage = "Kasse:Payments:RecoveryIntervalSeconds must be between {1} and {2}.")]
    public int RecoveryIntervalSeconds { get; set; } = 15;

    public sealed class DeviceOptions
    {
        public string? Url { get; set; }

        public string? PoiId { get; set; }

        public string? MerchantSerialNumber { get; set; }
    }

    public PaymentDefaults ToDefaults() =>
        new(AbsoluteUrl(Card.Url), Blank(Card.PoiId), AbsoluteUrl(MobilePay.Url), Blank(MobilePay.MerchantSerialNumber), TimeoutSeconds);

    public static Uri? AbsoluteUrl(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) ? url : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary><c>Kasse:Webhooks:*</c>: retry schedule and timeouts of webhook delivery.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Kasse:Webhooks";

    [Range(0.1, 3600, ErrorMessage = "Kasse:Webhooks:FirstRetrySeconds must be between {1} and {2}.")]
    public double FirstRetrySeconds { get; set; } = WebhookSettings.Default.FirstRetry.TotalSeconds;

    [Range(0.01, 24 * 60, ErrorMessage = "Kasse:Webhooks:MaxRetryMinutes must be between {1} and {2}.")]
    public double MaxRetryMinutes { get; set; } = WebhookSettings.Default.MaxRetryWait.TotalMinutes;

    [Range(1, 100, ErrorMessage = "Kasse:Webhooks:MaxAttempts must be between {1} and {2}.")]
    public int MaxAttempts { get; set; } = WebhookSettings.Default.MaxAttempts;

    [Range(0.1, 3600, ErrorMessage = "Kasse:Webhooks:PollSeconds must be between {1} and {2}.")]
    public double PollSeconds { get; set; } = WebhookSettings.Default.PollInterval.TotalSeconds;

    [Range(1, 300, ErrorMessage = "Kasse:Webhooks:TimeoutSeconds must be between {1} and {2}.")]
    public double TimeoutSeconds { get; set; } = WebhookSettings.Default.Timeout.TotalSeconds;

    public WebhookSettings ToSettings() => new(TimeSpan.FromSeconds(FirstRetrySeconds), TimeSpan.FromMinutes(MaxRetryMinutes), MaxAttempts,
        TimeSpan.FromSeconds(PollSeconds), TimeSpan.FromSeconds(TimeoutSeconds));
}

/// <summary><c>Kasse:Idempotency:*</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Kasse:Idempotency";

    // A till retries within seconds, a till that was offline within hours; a week covers a long weekend's outage.
    [Range(0.01, 366, ErrorMessage = "Kasse:Idempotency:KeepDays must be between {1} and {2}.")]
    public double KeepDays { get; set; } = 7;

    [Range(1, 7 * 24 * 3600, ErrorMessage = "Kasse:Idempotency:PruneIntervalSeconds must be between {1} and {2}.")]
    public double PruneIntervalSeconds { get; set; } = 3600;

    public IdempotencySettings ToSettings() => new(TimeSpan.FromDays(KeepDays), TimeSpan.FromSeconds(PruneIntervalSeconds));
}

/// <summary><c>Kasse:Security:*</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Kasse:Security";

    /// <summary>Refuse the session cookie over plain HTTP.</summary>
    public bool CookiesOnlyOverHttps { get; set; }

    /// <summary>A back-office or till session ends after this long without a request.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Kasse:Security:IdleMinutes must be between {1} and {2}.")]
    public int IdleMinutes { get; set; } = 15;

    [Range(1, 1_000_000, ErrorMessage = "Kasse:Security:SignInAttemptsPerMinute must be between {1} and {2}.")]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>QR ordering: orders (and calls to the waiter) from one table a minute.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Kasse:Security:GuestOrdersPerTablePerMinute must be between {1} and {2}.")]
    public int GuestOrdersPerTablePerMinute { get; set; } = 12;

    /// <summary>QR ordering: orders (and calls to the waiter) from one phone a minute.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Kasse:Security:GuestOrdersPerDevicePerMinute must be between {1} and {2}.")]
    public int GuestOrdersPerDevicePerMinute { get; set; } = 6;
}

/// <summary><c>Kasse:DataProtection:*</c>: where this installation's key ring is kept (docs/fiscal.md, "The key ring").</summary>
public sealed class KeyRingOptions
{
    public const string Section = "Kasse:DataProtection";

    /// <summary>Default: the data folder's <c>keys</c>.</summary>
    public string? KeysFolder { get; set; }

    /// <summary>
    /// A PKCS#12 (.pfx) file whose certificate encrypts the key ring's keys (not on Windows, where DPAPI does unless this
    /// is set). Default: a self-signed one Kasse makes once in the data folder (<c>keyring-certificate.pfx</c>, readable by its owner only).
    /// </summary>
    public string? Certificate { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates used before a rotation (.pfx files, same password): still needed to open the keys they encrypted.</summary>
    public List<string> PreviousCertificates { get; set; } = [];
}

/// <summary><c>Kasse:Receipts:*</c>: where e-mailed receipts are written and whom they come from.</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Kasse:Receipts";

    public string? MailFolder { get; set; }

    public string MailFrom { get; set; } = "kvittering@kasse.invalid";
}

/// <summary><c>Kasse:Kiosk:*</c>: the self-service kiosk's idle reset and the pickup board (docs/self-service.md).</summary>
public sealed class KioskOptions
{
    public const string Section = "Kasse:Kiosk";

    /// <summary>After this long without a touch the kiosk asks "are you still there?".</summary>
    [System.ComponentModel.DataAnnotations.Range(3, 3600)]
    public int IdleSeconds { get; set; } = 60;

    /// <summary>How long that question stays before the kiosk empties the basket and shows its attract screen.</summary>
    [System.ComponentModel.DataAnnotations.Range(2, 600)]
    public int WarningSeconds { get; set; } = 20;

    /// <summary>How long a ready order number stays on the pickup board.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 240)]
    public int ReadyMinutes { get; set; } = 10;
}

public static class KasseOptions
{
    /// <summary>
    /// Binds and validates every settings section; the server checks them all before it touches the database
    /// (<see cref="Check"/>), the command line when a command first needs one.
    /// </summary>
    public static IServiceCollection AddKasseOptions(this IServiceCollection services)
    {
        Bind<NodeOptions>(services, NodeOptions.Section);
        Bind<DatabaseOptions>(services, DatabaseOptions.Section)
            .Validate(o => DatabaseSettings.ParseProvider(o.Provider) is not null,
                $"{DatabaseSettings.ProviderKey} must be sqlite or postgres.")
            .Validate(o => DatabaseSettings.ParseProvider(o.Provider) != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                $"PostgreSQL needs a connection string: set {DatabaseSettings.ConnectionKey} (e.g. Host=localhost;Database=kasse;Username=kasse;Password=…).");
        Bind<FiscalOptions>(services, FiscalOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.CertificatePath) || File.Exists(o.CertificatePath),
                $"{SigningSettings.PathKey} names a certificate file that does not exist (or cannot be read).");
        Bind<PaymentOptions>(services, PaymentOptions.Section)
            .Validate(o => Url(o.Card.Url), "Kasse:Payments:Card:Url must be an absolute URL (e.g. http://192.168.1.50:8110/).")
            .Validate(o => Url(o.MobilePay.Url), "Kasse:Payments:MobilePay:Url must be an absolute URL (e.g. https://api.mobilepay.dk/).");
        Bind<WebhookOptions>(services, WebhookOptions.Section);
        Bind<IdempotencyOptions>(services, IdempotencyOptions.Section);
        Bind<SecurityOptions>(services, SecurityOptions.Section);
        Bind<KeyRingOptions>(services, KeyRingOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Certificate) || File.Exists(o.Certificate),
                $"{KeyRing.CertificateKey} names a certificate file that does not exist (or cannot be read).");
        Bind<Operations.BackupOptions>(services, Operations.BackupOptions.Section);
        Bind<Operations.HealthOptions>(services, Operations.HealthOptions.Section);
        Bind<KioskOptions>(services, KioskOptions.Section);
        Bind<ReceiptOptions>(services, ReceiptOptions.Section)
            .Validate(o => ReceiptMailSettings.ValidAddress(o.MailFrom) is not null, "Kasse:Receipts:MailFrom must be an e-mail address.");

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FiscalOptions>>().Value.ToSettings());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PaymentOptions>>().Value.ToDefaults());
        services.AddSingleton(sp => new PaymentRecoverySettings(TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<PaymentOptions>>().Value.RecoveryIntervalSeconds)));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value.ToSettings());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IdempotencyOptions>>().Value.ToSettings());
        services.AddSingleton(sp => ReceiptMailSettings.From(sp.GetRequiredService<IOptions<ReceiptOptions>>().Value,
            sp.GetRequiredService<IOptions<NodeOptions>>().Value));
        return services;
    }

    /// <summary>Validates every section now, so a bad setting is reported before anything else happens.</summary>
    public static void Check(IServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();

    /// <summary>
    /// The settings a composition root needs before its container exists (which database), read and validated
    /// by the same rules as the registered options.
    /// </summary>
    public static DatabaseSettings DatabaseFrom(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddSingleton(configuration).AddKasseOptions().BuildServiceProvider();
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var node = services.GetRequiredService<IOptions<NodeOptions>>().Value;
        return DatabaseSettings.From(database, node);
    }

    /// <summary>
    /// What to tell a person when start-up failed on a setting: each rule it broke, or the value that could not be
    /// read (the binder names the setting, e.g. "Failed to convert configuration value at 'Kasse:Webhooks:MaxAttempts'");
    /// null for any other failure.
    /// </summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => string.Join('\n', invalid.Failures.Select(f => "  " + f)),
        InvalidOperationException { Message: var message } when message.Contains("configuration value", StringComparison.Ordinal) => "  " + message,
        AggregateException { InnerExceptions: [var inner] } => Describe(inner),
        _ when exception.InnerException is { } inner => Describe(inner),
        _ => null,
    };

    private static OptionsBuilder<T> Bind<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    private static bool Url(string? text) => string.IsNullOrWhiteSpace(text) || PaymentOptions.AbsoluteUrl(text) is not null;
}
