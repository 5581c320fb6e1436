namespace Kasse.Domain.Accounting;

/// <summary>A store's chart of accounts as the bookkeeper saved it (canonical JSON of its accounts).</summary>
public sealed class StoredChart
{
    private StoredChart() { Content = ""; }

    public StoredChart(Guid storeId, string content, DateTimeOffset changedAt)
    {
        StoreId = storeId;
        Content = content;
        ChangedAt = changedAt;
    }

    public Guid StoreId { get; private set; }
    public string Content { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    public void Change(string content, DateTimeOffset now)
    {
        Content = content;
        ChangedAt = now;
    }
}

/// <summary>Where a store's days are pushed: an accounting system's journal API, its journal, and the bearer token.</summary>
public sealed class AccountingConnectorSettings
{
    public const int MaxUrlLength = 200;
    public const int MaxJournalLength = 40;
    public const int MaxTokenLength = 500;

    /// <summary>The column's room: the token is kept encrypted (base64 of a Data Protection payload), longer than typed.</summary>
    public const int MaxStoredTokenLength = 2000;

    private AccountingConnectorSettings() { Journal = ""; Token = ""; Url = null!; }

    public AccountingConnectorSettings(Guid storeId) : this() => StoreId = storeId;

    public Guid StoreId { get; private set; }
    public Uri Url { get; private set; }
    public string Journal { get; private set; }

    /// <summary>Never shown again once saved; only whether one is set. Kept encrypted by the key ring (<see cref="KeepTokenAs"/>).</summary>
    public string Token { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    public void Change(string? url, string? journal, string? token, DateTimeOffset now)
    {
        var text = Text.Required(url, MaxUrlLength, "connector.url", "The accounting system's API address");
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw DomainException.Invalid(ConnectorErrors.Url, $"'{text}' is not an http(s) address; give the API's base address, e.g. https://api.example.dk/v1/.");
        Url = uri;
        Journal = Text.Required(journal, MaxJournalLength, "connector.journal", "The journal (kassekladde) number or name");
        // An empty token keeps the one saved, so the page can change the address without asking for the secret again.
        if (!string.IsNullOrWhiteSpace(token))
            Token = Text.Required(token, MaxTokenLength, "connector.token", "The access token");
        else if (Token.Length == 0)
            throw DomainException.Invalid(ConnectorErrors.Token, "Give the access token (bearer token) the accounting system issued for Kasse.");
        ChangedAt = now;
    }

    /// <summary>Keeps the token as the database holds it: encrypted by the installation's key ring, so a copy of the database alone does not reveal it.</summary>
    public void KeepTokenAs(string stored) => Token = stored.Length <= MaxStoredTokenLength
        ? stored : throw new ArgumentException($"A stored token has at most {MaxStoredTokenLength} characters.", nameof(stored));
}
