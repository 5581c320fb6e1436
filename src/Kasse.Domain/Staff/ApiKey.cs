namespace Kasse.Domain.Staff;

/// <summary>
/// A key an integration sends in the X-Api-Key header. Only a hash of the secret is stored; the key is shown
/// once, when it is made. Its role (optionally narrowed to some permissions) says what it may do.
/// </summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 80;
    public const int PrefixLength = 8;

    private ApiKey() { Name = ""; Role = ""; Prefix = ""; SecretHash = ""; CreatedBy = ""; }

    public ApiKey(Guid id, string name, string role, IReadOnlyCollection<Permission>? scope, string prefix, string secretHash,
        DateTimeOffset createdAt, string createdBy, IReadOnlyCollection<Guid>? stores)
    {
        Id = id;
        Name = Text.Required(name, MaxNameLength, "api-key.name", "An API key name");
        Role = RoleDefinition.ValidName(role);
        Scope = scope is { Count: > 0 } ? RoleDefinition.Join(scope) : null;
        Prefix = prefix;
        SecretHash = secretHash;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        Stores = StoreAccess.For(Role, stores, "api-key.stores");
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Role { get; private set; }

    /// <summary>When set, the key may do only these of its role's permissions.</summary>
    public string? Scope { get; private set; }
    /// <summary>The stores the key may act in (see <see cref="StoreAccess"/>); <c>*</c> for the whole chain.</summary>
    public string Stores { get; private set; } = "";

    /// <summary>Null when chain-wide.</summary>
    public IReadOnlySet<Guid>? StoreIds => StoreAccess.Parse(Stores);

    public string Prefix { get; private set; }
    public string SecretHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public IReadOnlySet<Permission>? ScopePermissions => Scope is null ? null : RoleDefinition.Parse(Scope);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;

    /// <summary>The owner renamed the key's role; the key keeps what it may do.</summary>
    public void MoveToRole(string role) => Role = RoleDefinition.ValidName(role);
}
