using Kasse.Application.Hosting;
using Kasse.Application.Payments;

namespace Kasse.Server.Hosting;

/// <summary>
/// At start, and then every few seconds, asks the devices about payments whose outcome is open (Kasse stopped
/// or the answer was lost): an approval found this way is recorded once; nothing is ever sent again.
/// </summary>
internal sealed class PendingPaymentRecovery(IServiceScopeFactory scopes, PaymentRecoverySettings settings, TimeProvider clock,
    ILogger<PendingPaymentRecovery> logger) : BackgroundLoop(settings.Interval, clock, logger)
{
    protected override async Task<TimeSpan> RunOnceAsync(CancellationToken ct)
    {
        await RecoverAsync(ct);
        return Interval;
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        IReadOnlyList<Guid> open;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            open = await scope.ServiceProvider.GetRequiredService<TerminalPaymentService>().UnsettledAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning(e, "Could not read the open payments; trying again in {Interval}.", settings.Interval);
            return;
        }
        foreach (var id in open)
        {
            // One payment whose device is gone (or whose register lost its settings) must not hold up the others.
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var view = await scope.ServiceProvider.GetRequiredService<TerminalPaymentService>().RefreshAsync(id, ct);
                if (view.IsSettled)
                    Logger.LogInformation("Recovered {Method} payment {PaymentId}: {State}", view.Method, view.Id, view.State);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogWarning("Could not ask about payment {PaymentId}: {Reason}; trying again in {Interval}.", id, e.Message, settings.Interval);
            }
        }
    }
}

public sealed record PaymentRecoverySettings(TimeSpan Interval)
{
    public const string IntervalKey = "Kasse:Payments:RecoveryIntervalSeconds";

    public static PaymentRecoverySettings From(IConfiguration configuration) =>
        new(TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(IntervalKey, 15), 1, 3600)));
}

public static class PaymentConfiguration
{
    /// <summary>Defaults for registers without their own settings (PUT /api/v1/registers/{id}/payment-devices).</summary>
    public static PaymentDefaults DefaultsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("Kasse:Payments");
        return new PaymentDefaults(
            Url(section["Card:Url"]), Blank(section["Card:PoiId"]),
            Url(section["MobilePay:Url"]), Blank(section["MobilePay:MerchantSerialNumber"]),
            section.GetValue("TimeoutSeconds", Kasse.Domain.Payments.PaymentDeviceSettings.DefaultTimeoutSeconds));
    }

    private static Uri? Url(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) ? url
        : throw new InvalidOperationException($"Kasse:Payments: '{text}' is not an absolute URL (e.g. http://192.168.1.50:8110/).");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
