namespace Kasse.Application.Webhooks;

/// <summary>How patiently webhooks are delivered: the first wait after a failure doubles up to a cap, for a bounded number of attempts.</summary>
public sealed record WebhookSettings(TimeSpan FirstRetry, TimeSpan MaxRetryWait, int MaxAttempts, TimeSpan PollInterval, TimeSpan Timeout)
{
    /// <summary>10 s, 20 s, 40 s … up to an hour between tries, 12 tries: a receiver may be down for about four hours.</summary>
    public static readonly WebhookSettings Default = new(TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), 12, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
}

/// <summary>Wakes the delivery worker as soon as a transaction put a message in the outbox, instead of at its next poll.</summary>
public sealed class WebhookSignal : Kasse.Application.Hosting.WakeSignal;
