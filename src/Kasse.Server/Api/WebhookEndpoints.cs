using Kasse.Application.Webhooks;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class WebhookEndpoints
{
    /// <param name="Secret">16–200 characters; left out, Kasse makes one. Shown in the answer once.</param>
    /// <param name="Events">Event types to send (default: all, today fraud.alert.raised).</param>
    public sealed record RegisterWebhookRequest(string Url, string? Secret = null, IReadOnlyList<string>? Events = null);

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        // Webhooks are integrations, like API keys: the owner's to manage.
        // A subscription hears every store's events, so only a chain-wide caller may see or change them.
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").WithMetadata(new ChainWideOnly("webhooks carry every store's events"));
        webhooks.MapGet("/", List).RequirePermission(Permission.ManageApiKeys)
            .WithSummary("Registered webhooks with their events and delivery counts (never the secret)");
        webhooks.MapPost("/", Register).RequirePermission(Permission.ManageApiKeys)
            .WithSummary("Register a webhook URL: events are POSTed as JSON with the header Kasse-Signature: sha256=<hex HMAC-SHA256 of the body under the secret>; the answer shows the secret once (audited)");
        webhooks.MapDelete("/{webhookId:guid}", Delete).RequirePermission(Permission.ManageApiKeys)
            .WithSummary("Delete a webhook: nothing more is sent to it, messages still waiting for it are dropped (audited)");
        webhooks.MapGet("/{webhookId:guid}/deliveries", Deliveries).RequirePermission(Permission.ManageApiKeys)
            .WithSummary("The webhook's messages, newest first (?take= ≤ 500): attempts, when delivered or given up, the last error");
        webhooks.MapPost("/{webhookId:guid}/deliveries/{deliveryId:guid}/retry", Retry).RequirePermission(Permission.ManageApiKeys)
            .WithSummary("Send a message that ran out of attempts again, with a fresh round of attempts");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<WebhookView>>> List(WebhookService webhooks, CancellationToken ct) => TypedResults.Ok(await webhooks.ListAsync(ct));

    private static async Task<Created<RegisteredWebhook>> Register(RegisterWebhookRequest request, WebhookService webhooks, CancellationToken ct)
    {
        var registered = await webhooks.RegisterAsync(request.Url, request.Secret, request.Events, ct);
        return TypedResults.Created($"/api/v1/webhooks/{registered.Webhook.Id}", registered);
    }

    private static async Task<NoContent> Delete(Guid webhookId, WebhookService webhooks, CancellationToken ct)
    {
        await webhooks.DeleteAsync(webhookId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<DeliveryView>>> Deliveries(Guid webhookId, int? take, WebhookService webhooks, CancellationToken ct)
    {
        if (take is < 1 or > 500)
            throw DomainException.Invalid(RequestErrors.Page, "take must be between 1 and 500.");
        return TypedResults.Ok(await webhooks.DeliveriesAsync(webhookId, take ?? 100, ct));
    }

    private static async Task<Ok<DeliveryView>> Retry(Guid webhookId, Guid deliveryId, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok(await webhooks.RetryAsync(webhookId, deliveryId, ct));
}
