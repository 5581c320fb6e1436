using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kasse.Data;
using Kasse.Domain.Fiscal;
using Kasse.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kasse.Application.Fiscal;

/// <summary>Where the business's signing certificate (a PKCS#12 file with its private key) is configured.</summary>
public sealed record SigningSettings(string? CertificatePath, string? CertificatePassword)
{
    public const string PathKey = "Kasse:Fiscal:CertificatePath";
    public const string PasswordKey = "Kasse:Fiscal:CertificatePassword";
}

/// <summary>
/// Finds the key that signs a company's transactions: the configured certificate if there is one,
/// otherwise a self-signed demo key made once per company and kept in the database.
/// </summary>
public sealed class SigningKeys(KasseDbContext db, SigningSettings settings, SigningKeyProtector protector, TimeProvider clock, ILogger<SigningKeys> logger,
    ActiveSigningKeys active)
{
    private static readonly ConcurrentDictionary<string, RSA> PrivateKeys = new();
    private static readonly ConcurrentDictionary<string, (string Version, string CertificateData, RSA PrivateKey)> ConfiguredCertificates = new();

    public sealed record ActiveKey(string KeyVersion, RSA PrivateKey);

    public async Task<ActiveKey> ForCompanyAsync(string companyId, CancellationToken ct)
    {
        if (settings.CertificatePath is { Length: > 0 } path)
            return await ConfiguredAsync(companyId, path, ct);
        // Every completion signs: the key in use is kept in memory until a signing key is saved (or 10 s have passed).
        return await active.GetAsync(companyId, () => StoredAsync(companyId, ct));
    }

    private async Task<ActiveKey> StoredAsync(string companyId, CancellationToken ct)
    {
        var key = await db.SigningKeys.Where(k => k.CompanyId == companyId && k.PrivateKey != null)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);
        if (key is null)
        {
            key = CreateSelfSigned(companyId);
            db.SigningKeys.Add(key);
            await db.SaveChangesAsync(ct);
            logger.LogWarning("Made a self-signed signing key {KeyVersion} for CVR {CompanyId}. It is NOT valid for filing with the tax authority; "
                + "configure the business's OCES3 certificate in {Setting}.", key.KeyVersion, companyId, SigningSettings.PathKey);
        }
        var (pkcs8, wasProtected) = PrivateKeys.ContainsKey(key.KeyVersion) && SigningKeyProtector.IsProtected(key) ? ([], true) : protector.Unprotect(key);
        if (!wasProtected)
        {
            // A key from before protection: protect it now, so from here on a copy of the database alone cannot sign.
            key.ProtectPrivateKey(protector.Protect(pkcs8));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Protected the private half of signing key {KeyVersion} with this installation's key ring.", key.KeyVersion);
        }
        // Unprotected and imported once per process, not on every completed sale.
        if (PrivateKeys.TryGetValue(key.KeyVersion, out var cached))
            return new ActiveKey(key.KeyVersion, cached);
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out int _);
        var shared = PrivateKeys.GetOrAdd(key.KeyVersion, rsa);
        if (!ReferenceEquals(shared, rsa))
            rsa.Dispose(); // another request imported it first
        return new ActiveKey(key.KeyVersion, shared);
    }

    /// <summary>RSA-SHA512 (PKCS#1 v1.5) in base64, as the Danish rules sign transactions; the key object is shared, so one signer at a time.</summary>
    public static string Sign(ActiveKey key, string message)
    {
        lock (key.PrivateKey)
            return Convert.ToBase64String(key.PrivateKey.SignData(System.Text.Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1));
    }

    /// <summary>The public key of a key version, for verification; null if no such key is known.</summary>
    public async Task<RSA?> PublicKeyAsync(string keyVersion, CancellationToken ct)
    {
        var key = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyVersion == keyVersion, ct);
        if (key is null)
            return null;
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(key.Certificate));
        return certificate.GetRSAPublicKey();
    }

    private async Task<ActiveKey> ConfiguredAsync(string companyId, string path, CancellationToken ct)
    {
        // Read and decrypted once per process, not on every completed sale.
        var (version, certificateData, rsa) = ConfiguredCertificates.GetOrAdd(path, LoadCertificate);
        if (!await db.SigningKeys.AnyAsync(k => k.KeyVersion == version, ct))
        {
            db.SigningKeys.Add(new SigningKey(Guid.CreateVersion7(), companyId, version, certificateData, null, false, clock.Now()));
            await db.SaveChangesAsync(ct);
        }
        return new ActiveKey(version, rsa);
    }

    private (string Version, string CertificateData, RSA PrivateKey) LoadCertificate(string path)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException($"The certificate in {path} has no RSA private key.");
        return (certificate.Thumbprint, Convert.ToBase64String(certificate.RawData), rsa);
    }

    private SigningKey CreateSelfSigned(string companyId)
    {
        using var rsa = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName("Kasse self-signed key - NOT VALID FOR FILING");
        subject.AddOrganizationName("CVR " + companyId);
        var request = new CertificateRequest(subject.Build(), rsa, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return new SigningKey(Guid.CreateVersion7(), companyId, certificate.Thumbprint, Convert.ToBase64String(certificate.RawData),
            protector.Protect(rsa.ExportPkcs8PrivateKey()), isSelfSigned: true, clock.Now());
    }
}

