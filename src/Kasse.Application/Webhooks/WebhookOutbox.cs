using System.Text.Json;
using System.Text.Json.Serialization;
using Kasse.Data;
using Kasse.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Webhooks;

/// <summary>
/// Puts an event in the outbox inside the caller's unit of work: the caller's SaveChanges writes the event and
/// the change it reports together, so neither exists without the other, and the worker sends it afterwards.
/// </summary>
public sealed class WebhookOutbox(KasseDbContext db, WebhookSignal signal, TimeProvider clock)
{
    private bool _added;

    /// <summary>One message per webhook that wants this event type; none when nobody listens.</summary>
    public async Task EnqueueAsync(string eventType, object data, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.DeletedAt == null).ToListAsync(ct);
        var wanting = subscriptions.Where(w => w.Wants(eventType)).ToList();
        if (wanting.Count == 0)
            return;
        var eventId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var payload = JsonSerializer.Serialize(new WebhookEnvelope(eventId, eventType, now, data), Json);
        foreach (var subscription in wanting)
            db.OutboxMessages.Add(new OutboxMessage(Guid.CreateVersion7(), eventId, eventType, subscription.Id, payload, now));
        _added = true;
    }

    /// <summary>Call after the caller's SaveChanges: the worker starts at once rather than at its next poll.</summary>
    public void Saved()
    {
        if (_added)
            signal.Wake();
        _added = false;
    }

    /// <summary>What a receiver gets: the event's id (the same for every webhook), its type, when, and its data.</summary>
    public sealed record WebhookEnvelope(Guid Id, string Type, DateTimeOffset OccurredAt, object Data);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
