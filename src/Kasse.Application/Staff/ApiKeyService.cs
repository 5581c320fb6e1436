using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

public sealed record ApiKeyView(Guid Id, string Name, string Role, IReadOnlyList<Permission>? Scope, string Prefix, DateTimeOffset CreatedAt,
    string CreatedBy, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool AllStores = false, IReadOnlyList<Guid>? Stores = null)
{
    public static ApiKeyView From(ApiKey k) => new(k.Id, k.Name, k.Role, k.ScopePermissions?.Order().ToList(), k.Prefix, k.CreatedAt, k.CreatedBy,
        k.LastUsedAt, k.RevokedAt, k.StoreIds is null, k.StoreIds?.Order().ToList() ?? []);
}

/// <summary>The key itself, shown this once and never again.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

/// <summary>A key that checked out: who it is and what it may do.</summary>
public sealed record ApiKeyIdentity(Guid Id, string Name, string Role, IReadOnlySet<Permission> Permissions, IReadOnlySet<Guid>? Stores);

/// <summary>
/// API keys look like <c>kasse_ab12cd34_…</c>: the 8-character prefix finds the row, the rest is the secret,
/// stored as SHA-256 (the secret is 32 random bytes, so a fast hash is enough).
/// </summary>
public sealed class ApiKeyService(KasseDbContext db, AuditTrail audit, PermissionMatrix matrix, ApiKeyCache cache, CurrentActor current, TimeProvider clock)
{
    public const string Header = "X-Api-Key";
    private const string Marker = "kasse_";

    public Task<CreatedApiKey> CreateAsync(string name, string role, IReadOnlyCollection<Permission>? scope, string createdBy, CancellationToken ct) =>
        CreateAsync(name, role, scope, null, false, createdBy, ct);

    /// <summary>
    /// A key for the given stores. A key is chain-wide only when asked (<paramref name="allStores"/>, Owner or
    /// Accountant role); with nothing named it gets the caller's or the database's only store (see <see cref="StoreReach"/>).
    /// </summary>
    public async Task<CreatedApiKey> CreateAsync(string name, string role, IReadOnlyCollection<Permission>? scope, IReadOnlyCollection<Guid>? stores,
        bool allStores, string createdBy, CancellationToken ct)
    {
        if (!BuiltInRoles.IsBuiltIn(role) && !await db.Roles.AnyAsync(r => r.Name == role, ct))
            throw DomainException.Invalid(ApiKeyErrors.Role, $"There is no role '{role}'.");
        var reach = await StoreReach.ResolveAsync(db, current.Value, RoleDefinition.ValidName(role), stores, allStores, chainWideByDefault: false,
            "api-key.stores", ct);
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(ApiKey.PrefixLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return await SaveAsync(name, role, scope, reach, createdBy, prefix, secret, ct);
    }

    /// <summary>A key with a known value, for the demo store only (documented in the README as not secret).</summary>
    public async Task<CreatedApiKey> CreateKnownAsync(string name, string role, string key, string createdBy, CancellationToken ct)
    {
        var (prefix, secret) = Split(key) ?? throw new ArgumentException("Not a Kasse API key.", nameof(key));
        var existing = await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
        // The demo's key is the owner's and reaches the whole demo chain.
        return existing is not null ? new CreatedApiKey(ApiKeyView.From(existing), key) : await SaveAsync(name, role, null, null, createdBy, prefix, secret, ct);
    }

    private async Task<CreatedApiKey> SaveAsync(string name, string role, IReadOnlyCollection<Permission>? scope, IReadOnlyCollection<Guid>? stores,
        string createdBy, string prefix, string secret, CancellationToken ct)
    {
        var key = new ApiKey(Guid.CreateVersion7(), name, role, scope, prefix, Hash(secret), clock.Now(), createdBy, stores);
        db.ApiKeys.Add(key);
        audit.Record(AuditAction.ApiKeyCreated, AuditTexts.ApiKeyCreated(key.Name, key.Prefix, key.Role, key.Scope, key.StoreIds?.Count),
            subject: key.Id.ToString());
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(ApiKeyView.From(key), $"{Marker}{prefix}_{secret}");
    }

    /// <summary>The keys a store-limited caller could have made: those that reach only the caller's stores.</summary>
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken ct) =>
        (await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(ct))
            .Where(k => StoreAccess.Within(k.StoreIds, current.Value.Stores)).Select(ApiKeyView.From).ToList();

    public async Task<ApiKeyView> RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct)
            ?? throw DomainException.NotFound(ApiKeyErrors.NotFound, $"No API key has id {id}.");
        if (!StoreAccess.Within(key.StoreIds, current.Value.Stores))
            throw Actor.NotYours();
        key.Revoke(clock.Now());
        audit.Record(AuditAction.ApiKeyRevoked, AuditTexts.ApiKeyRevoked(key.Name, key.Prefix), subject: key.Id.ToString());
        await db.SaveChangesAsync(ct);
        cache.Forget();
        return ApiKeyView.From(key);
    }

    /// <summary>Checks a presented key; null when it is unknown, wrong or revoked. Last-used time is written at most once a minute.</summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string presented, CancellationToken ct)
    {
        if (Split(presented.Trim()) is not var (prefix, secret))
            return null;
        var hash = Hash(secret);
        var now = clock.Now();
        if (cache.Find(hash, now) is { } known)
            return known;
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (key is null || key.IsRevoked
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.SecretHash), Encoding.ASCII.GetBytes(hash)))
            return null;
        var permissions = (await matrix.PermissionsOfAsync(db, key.Role, ct)).ToHashSet();
        if (key.ScopePermissions is { } scope)
            permissions.IntersectWith(scope);
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.MarkUsed(now);
            await db.SaveChangesAsync(ct);
        }
        var identity = new ApiKeyIdentity(key.Id, key.Name, key.Role, permissions, key.StoreIds);
        cache.Remember(hash, identity, now);
        return identity;
    }

    private static (string Prefix, string Secret)? Split(string key)
    {
        if (!key.StartsWith(Marker, StringComparison.Ordinal) || key.Length > 200)
            return null;
        var rest = key[Marker.Length..];
        var cut = rest.IndexOf('_', StringComparison.Ordinal);
        return cut == ApiKey.PrefixLength && rest.Length > cut + 1 ? (rest[..cut], rest[(cut + 1)..]) : null;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Keys checked in the last minute, so a busy integration does not cost a database read per request.</summary>
public sealed class ApiKeyCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Identity, DateTimeOffset Until)> _keys = new(StringComparer.Ordinal);

    public ApiKeyIdentity? Find(string hash, DateTimeOffset now) =>
        _keys.TryGetValue(hash, out var entry) && entry.Until > now ? entry.Identity : null;

    public void Remember(string hash, ApiKeyIdentity identity, DateTimeOffset now) => _keys[hash] = (identity, now + Lifetime);

    public void Forget() => _keys.Clear();
}
