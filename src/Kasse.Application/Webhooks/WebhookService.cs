using System.Security.Cryptography;
using Kasse.Application.Hosting;
using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Kasse.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Webhooks;

public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string CreatedBy, int Pending, int Delivered,
    int Failed, DateTimeOffset? LastDeliveredAt);

/// <summary>The secret is in this answer only, when the webhook is registered.</summary>
public sealed record RegisteredWebhook(WebhookView Webhook, string Secret);

public sealed record DeliveryView(Guid Id, Guid EventId, string EventType, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset? GaveUpAt, int? LastStatusCode, string? LastError)
{
    public static DeliveryView From(OutboxMessage m) => new(m.Id, m.EventId, m.EventType, m.CreatedAt, m.Attempts, m.IsPending ? m.NextAttemptAt : null,
        m.DeliveredAt, m.GaveUpAt, m.LastStatusCode, m.LastError);
}

/// <summary>The owner's webhooks: register (with a secret that signs every body), list with delivery counts, delete, and resend a failed message.</summary>
public sealed class WebhookService(KasseDbContext db, AuditTrail audit, CurrentActor actor, WebhookSignal signal, SecretProtector secrets, TimeProvider clock)
{
    public async Task<RegisteredWebhook> RegisterAsync(string url, string? secret, IReadOnlyCollection<string>? events, CancellationToken ct)
    {
        var key = secret ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var webhook = new WebhookSubscription(Guid.CreateVersion7(), url, key, events ?? WebhookEvents.All, clock.GetUtcNow(), actor.Value.Name);
        webhook.KeepSecretAs(secrets.Protect(webhook.Secret));
        db.WebhookSubscriptions.Add(webhook);
        audit.Record(AuditAction.SettingChanged, AuditTexts.WebhookRegistered(webhook.Url, webhook.EventTypes), subject: "webhook:" + webhook.Id,
            after: new { webhook.Url, webhook.Events });
        await db.SaveChangesAsync(ct);
        return new RegisteredWebhook(new WebhookView(webhook.Id, webhook.Url, webhook.Events, webhook.CreatedAt, webhook.CreatedBy, 0, 0, 0, null), key);
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct)
    {
        var webhooks = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.DeletedAt == null).OrderBy(w => w.CreatedAt).ToListAsync(ct);
        var ids = webhooks.Select(w => w.Id).ToList();
        var counts = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.SubscriptionId))
            .GroupBy(m => m.SubscriptionId)
            .Select(g => new
            {
                Id = g.Key,
                Pending = g.Count(m => m.DeliveredAt == null && m.GaveUpAt == null),
                Delivered = g.Count(m => m.DeliveredAt != null),
                Failed = g.Count(m => m.GaveUpAt != null),
                Last = g.Max(m => m.DeliveredAt),
            }).ToListAsync(ct);
        return webhooks.Select(w => counts.FirstOrDefault(c => c.Id == w.Id) is { } c
            ? new WebhookView(w.Id, w.Url, w.Events, w.CreatedAt, w.CreatedBy, c.Pending, c.Delivered, c.Failed, c.Last)
            : new WebhookView(w.Id, w.Url, w.Events, w.CreatedAt, w.CreatedBy, 0, 0, 0, null)).ToList();
    }

    /// <summary>Stops sending to the webhook; messages still waiting for it are dropped with it.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var webhook = await FindAsync(id, ct);
        var now = clock.GetUtcNow();
        webhook.Delete(now);
        foreach (var waiting in await db.OutboxMessages.Where(m => m.SubscriptionId == id && m.DeliveredAt == null && m.GaveUpAt == null).ToListAsync(ct))
            waiting.Drop(now, "The webhook was deleted.");
        audit.Record(AuditAction.SettingChanged, AuditTexts.WebhookDeleted(webhook.Url), subject: "webhook:" + webhook.Id, before: new { webhook.Url, webhook.Events });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<DeliveryView>> DeliveriesAsync(Guid id, int take, CancellationToken ct)
    {
        await FindAsync(id, ct);
        return (await db.OutboxMessages.AsNoTracking().Where(m => m.SubscriptionId == id).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(take).ToListAsync(ct)).Select(DeliveryView.From).ToList();
    }

    /// <summary>Sends a message that ran out of attempts once more (the receiver was fixed), with a fresh round of attempts.</summary>
    public async Task<DeliveryView> RetryAsync(Guid id, Guid deliveryId, CancellationToken ct)
    {
        await FindAsync(id, ct);
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == deliveryId && m.SubscriptionId == id, ct)
            ?? throw DomainException.NotFound(WebhookErrors.DeliveryNotFound, $"Webhook {id} has no delivery {deliveryId}.");
        message.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return DeliveryView.From(message);
    }

    private async Task<WebhookSubscription> FindAsync(Guid id, CancellationToken ct) =>
        await db.WebhookSubscriptions.FirstOrDefaultAsync(w => w.Id == id && w.DeletedAt == null, ct)
        ?? throw DomainException.NotFound(WebhookErrors.NotFound, $"No webhook has id {id}.");
}
