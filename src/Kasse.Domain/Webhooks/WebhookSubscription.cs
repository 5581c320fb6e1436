namespace Kasse.Domain.Webhooks;

/// <summary>
/// An address the owner asked Kasse to tell about events. The secret signs every body (HMAC-SHA256), so the
/// receiver knows it came from this shop; it has to be kept readable for that, and is never shown after creation.
/// </summary>
public sealed class WebhookSubscription
{
    public const int MaxUrlLength = 500;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 200;

    /// <summary>The column's room: the secret is kept encrypted (base64 of a Data Protection payload), longer than typed.</summary>
    public const int MaxStoredSecretLength = 1000;

    private WebhookSubscription() { Url = ""; Secret = ""; EventTypes = ""; CreatedBy = ""; }

    public WebhookSubscription(Guid id, string url, string secret, IReadOnlyCollection<string> eventTypes, DateTimeOffset createdAt, string createdBy)
    {
        Id = id;
        Url = ValidUrl(url);
        Secret = ValidSecret(secret);
        EventTypes = string.Join(',', ValidEventTypes(eventTypes));
        CreatedAt = createdAt;
        CreatedBy = createdBy.Length <= 120 ? createdBy : createdBy[..120];
    }

    public Guid Id { get; private set; }
    public string Url { get; private set; }
    /// <summary>Kept encrypted by the installation's key ring once saved (<see cref="KeepSecretAs"/>).</summary>
    public string Secret { get; private set; }

    /// <summary>The event types sent here (see <see cref="WebhookEvents"/>), comma separated.</summary>
    public string EventTypes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }

    /// <summary>Set when the owner deletes it; kept so its delivery history still names where it went.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public IReadOnlyList<string> Events => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string eventType) => Events.Contains(eventType, StringComparer.Ordinal);

    public void Delete(DateTimeOffset at) => DeletedAt ??= at;

    /// <summary>Keeps the secret as the database holds it: encrypted by the installation's key ring, so a copy of the database alone does not reveal it.</summary>
    public void KeepSecretAs(string stored) => Secret = stored.Length <= MaxStoredSecretLength
        ? stored : throw new ArgumentException($"A stored secret has at most {MaxStoredSecretLength} characters.", nameof(stored));

    public static string ValidUrl(string? url)
    {
        var text = Text.Required(url, MaxUrlLength, "webhook.url", "A webhook URL");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw DomainException.Invalid(WebhookErrors.Url, $"A webhook URL is an absolute http:// or https:// address, such as https://example.com/kasse; got '{text}'.");
        if (!string.IsNullOrEmpty(uri.UserInfo))
            throw DomainException.Invalid(WebhookErrors.Url, "Put no user name or password in the webhook URL; the receiver checks the Kasse-Signature header instead.");
        return text;
    }

    public static string ValidSecret(string? secret)
    {
        var text = secret ?? "";
        if (text.Length < MinSecretLength || text.Length > MaxSecretLength || text.Any(char.IsControl))
            throw DomainException.Invalid(WebhookErrors.Secret,
                $"A webhook secret has {MinSecretLength} to {MaxSecretLength} printable characters (leave it out and Kasse makes one).");
        return text;
    }

    public static IReadOnlyList<string> ValidEventTypes(IReadOnlyCollection<string> eventTypes)
    {
        if (eventTypes.Count == 0)
            throw DomainException.Invalid(WebhookErrors.Events, $"Name at least one event: {string.Join(", ", WebhookEvents.All)}.");
        foreach (var type in eventTypes)
            if (!WebhookEvents.All.Contains(type, StringComparer.Ordinal))
                throw DomainException.Invalid(WebhookErrors.Events, $"There is no event '{type}'. Events: {string.Join(", ", WebhookEvents.All)}.");
        return eventTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