/// <summary>Where this installation's Data Protection key ring lives, to tell a person which folder or setting to restore.</summary>
public sealed record KeyRingLocation(string Folder, string Setting)
{
    public static readonly KeyRingLocation Default = new("the ASP.NET Core Data Protection key ring", "the Data Protection settings");
}

/// <summary>
/// Keeps the private half of a self-signed key encrypted with ASP.NET Core Data Protection, whose key ring lives
/// beside the database (not in it): a copy of the database alone holds no usable private key, so it cannot sign
/// a receipt or a report. Keys written before protection (plain PKCS#8 in base64) are still read, and protected on first use.
/// </summary>
public sealed class SigningKeyProtector(IDataProtectionProvider provider, KeyRingLocation location)
{
    public const string Purpose = "Kasse.Fiscal.SigningKey.v1";

    /// <summary>Marks a protected value; plain base64 never contains a colon, so an old key is told apart.</summary>
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public static bool IsProtected(SigningKey key) => key.PrivateKey?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public string Protect(byte[] pkcs8) => Prefix + Convert.ToBase64String(_protector.Protect(pkcs8));

    public (byte[] Pkcs8, bool WasProtected) Unprotect(SigningKey key)
    {
        var stored = key.PrivateKey ?? throw new InvalidOperationException($"Signing key {key.KeyVersion} has no private half here.");
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
            return (Convert.FromBase64String(stored), false);
        try
        {
            return (_protector.Unprotect(Convert.FromBase64String(stored[Prefix.Length..])), true);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw DomainException.Unavailable(SigningErrors.KeyRingMissing,
                $"The private half of signing key {key.KeyVersion} (CVR {key.CompanyId}) is protected by this installation's key ring, "
                + $"and the key ring in {location.Folder} cannot open it: it is missing or is another installation's. "
                + $"Restore that folder from the backup taken with the database, or point {location.Setting} at it. "
                + $"Nothing is signed until then.");
        }
    }
}

/// <summary>Each company's signing key in use, for <see cref="SigningKeys.ForCompanyAsync"/> (one per host: each has its database).</summary>
public sealed class ActiveSigningKeys(TimeProvider clock)
{
    private readonly HotPathCache<string, SigningKeys.ActiveKey> _keys = new(CachedData.SigningKeys, clock);

    public Task<SigningKeys.ActiveKey> GetAsync(string companyId, Func<Task<SigningKeys.ActiveKey>> read) => _keys.GetAsync(companyId, read);
}
