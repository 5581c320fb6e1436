namespace Kasse.Domain.Webhooks;

/// <summary>The event types a webhook can subscribe to. Names are sent to receivers, so never rename one.</summary>
public static class WebhookEvents
{
    public const string FraudAlertRaised = "fraud.alert.raised";

    public static readonly IReadOnlyList<string> All = [FraudAlertRaised];
}
