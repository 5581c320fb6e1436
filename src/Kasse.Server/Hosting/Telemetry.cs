using System.Diagnostics.Metrics;
using Kasse.Application;
using Kasse.Data;
using Kasse.Domain.Devices;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kasse.Server.Hosting;

/// <summary><c>Kasse:Telemetry:*</c>: where traces and metrics go besides the /metrics scrape endpoint.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Kasse:Telemetry";

    /// <summary>An OTLP collector (e.g. http://localhost:4317); traces and metrics are exported there when set.</summary>
    public string? OtlpEndpoint { get; set; }
}

/// <summary>
/// OpenTelemetry for the node: Kasse's own meter and spans (<see cref="KasseTelemetry"/>), ASP.NET Core's request
/// metrics and spans, the print queue's and webhook outbox's backlog; a Prometheus scrape endpoint at /metrics for
/// callers with <see cref="Permission.ViewMetrics"/>, and OTLP export when <c>Kasse:Telemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class Telemetry
{
    public const string ScrapePath = "/metrics";

    public static void AddKasseTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.OtlpEndpoint) || PaymentOptions.AbsoluteUrl(o.OtlpEndpoint) is not null,
                "Kasse:Telemetry:OtlpEndpoint must be an absolute URL (e.g. http://localhost:4317).")
            .ValidateOnStart();
        // Whether to export at all is decided while the container is built; the validator above reports a bad address.
        var otlp = PaymentOptions.AbsoluteUrl(builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.OtlpEndpoint);
        builder.Services.AddSingleton<BacklogGauges>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("kasse", serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                // A series per store (and tender): a chain's headquarters has hundreds of stores, past the SDK's default
                // of 2,000 series per metric, after which figures would fold into one overflow series.
                metrics.AddView(instrument => instrument.Meter.Name is KasseTelemetry.Name or BacklogGauges.MeterName
                    ? new MetricStreamConfiguration { CardinalityLimit = 100_000 } : null);
                metrics.AddMeter(KasseTelemetry.Name, BacklogGauges.MeterName, Kasse.Data.WalSync.MeterName).AddAspNetCoreInstrumentation()
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0); // a reading is never older than the scrape
                if (otlp is not null)
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(KasseTelemetry.Name).AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !context.Request.Path.StartsWithSegments(ScrapePath));
                if (otlp is not null)
                    tracing.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
            });
    }

    public static void MapKasseTelemetry(this WebApplication app)
    {
        app.Services.GetRequiredService<BacklogGauges>();
        app.MapPrometheusScrapingEndpoint(ScrapePath).RequirePermission(Permission.ViewMetrics);
    }
}

/// <summary>
/// Work waiting in the node's own queues, counted when the metrics are read: print jobs not yet printed and webhook
/// messages not yet delivered (nor given up on). A growing figure means a printer or a receiver is down.
/// </summary>
public sealed class BacklogGauges
{
    public const string MeterName = "Kasse.Backlog";

    public BacklogGauges(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("kasse.print_queue.depth", () => Count(scopes, db => db.PrintJobs.Count(j => j.Status == PrintJobStatus.Queued
            || j.Status == PrintJobStatus.Sending)), "{job}", "Print jobs waiting for their printer");
        meter.CreateObservableGauge("kasse.webhooks.backlog", () => Count(scopes, db => db.OutboxMessages.Count(m => m.DeliveredAt == null && m.GaveUpAt == null)),
            "{message}", "Webhook messages not yet delivered");
    }

    private static IEnumerable<Measurement<int>> Count(IServiceScopeFactory scopes, Func<KasseDbContext, int> query)
    {
        // A callback must never throw: the listener observes every gauge in one pass, and one that throws ends the pass
        // for the others. The database briefly unreachable, or a stopped host whose meter the process still lists (tests
        // run several hosts in one process), reports nothing for this reading rather than a wrong zero.
        try
        {
            using var scope = scopes.CreateScope();
            return [new Measurement<int>(query(scope.ServiceProvider.GetRequiredService<KasseDbContext>()))];
        }
        catch (Exception)
        {
            return [];
        }
    }
}
