using Kasse.Application.Hosting;
using Kasse.Application.Webhooks;

namespace Kasse.Server.Hosting;

/// <summary>
/// Empties the webhook outbox: wakes when a transaction added a message, or when the next retry falls due, or at
/// the poll interval at the latest. A failing receiver never stops the loop; the database keeps every message.
/// </summary>
internal sealed class WebhookDelivery(IServiceScopeFactory scopes, WebhookSignal signal, WebhookSettings settings, TimeProvider clock,
    ILogger<WebhookDelivery> logger) : BackgroundLoop(settings.PollInterval, clock, logger, signal)
{
    public const string FirstRetrySecondsKey = "Kasse:Webhooks:FirstRetrySeconds";
    public const string MaxRetryMinutesKey = "Kasse:Webhooks:MaxRetryMinutes";
    public const string MaxAttemptsKey = "Kasse:Webhooks:MaxAttempts";
    public const string PollSecondsKey = "Kasse:Webhooks:PollSeconds";
    public const string TimeoutSecondsKey = "Kasse:Webhooks:TimeoutSeconds";

    /// <summary>Sends what is due (batch after batch while there is more), and answers how long to sleep.</summary>
    protected override async Task<TimeSpan> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
        // Bounded: a few batches per wake, so one huge backlog can't keep the loop from noticing shutdown.
        for (var batch = 0; batch < 10 && await sender.SendDueAsync(ct) > 0; batch++)
        {
        }
        var next = await sender.NextDueAsync(ct);
        if (next is null)
            return Interval;
        var untilDue = next.Value - Clock.GetUtcNow();
        return untilDue <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(50) : untilDue < Interval ? untilDue : Interval;
    }
}
