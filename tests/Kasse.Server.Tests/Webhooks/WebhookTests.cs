using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kasse.Application.CashControl;
using Kasse.Application.Staff;
using Kasse.Application.Webhooks;
using Kasse.Domain.Staff;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests;

namespace Kasse.Server.Tests.Webhooks;

/// <summary>A server of its own: retries a few times, quickly, so a test sees both the retry and the giving up; rule thresholds may change freely.</summary>
public abstract class WebhookServer(DatabaseProvider provider) : KasseServer(provider)
{
    public const int MaxAttempts = 4;
    public const double FirstRetrySeconds = 0.5;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings[WebhookDelivery.FirstRetrySecondsKey] = FirstRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[WebhookDelivery.MaxAttemptsKey] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[WebhookDelivery.PollSecondsKey] = "1";
        settings[WebhookDelivery.TimeoutSecondsKey] = "5";
    }
}

public sealed class SqliteWebhookServer() : WebhookServer(DatabaseProvider.Sqlite);

public sealed class PostgresWebhookServer() : WebhookServer(DatabaseProvider.Postgres);

/// <summary>Fraud alerts reach the owner's webhook signed, through a durable outbox, even when the receiver is down at first.</summary>
public abstract class WebhookTests(WebhookServer server)
{
    private readonly KasseClient _api = server.Client();
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<RegisteredWebhook> RegisterAsync(Uri url, string? secret = null) =>
        await KasseClient.Read<RegisteredWebhook>(await _api.PostAsync("/api/v1/webhooks", new { url = url.ToString(), secret }));

    private async Task<List<DeliveryView>> DeliveriesAsync(Guid webhookId) =>
        (await _api.Http.GetFromJsonAsync<List<DeliveryView>>($"/api/v1/webhooks/{webhookId}/deliveries", KasseClient.Json))!;

    /// <summary>Polls the deliveries until the condition holds; fails with what it saw when it never does.</summary>
    private Task<List<DeliveryView>> DeliveriesWhenAsync(Guid webhookId, Func<List<DeliveryView>, bool> condition, string what) =>
        Eventually.HoldsAsync(() => DeliveriesAsync(webhookId), condition, what, Patience,
            deliveries => JsonSerializer.Serialize(deliveries, KasseClient.Json));

