namespace Kasse.Domain.Webhooks;

/// <summary>
/// One event on its way to one webhook: written in the same transaction as the change it reports, then sent by
/// a background worker until the receiver answers 2xx or the bounded retries run out. Any event type and JSON
/// payload fits, so later events (sale completed, stock low) reuse it.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 500;

    private OutboxMessage() { EventType = ""; Payload = ""; }

    public OutboxMessage(Guid id, Guid eventId, string eventType, Guid subscriptionId, string payload, DateTimeOffset createdAt)
    {
        Id = id;
        EventId = eventId;
        EventType = eventType;
        SubscriptionId = subscriptionId;
        Payload = payload;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    /// <summary>The delivery's id, sent as Kasse-Delivery, so a receiver can drop a repeat.</summary>
    public Guid Id { get; private set; }

    /// <summary>The event's id, the same for every webhook told about it.</summary>
    public Guid EventId { get; private set; }
    public string EventType { get; private set; }
    public Guid SubscriptionId { get; private set; }

    /// <summary>The exact JSON body sent (and signed).</summary>
    public string Payload { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Set when every attempt failed; the message stays, for the owner to see and send again.</summary>
    public DateTimeOffset? GaveUpAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }

    public bool IsPending => DeliveredAt is null && GaveUpAt is null;

    public void Delivered(DateTimeOffset at, int statusCode)
    {
        Attempts++;
        DeliveredAt = at;
        LastStatusCode = statusCode;
        LastError = null;
    }

    /// <summary>A failed attempt: try again after <paramref name="retryAfter"/>, or give up once the attempts are used up.</summary>
    public void Failed(DateTimeOffset at, int? statusCode, string error, int maxAttempts, TimeSpan retryAfter)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        if (Attempts >= maxAttempts)
            GaveUpAt = at;
        else
            NextAttemptAt = at + retryAfter;
    }

    /// <summary>Stops trying without an attempt, e.g. because the webhook was deleted.</summary>
    public void Drop(DateTimeOffset at, string reason)
    {
        GaveUpAt ??= at;
        LastError = reason;
    }

    /// <summary>The owner sends a message again after the receiver was fixed: a fresh round of attempts.</summary>
    public void Retry(DateTimeOffset at)
    {
        if (DeliveredAt is not null)
            throw DomainException.Conflict(WebhookErrors.Delivered, "This message was delivered already.");
        GaveUpAt = null;
        Attempts = 0;
        NextAttemptAt = at;
    }

    /// <summary>The wait before the next attempt: doubling from the first wait, never more than the cap.</summary>
    public static TimeSpan Backoff(int failedAttempts, TimeSpan first, TimeSpan cap)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var wait = TimeSpan.FromMilliseconds(first.TotalMilliseconds * factor);
        return wait < cap ? wait : cap;
    }
}
