using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Kasse.Application.Hosting;
using Kasse.Data;
using Kasse.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Webhooks;

/// <summary>The HTTP client for webhooks: one per process, no redirects followed (a moved receiver is a failure the owner should see).</summary>
public sealed class WebhookHttp(WebhookSettings settings) : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = settings.Timeout,
    };

    public void Dispose() => Client.Dispose();
}

/// <summary>
/// Sends due outbox messages: POST of the stored JSON, signed with HMAC-SHA256 of the body under the webhook's
/// secret. A 2xx answer delivers it; anything else waits longer each time, and gives up after the bounded attempts.
/// </summary>
public sealed class WebhookSender(KasseDbContext db, WebhookHttp http, WebhookSettings settings, SecretProtector secrets, TimeProvider clock)
{
    public const string SignatureHeader = "Kasse-Signature";
    public const string EventHeader = "Kasse-Event";
    public const string DeliveryHeader = "Kasse-Delivery";
    private const int BatchSize = 20;

    /// <summary>Sends up to one batch of due messages; answers how many were tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.Where(m => m.DeliveredAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        var ids = due.Select(m => m.SubscriptionId).Distinct().ToList();
        var webhooks = await db.WebhookSubscriptions.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        foreach (var message in due)
        {
            var webhook = webhooks[message.SubscriptionId];
            if (webhook.IsDeleted)
            {
                message.Drop(clock.GetUtcNow(), "The webhook was deleted.");
                continue;
            }
            await SendAsync(message, webhook, ct);
            // Saved one by one: a crash right after a 2xx repeats at most that one message.
            await db.SaveChangesAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>When the next message falls due, so the worker sleeps no longer than needed.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct) =>
        await db.OutboxMessages.AsNoTracking().Where(m => m.DeliveredAt == null && m.GaveUpAt == null)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(ct);

    private async Task SendAsync(OutboxMessage message, WebhookSubscription webhook, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(message.Payload)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Sign(message.Payload, secrets.Unprotect(webhook.Secret, $"The secret of webhook {webhook.Id}")));
        request.Headers.Add(EventHeader, message.EventType);
        request.Headers.Add(DeliveryHeader, message.Id.ToString());
        int? status = null;
        string error;
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                message.Delivered(clock.GetUtcNow(), status.Value);
                return;
            }
            error = string.Create(CultureInfo.InvariantCulture, $"The receiver answered {status} {response.ReasonPhrase}.");
        }
        catch (HttpRequestException e)
        {
            error = "Could not reach the receiver: " + e.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"The receiver did not answer within {settings.Timeout.TotalSeconds:0} s.");
        }
        message.Failed(clock.GetUtcNow(), status, error, settings.MaxAttempts,
            OutboxMessage.Backoff(message.Attempts + 1, settings.FirstRetry, settings.MaxRetryWait));
    }

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the webhook's secret (UTF-8).</summary>
    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