    /// <summary>A drawer opened without a sale, with the rule's threshold at 0: one fraud alert for the supervisor of a fresh shop.</summary>
    private async Task<Shop> RaiseAnAlertAsync()
    {
        await KasseClient.Read<FraudRuleView>(await _api.SendAsync(HttpMethod.Put, "/api/v1/fraud/rules/NoSaleDrawerOpens", new { threshold = 0m }));
        var shop = await _api.NewShopAsync();
        await KasseClient.Read<SessionView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sessions",
            new OpenSession(Guid.CreateVersion7(), 500m, shop.SupervisorId)));
        // The supervisor opens the drawer at the till: the alert names who acted.
        var supervisor = await server.SignedInAtAsync(shop.Register.Id, shop.SupervisorId, Shop.SupervisorPin);
        await KasseClient.Read<DrawerOpenedView>(await supervisor.PostAsync($"/api/v1/registers/{shop.Register.Id}/drawer/open",
            new OpenDrawer(Reason: "Veksle")));
        await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/stores/{shop.Store.Id}/fraud/evaluations", new { }));
        return shop;
    }

    private static string Hmac(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task An_alert_raised_while_the_receiver_is_down_is_delivered_signed_once_it_is_up()
    {
        await using var receiver = new WebhookReceiver();
        const string secret = "ærø-købmand-webhook-secret";
        var webhook = await RegisterAsync(receiver.Url, secret);
        try
        {
            var shop = await RaiseAnAlertAsync();
            var failed = await DeliveriesWhenAsync(webhook.Webhook.Id, d => d.Count == 1 && d[0].Attempts >= 1, "a first attempt against the receiver that is down");
            Assert.Null(failed[0].DeliveredAt);
            Assert.Contains("reach", failed[0].LastError);

            await receiver.StartAsync();
            var delivered = Assert.Single(await DeliveriesWhenAsync(webhook.Webhook.Id, d => d.All(m => m.DeliveredAt is not null), "the delivery once the receiver is up"));
            var alert = Assert.Single((await _api.Http.GetFromJsonAsync<List<FraudAlertView>>($"/api/v1/fraud/alerts?storeId={shop.Store.Id}", KasseClient.Json))!);

            Assert.True(delivered.Attempts >= 2, $"the first attempt failed, so it took a retry; attempts: {delivered.Attempts}");
            Assert.Equal(204, delivered.LastStatusCode);
            var received = Assert.Single(receiver.Requests);
            Assert.Equal(Hmac(received.Body, secret), received.Signature);
            Assert.Equal("fraud.alert.raised", received.EventType);
            Assert.Equal(delivered.Id.ToString(), received.DeliveryId);
            using var body = JsonDocument.Parse(received.Body);
            Assert.Equal("fraud.alert.raised", body.RootElement.GetProperty("type").GetString());
            Assert.Equal(delivered.EventId, body.RootElement.GetProperty("id").GetGuid());
            var data = body.RootElement.GetProperty("data");
            Assert.Equal(alert.Id, data.GetProperty("id").GetGuid());
            Assert.Equal("NoSaleDrawerOpens", data.GetProperty("rule").GetString());
            Assert.Equal(shop.SupervisorId, data.GetProperty("employeeId").GetGuid());
            Assert.False(string.IsNullOrWhiteSpace(data.GetProperty("explanation").GetString()));
        }
        finally
        {
            await _api.SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{webhook.Webhook.Id}", null);
        }
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_tried_a_bounded_number_of_times_with_growing_waits_and_can_be_sent_again()
    {
        await using var receiver = new WebhookReceiver { Status = 500 };
        await receiver.StartAsync();
        var webhook = await RegisterAsync(receiver.Url);
        try
        {
            await RaiseAnAlertAsync();
            var gaveUp = Assert.Single(await DeliveriesWhenAsync(webhook.Webhook.Id, d => d.Count == 1 && d[0].GaveUpAt is not null, "giving up"));
            // A whole delivery round after giving up: a message given up on is not tried again.
            await server.Services.RoundAsync<WebhookDelivery>();
            var tries = receiver.Requests.Count;
            var listed = Assert.Single((await _api.Http.GetFromJsonAsync<List<WebhookView>>("/api/v1/webhooks", KasseClient.Json))!, w => w.Id == webhook.Webhook.Id);

            receiver.Status = 200;
            await KasseClient.Read<DeliveryView>(await _api.PostAsync($"/api/v1/webhooks/{webhook.Webhook.Id}/deliveries/{gaveUp.Id}/retry", null));
            var resent = Assert.Single(await DeliveriesWhenAsync(webhook.Webhook.Id, d => d.All(m => m.DeliveredAt is not null), "the resent delivery"));

            Assert.Equal(WebhookServer.MaxAttempts, gaveUp.Attempts);
            Assert.Equal(WebhookServer.MaxAttempts, tries);
            Assert.Equal(500, gaveUp.LastStatusCode);
            Assert.Contains("500", gaveUp.LastError);
            Assert.Equal(1, listed.Failed);
            Assert.Equal(0, listed.Pending);
            Assert.Equal(1, resent.Attempts);
            // Every attempt carried the same body, and so the same signature, for the receiver to recognise a repeat.
            Assert.Single(receiver.Requests.Select(r => r.Body).Distinct());
            Assert.Single(receiver.Requests.Select(r => r.DeliveryId).Distinct());
            Assert.Equal(64, webhook.Secret.Length);
            // No retry before its time: each wait is at least its back-off (0.5 s, 1 s, 2 s). A busy machine can only make
            // a wait longer, so the bound holds however slow the run; 5 ms is the clock's rounding to the millisecond.
            var times = receiver.Requests.Take(WebhookServer.MaxAttempts).Select(r => r.At).ToList();
            var waits = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
            var backoffs = waits.Select((_, i) => Kasse.Domain.Webhooks.OutboxMessage.Backoff(i + 1, TimeSpan.FromSeconds(WebhookServer.FirstRetrySeconds), TimeSpan.FromHours(1))).ToList();
            Assert.True(waits.Zip(backoffs).All(w => w.First >= w.Second - TimeSpan.FromMilliseconds(5)),
                $"each retry waits its back-off; waits: {string.Join(", ", waits)}, back-offs: {string.Join(", ", backoffs)}");
            Assert.All(receiver.Requests, r => Assert.Equal(Hmac(r.Body, webhook.Secret), r.Signature));
        }
        finally
        {
            await _api.SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{webhook.Webhook.Id}", null);
        }
    }

    [Fact]
    public async Task Webhooks_are_the_owners_listed_without_their_secret_refused_when_malformed_and_silent_once_deleted()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var cashier = await server.ClientAsAsync(nameof(Role.Cashier));

        var badUrl = await _api.PostAsync("/api/v1/webhooks", new { url = "ftp://example.org/hook" });
        var shortSecret = await _api.PostAsync("/api/v1/webhooks", new { url = receiver.Url.ToString(), secret = "kort" });
        var unknownEvent = await _api.PostAsync("/api/v1/webhooks", new { url = receiver.Url.ToString(), events = new[] { "sale.exploded" } });
        var byCashier = await cashier.PostAsync("/api/v1/webhooks", new { url = receiver.Url.ToString() });
        var webhook = await RegisterAsync(receiver.Url, "a-secret-of-enough-length");
        var listed = await _api.Http.GetStringAsync("/api/v1/webhooks", TestContext.Current.CancellationToken);
        var deleted = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{webhook.Webhook.Id}", null);
        await RaiseAnAlertAsync();
        await server.Services.RoundAsync<WebhookDelivery>(); // what was due for any webhook has gone out
        var deletedAgain = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{webhook.Webhook.Id}", null);

        await KasseClient.Problem(badUrl, HttpStatusCode.BadRequest, "webhook.url");
        await KasseClient.Problem(shortSecret, HttpStatusCode.BadRequest, "webhook.secret");
        await KasseClient.Problem(unknownEvent, HttpStatusCode.BadRequest, "webhook.events");
        Assert.Equal(HttpStatusCode.Forbidden, byCashier.StatusCode);
        Assert.Contains(webhook.Webhook.Id.ToString(), listed);
        Assert.DoesNotContain("a-secret-of-enough-length", listed);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(receiver.Requests);
        await KasseClient.Problem(deletedAgain, HttpStatusCode.NotFound, "webhook.not-found");
    }
}

public sealed class WebhooksOnSqlite(SqliteWebhookServer server) : WebhookTests(server), IClassFixture<SqliteWebhookServer>;

public sealed class WebhooksOnPostgres(PostgresWebhookServer server) : WebhookTests(server), IClassFixture<PostgresWebhookServer>;
