namespace Kasse.Domain.Webhooks;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class WebhookErrors
{
    public const string Delivered = "webhook.delivered";
    public const string DeliveryNotFound = "webhook.delivery-not-found";
    public const string Events = "webhook.events";
    public const string NotFound = "webhook.not-found";
    public const string Secret = "webhook.secret";
    public const string Url = "webhook.url";
}
