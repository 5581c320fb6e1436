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

/// <summary>How often payments whose answer was lost are asked about (<c>Kasse:Payments:RecoveryIntervalSeconds</c>).</summary>
public sealed record PaymentRecoverySettings(TimeSpan Interval)
{
    public const string IntervalKey = "Kasse:Payments:RecoveryIntervalSeconds";
}
